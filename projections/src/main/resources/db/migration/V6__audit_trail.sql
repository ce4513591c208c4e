-- The audit trail: every event of a case in order, with who, on whose behalf, why, the rule IDs
-- and the rule-set version. Personal data is withheld from the stored payload.
CREATE TABLE audit_aggregate (
    aggregate_id VARCHAR(255) PRIMARY KEY,
    case_id      VARCHAR(64)  NOT NULL
);

CREATE TABLE audit_entry (
    event_id         VARCHAR(255) PRIMARY KEY,
    global_index     BIGINT       NOT NULL,
    case_id          VARCHAR(64),
    aggregate_id     VARCHAR(255),
    aggregate_type   VARCHAR(64),
    sequence_number  BIGINT,
    event_type       VARCHAR(128) NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    actor            VARCHAR(128),
    on_behalf_of     VARCHAR(128),
    reason           TEXT,
    rule_ids         JSONB        NOT NULL,
    rule_set_version VARCHAR(128),
    payload          JSONB        NOT NULL
);
CREATE INDEX audit_entry_case_idx ON audit_entry (case_id, global_index);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, occurred_at);
