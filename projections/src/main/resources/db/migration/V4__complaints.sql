-- The complaints about a grant line's decisions and where each stands.
CREATE TABLE complaint_view (
    complaint_id     VARCHAR(64)  PRIMARY KEY,
    grant_id         VARCHAR(64)  NOT NULL,
    case_id          VARCHAR(64)  NOT NULL,
    decision_id      VARCHAR(64)  NOT NULL,
    received_on      DATE         NOT NULL,
    form             VARCHAR(32)  NOT NULL,
    subject          VARCHAR(32)  NOT NULL,
    late             BOOLEAN      NOT NULL,
    window_ends_on   DATE,
    status           VARCHAR(32)  NOT NULL,
    reconsidered_on  DATE,
    reconsideration  VARCHAR(32),
    sent_on          DATE,
    case_material    JSONB,
    suspended        BOOLEAN      NOT NULL DEFAULT FALSE,
    appeal_outcome   VARCHAR(32),
    appeal_received_on DATE,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX complaint_view_grant_idx ON complaint_view (grant_id);
CREATE INDEX complaint_view_case_idx ON complaint_view (case_id);
