-- What a caseworker and an auditor see of a grant line beyond its terms: a rejection's reason and
-- where it refers the citizen (SEL85-TARGET: open offers), what the rule files flag about the rule
-- applied (e.g. GLX-RETAIN), and whether the grant keeps an hour account (§ 97, § 98), which the
-- views read from the grant's events. Filled for earlier grants by a replay of the cases projection.
ALTER TABLE grant_view ADD COLUMN reason      TEXT;
ALTER TABLE grant_view ADD COLUMN referral    JSONB;
ALTER TABLE grant_view ADD COLUMN findings    JSONB;
ALTER TABLE grant_view ADD COLUMN keeps_hours BOOLEAN NOT NULL DEFAULT FALSE;
