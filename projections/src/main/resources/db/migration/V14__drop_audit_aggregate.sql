-- Every event now names its case, so the audit trail no longer learns an aggregate's case from its
-- earlier events.
DROP TABLE audit_aggregate;
