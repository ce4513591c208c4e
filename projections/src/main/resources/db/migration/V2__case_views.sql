-- Read models for the case workflows: a case's current state, its service lines and its
-- deadlines. Fed by Axon processors; every write is an idempotent upsert keyed by the
-- aggregate or deadline id, so a redelivered or replayed event changes nothing.

CREATE TABLE case_view (
    application_id   VARCHAR(64)  PRIMARY KEY,
    citizen_id       VARCHAR(64),
    municipality     VARCHAR(64)  NOT NULL,
    paragraph        VARCHAR(16)  NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    received_on      DATE         NOT NULL,
    acute            BOOLEAN      NOT NULL,
    source           VARCHAR(32),
    team             VARCHAR(128),
    caseworker       VARCHAR(128),
    routed_to        VARCHAR(128),
    services         JSONB        NOT NULL,
    assessment_id    VARCHAR(64),
    scores           JSONB,
    decision_id      VARCHAR(64),
    decided_on       DATE,
    rule_set_version VARCHAR(128),
    referred_to      VARCHAR(256),
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX case_view_citizen_idx ON case_view (citizen_id);

CREATE TABLE grant_view (
    grant_id             VARCHAR(64) PRIMARY KEY,
    case_id              VARCHAR(64) NOT NULL,
    citizen_id           VARCHAR(64),
    municipality         VARCHAR(64) NOT NULL,
    paragraph            VARCHAR(16) NOT NULL,
    service_code         VARCHAR(64),
    service_name         VARCHAR(256),
    outcome              VARCHAR(16) NOT NULL,
    status               VARCHAR(16) NOT NULL,
    decision_id          VARCHAR(64),
    decided_on           DATE,
    started_on           DATE,
    ends_on              DATE,
    end_reason           VARCHAR(64),
    terms                JSONB,
    coming_terms         JSONB,
    coming_terms_from    DATE,
    rule_ids             JSONB,
    rule_set_version     VARCHAR(128),
    action_plan          VARCHAR(16),
    action_plan_offered  BOOLEAN     NOT NULL DEFAULT FALSE,
    action_plan_accepted BOOLEAN,
    provider             VARCHAR(256),
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX grant_view_case_idx ON grant_view (case_id);
CREATE INDEX grant_view_citizen_idx ON grant_view (citizen_id);

CREATE TABLE deadline_view (
    deadline_key    VARCHAR(200) PRIMARY KEY,
    case_id         VARCHAR(64)  NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    rule_id         VARCHAR(64)  NOT NULL,
    due_on          DATE         NOT NULL,
    window_opens_on DATE,
    state           VARCHAR(16)  NOT NULL,
    opened_at       TIMESTAMPTZ  NOT NULL,
    fired_at        TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ,
    closed_reason   TEXT
);
CREATE INDEX deadline_view_case_idx ON deadline_view (case_id);
