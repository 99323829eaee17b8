-- Webhooks: per organisation one URL to which signals are delivered, and the outbox that
-- holds every event until its delivery (see docs/architecture.md, "Webhooks").
-- Portable SQL as in 0001: TEXT ids, BIGINT, BLOB (BYTEA on PostgreSQL), no SQLite-only
-- syntax. Independent of 0003 (Verwijsindex): either may be applied first.
--
-- The HMAC secret is stored only sealed: geheim_enc is a ciphertext under the webhook's own
-- data key (data_keys, owner = webhooks.id), like every personal field. The outbox payload
-- holds contact details of professionals, so it is a ciphertext under the same key; it is
-- cleared (NULL) once the event is delivered or given up, so the outbox keeps no personal
-- data longer than the delivery needs.
--
-- Outbox times are BIGINT milliseconds since the Unix epoch (not RFC 3339 text as
-- elsewhere): the worker computes back-off and deadlines with them and selects due events
-- by comparing them, and nobody reads them as dates.

CREATE TABLE webhooks (
  organisatie_id TEXT PRIMARY KEY REFERENCES organisaties (id),
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  geheim_enc BLOB NOT NULL,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL
);

-- subjects: JSON array of {"soort", "id"} (internal ids of medewerkers or personen, never a
-- BSN) whose data the event carries; the delivery is logged for each (processing log).
CREATE TABLE webhook_outbox (
  id TEXT PRIMARY KEY,
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  event_type TEXT NOT NULL,
  payload BLOB,
  subjects TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  delivered_at BIGINT,
  given_up_at BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL
);
-- The worker's question: which pending events are due. Partial, so finished rows cost nothing.
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at)
  WHERE delivered_at IS NULL AND given_up_at IS NULL;
CREATE INDEX webhook_outbox_organisatie ON webhook_outbox (organisatie_id, created_at);
