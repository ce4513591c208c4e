-- Delivery receipts taken from Kafka (RECEIPT), one row per message id, written in the transaction
-- that stores the receipt on the decision: a redelivered or repeated message finds its id and changes nothing.
CREATE TABLE kafka_receipt_message (
    message_id   VARCHAR(256) PRIMARY KEY,
    grant_id     VARCHAR(64)  NOT NULL,
    decision_id  VARCHAR(64)  NOT NULL,
    received_on  DATE         NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL
);
