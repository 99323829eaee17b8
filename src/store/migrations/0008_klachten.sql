-- Complaints (JW-10, VT-11): the phase is where the complaint lies now; it escalates once.
-- The description is sealed under the complainant's own data key (shredded with him, AVG-04).
CREATE TABLE klachten (
  id TEXT PRIMARY KEY,
  over_context TEXT NOT NULL,
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  indiener_id TEXT NOT NULL REFERENCES personen (id),
  omschrijving_enc BLOB,
  fase TEXT NOT NULL,
  ingediend_op TEXT NOT NULL,
  geescaleerd_op TEXT
);
-- over_context: jeugdhulp | veilig-thuis.
-- fase: medewerker | akj (jeugdhulp); veilig-thuis | autoriteit-persoonsgegevens.
CREATE INDEX klachten_indiener ON klachten (indiener_id);
