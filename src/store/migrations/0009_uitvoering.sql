-- Carrying out a granted request (AVG-04, VT-09): what was done is kept on the request as a
-- small JSON object of counts and corrected field names (no personal data), and every
-- correction keeps the old and the new value as history, sealed under the person's own data
-- key, so an inspection shows it and an erasure shreds it with the rest.
ALTER TABLE verzoeken ADD COLUMN uitvoering TEXT;

CREATE TABLE correcties (
  id TEXT PRIMARY KEY,
  verzoek_id TEXT NOT NULL REFERENCES verzoeken (id),
  persoon_id TEXT NOT NULL REFERENCES personen (id),
  veld TEXT NOT NULL,
  oud_enc BLOB,
  nieuw_enc BLOB,
  gecorrigeerd_op TEXT NOT NULL
);
-- veld: voornamen | geslachtsnaam | geslacht.
CREATE INDEX correcties_persoon ON correcties (persoon_id, gecorrigeerd_op);

-- VT-11: the opinion of the Veilig Thuis complaints committee (at least three members, an
-- independent chair) and the one-month term for the answer that follows it.
ALTER TABLE klachten ADD COLUMN advies_op TEXT;
ALTER TABLE klachten ADD COLUMN commissie_leden BIGINT;
ALTER TABLE klachten ADD COLUMN antwoord_uiterlijk TEXT;
