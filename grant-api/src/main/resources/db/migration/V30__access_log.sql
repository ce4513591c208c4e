-- ACCESS-LOG (GDPR art. 15): every read of a case, who, when, which case, which endpoint, why.
-- Append-only: the application only inserts; updates, deletes and truncation are refused here too.
CREATE TABLE access_log (
    id           BIGSERIAL    PRIMARY KEY,
    accessed_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    roles        VARCHAR(128) NOT NULL,
    municipality VARCHAR(64)  NOT NULL,
    case_id      VARCHAR(64)  NOT NULL,
    citizen_id   VARCHAR(64),
    endpoint     VARCHAR(128) NOT NULL,
    purpose      VARCHAR(200) NOT NULL
);
CREATE INDEX access_log_case_idx ON access_log (municipality, case_id, accessed_at);
CREATE INDEX access_log_citizen_idx ON access_log (municipality, citizen_id, accessed_at);

CREATE FUNCTION access_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only (ACCESS-LOG): % refused', TG_OP;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
