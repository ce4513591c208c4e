-- The command side's record of each citizen's grants, for the rules a decision needs it for
-- (EXCL-*, first-time grants). Written in the same transaction as the events it reflects.
CREATE TABLE citizen_grant (
    grant_id   VARCHAR(64) PRIMARY KEY,
    citizen_id VARCHAR(64) NOT NULL,
    paragraph  VARCHAR(16) NOT NULL,
    granted    BOOLEAN     NOT NULL,
    active     BOOLEAN     NOT NULL
);
CREATE INDEX citizen_grant_citizen_idx ON citizen_grant (citizen_id, paragraph);

-- Events stored before this table existed (all in their first shape) are played into it in order.
DO $$
DECLARE
    e RECORD;
    p JSONB;
    outcome JSONB;
BEGIN
    FOR e IN SELECT payloadtype, aggregateidentifier, convert_from(payload, 'UTF8') AS json FROM domainevententry
             WHERE payloadtype LIKE '%$ApplicationDecided' OR payloadtype LIKE '%$OutreachContactStarted'
                OR payloadtype LIKE '%$GrantEnded' OR payloadtype LIKE '%$DecisionRevoked'
                OR payloadtype LIKE '%$DecisionChangedInFavour'
             ORDER BY globalindex
    LOOP
        p := e.json::jsonb;
        IF e.payloadtype LIKE '%$ApplicationDecided' THEN
            FOR outcome IN SELECT * FROM jsonb_array_elements(p -> 'outcomes') LOOP
                INSERT INTO citizen_grant VALUES (outcome ->> 'grantId', p ->> 'citizenId', outcome ->> 'paragraph',
                    outcome ->> 'outcome' = 'GRANTED', outcome ->> 'outcome' = 'GRANTED') ON CONFLICT DO NOTHING;
            END LOOP;
        ELSIF e.payloadtype LIKE '%$OutreachContactStarted' AND p ->> 'citizenId' IS NOT NULL THEN
            INSERT INTO citizen_grant VALUES (e.aggregateidentifier, p ->> 'citizenId', 'SEL99', TRUE, TRUE) ON CONFLICT DO NOTHING;
        ELSIF e.payloadtype LIKE '%$GrantEnded' THEN
            UPDATE citizen_grant SET active = FALSE WHERE grant_id = e.aggregateidentifier;
        ELSIF e.payloadtype LIKE '%$DecisionRevoked' AND (p ->> 'reinstated')::boolean THEN
            UPDATE citizen_grant SET active = TRUE WHERE grant_id = e.aggregateidentifier;
        ELSIF e.payloadtype LIKE '%$DecisionChangedInFavour' AND (p ->> 'nowGranted')::boolean THEN
            UPDATE citizen_grant SET granted = TRUE, active = TRUE WHERE grant_id = e.aggregateidentifier;
        END IF;
    END LOOP;
END $$;
