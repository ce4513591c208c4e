-- The local mode's signing key (a JWK with its private part), shared by every instance of a local-mode
-- deployment on this database (the compose stack runs two behind a proxy), so a token from POST /dev/token
-- on one instance is valid on the other. Local mode only: a start in production mode deletes the row.
CREATE TABLE local_issuer_key (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    jwk        TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
