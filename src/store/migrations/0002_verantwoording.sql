-- Accountability: the processing log (Logboek Dataverwerkingen, LDV) and the authorisation
-- decision log (ADL). Both are hash chains: each record carries the hash of the previous
-- one (prev_hash) and its own (hash = SHA-256 over prev_hash, seq and the record's fields;
-- see src/audit/chain.cc). They hold ids and pseudonyms, never plaintext personal data.

CREATE TABLE verwerkingen (
  seq BIGINT PRIMARY KEY,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT NOT NULL,
  name TEXT NOT NULL,
  start_time TEXT NOT NULL,
  end_time TEXT NOT NULL,
  status_code BIGINT NOT NULL,
  resource_name TEXT NOT NULL,
  resource_version TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_id_type TEXT NOT NULL,
  controller_id TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_rol TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL
);
CREATE INDEX verwerkingen_subject ON verwerkingen (subject_id, seq);
CREATE INDEX verwerkingen_trace ON verwerkingen (trace_id);
CREATE INDEX verwerkingen_start ON verwerkingen (start_time);

CREATE TABLE besluiten (
  seq BIGINT PRIMARY KEY,
  tijdstip TEXT NOT NULL,
  trace_id TEXT NOT NULL,
  span_id TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_rol TEXT NOT NULL,
  subject_organisatie TEXT NOT NULL,
  action TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  rule TEXT NOT NULL,
  ground TEXT NOT NULL,
  reason TEXT NOT NULL,
  ruleset_version TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL
);
CREATE INDEX besluiten_trace ON besluiten (trace_id);

-- Erasure (AVG-04) keeps the row so that logs and references stay intact, but destroys the
-- data key and clears every plaintext attribute.
ALTER TABLE personen ADD COLUMN vernietigd_op TEXT;
