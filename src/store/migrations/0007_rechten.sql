-- Requests of data subjects (AVG-01, AVG-02): inspection, correction, erasure per context.
-- The term starts when the request is complete: at filing, or at the co-signature of a joint
-- request (VIR-15, 12-15). Free text (toelichting, reasons) is sealed under the betrokkene's
-- own data key, so erasing him (AVG-04) shreds it with the rest.
CREATE TABLE verzoeken (
  id TEXT PRIMARY KEY,
  soort TEXT NOT NULL,
  context TEXT NOT NULL,
  betrokkene_id TEXT NOT NULL REFERENCES personen (id),
  verzoeker_id TEXT NOT NULL REFERENCES personen (id),
  verzoeker_rol TEXT NOT NULL,
  medeondertekening TEXT NOT NULL,
  medeondertekend_door TEXT REFERENCES personen (id),
  status TEXT NOT NULL,
  ingediend_op TEXT NOT NULL,
  compleet_op TEXT,
  termijn TEXT,
  verlengd BIGINT NOT NULL,
  verlenging_reden_enc BLOB,
  toelichting_enc BLOB,
  besluit_reden_enc BLOB,
  besloten_op TEXT
);
-- medeondertekening: niet-nodig | nodig | gegeven.
-- status: ontvangen | toegewezen | afgewezen.
CREATE INDEX verzoeken_termijn ON verzoeken (status, termijn);
CREATE INDEX verzoeken_betrokkene ON verzoeken (betrokkene_id);
