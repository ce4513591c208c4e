-- PII-NOT-IN-CLEAR, ANONYMOUS: what the case view says about the citizen's personal data, without
-- holding any: PRESENT (readable through GET /cases/{id}/citizen), ERASED (the key is destroyed) or
-- ANONYMOUS (none recorded; the case reference and the stated age band name the case instead).
ALTER TABLE case_view
    ADD COLUMN personal_data  VARCHAR(16),
    ADD COLUMN case_reference VARCHAR(128),
    ADD COLUMN age_band       VARCHAR(16);
