-- The first outcome of each command sent with an Idempotency-Key, written in the command's own
-- transaction (so a key exists exactly when the command's events do). A repeat with the same
-- actor, key and request gets this outcome again; keys past their retention are purged.
CREATE TABLE idempotency_key (
    actor          VARCHAR(64)  NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    fingerprint    CHAR(64)     NOT NULL,
    status         SMALLINT     NOT NULL,
    content_type   VARCHAR(255),
    location       VARCHAR(2048),
    body           BYTEA,
    event_position BIGINT,
    stored_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (actor, idem_key)
);
CREATE INDEX idempotency_key_stored_at_idx ON idempotency_key (stored_at);
