-- PII-NOT-IN-CLEAR, NO-DELETE-WITHOUT-ARCHIVE: one data key per citizen (by pseudonymous id). The
-- key is a Tink AEAD keyset encrypted with the master key from configuration; the event store holds
-- the citizen's CPR number and name encrypted with it. Erasure sets keyset to NULL (crypto-shredding):
-- the events stay as they are and their personal data can no longer be read. erased_at stays set when
-- a later application of the same citizen makes a new key, so that what the old key encrypted still
-- reads as erased.
CREATE TABLE citizen_data_key (
    citizen_id  VARCHAR(64)  PRIMARY KEY,
    keyset      BYTEA,
    created_at  TIMESTAMPTZ  NOT NULL,
    erased_at   TIMESTAMPTZ
);
