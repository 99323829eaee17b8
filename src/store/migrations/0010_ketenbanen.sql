-- Lanes of the audit chains (src/audit/chain.h, docs/architecture.md "PostgreSQL"). Each chain
-- is one or more lanes; a record links to the previous record of its own lane: prev_seq is
-- that record's seq (0 for a lane's first record) and prev_hash its hash. SQLite writes lane
-- 0 only, so there prev_seq is always seq - 1. On PostgreSQL every serve process appends to
-- a lane of its own (held by an advisory lock), so processes no longer wait for each other's
-- appends; seq then comes from a sequence shared by both chains (added to this migration by
-- store/pg_dialect.cc) and has gaps within a lane. The unique index is the guard: two
-- writers can never both link to the same record of a lane, so a lane cannot fork.
ALTER TABLE verwerkingen ADD COLUMN baan BIGINT NOT NULL DEFAULT 0;
ALTER TABLE verwerkingen ADD COLUMN prev_seq BIGINT NOT NULL DEFAULT 0;
UPDATE verwerkingen SET prev_seq = seq - 1;
CREATE UNIQUE INDEX verwerkingen_baan ON verwerkingen (baan, prev_seq);
ALTER TABLE besluiten ADD COLUMN baan BIGINT NOT NULL DEFAULT 0;
ALTER TABLE besluiten ADD COLUMN prev_seq BIGINT NOT NULL DEFAULT 0;
UPDATE besluiten SET prev_seq = seq - 1;
CREATE UNIQUE INDEX besluiten_baan ON besluiten (baan, prev_seq);
