-- Issue 12: queue queries at 100,000 open cases. Every queue query is scoped to one municipality
-- (tenancy). A team's or a caseworker's page over all statuses reads these indexes in due order,
-- and the counts per status (rows grouped by state and due date) run on them as index-only scans;
-- a municipality's page over all statuses reads its deadlines in due order without sorting its history.
CREATE INDEX deadline_team_due_state_idx ON deadline_view (municipality, team, due_on, state);
CREATE INDEX deadline_caseworker_due_state_idx ON deadline_view (municipality, caseworker, due_on, state);
CREATE INDEX deadline_municipality_due_idx ON deadline_view (municipality, due_on, deadline_key);
