-- The supervisors' deadline queue: each deadline row carries the case's municipality, paragraph,
-- team and caseworker (kept current on reassignment), so queue queries read one table through
-- partial indexes on the open deadlines; counts per status come from the same indexes.
CREATE TABLE deadline_case (
    case_id      VARCHAR(64)  PRIMARY KEY,
    municipality VARCHAR(64)  NOT NULL,
    paragraph    VARCHAR(16)  NOT NULL,
    team         VARCHAR(128),
    caseworker   VARCHAR(128)
);

ALTER TABLE deadline_view
    ADD COLUMN municipality VARCHAR(64),
    ADD COLUMN paragraph    VARCHAR(16),
    ADD COLUMN team         VARCHAR(128),
    ADD COLUMN caseworker   VARCHAR(128);

CREATE INDEX deadline_open_due_idx ON deadline_view (due_on) WHERE state IN ('OPEN', 'FIRED');
CREATE INDEX deadline_open_municipality_idx ON deadline_view (municipality, due_on) WHERE state IN ('OPEN', 'FIRED');
CREATE INDEX deadline_open_team_idx ON deadline_view (team, due_on) WHERE state IN ('OPEN', 'FIRED');
CREATE INDEX deadline_open_caseworker_idx ON deadline_view (caseworker, due_on) WHERE state IN ('OPEN', 'FIRED');
CREATE INDEX deadline_rule_due_idx ON deadline_view (rule_id, due_on);
CREATE INDEX deadline_state_due_idx ON deadline_view (state, due_on);
CREATE INDEX deadline_municipality_state_idx ON deadline_view (municipality, state, due_on);
