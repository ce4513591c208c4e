-- Axon's JDBC sequenced dead-letter queue (JdbcSequencedDeadLetterQueue), one table for the
-- projections' processing groups: an event a projection could not apply is parked here with the
-- events of its case that came after it, until a retry applies them or a replay handles them again.
-- Column names are Axon's DeadLetterSchema defaults (unquoted, so PostgreSQL folds them to lower
-- case); timestamps are ISO-8601 strings as Axon writes them, like domainevententry.timestamp.
-- payload and metadata are the serialized event, as in the event store, so personal data is
-- protected here as it is there; the API never shows them.
CREATE TABLE deadletterentry (
    deadletteridentifier VARCHAR(255)  NOT NULL,
    processinggroup      VARCHAR(255)  NOT NULL,
    sequenceidentifier   VARCHAR(255)  NOT NULL,
    sequenceindex        BIGINT        NOT NULL,
    messagetype          VARCHAR(255)  NOT NULL,
    eventidentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadtype          VARCHAR(255)  NOT NULL,
    payloadrevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metadata             BYTEA,
    type                 VARCHAR(255),
    aggregateidentifier  VARCHAR(255),
    sequencenumber       BIGINT,
    tokentype            VARCHAR(255),
    token                BYTEA,
    enqueuedat           VARCHAR(255)  NOT NULL,
    lasttouched          VARCHAR(255),
    processingstarted    VARCHAR(255),
    causetype            VARCHAR(255),
    causemessage         VARCHAR(1023),
    diagnostics          BYTEA,
    PRIMARY KEY (deadletteridentifier),
    UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_group_idx ON deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence_idx ON deadletterentry (processinggroup, sequenceidentifier);
-- The case view asks, per case, whether any projection has parked its events.
CREATE INDEX deadletterentry_case_idx ON deadletterentry (sequenceidentifier);
