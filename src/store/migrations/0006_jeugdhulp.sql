-- Toegang, jeugdhulp and declaraties (JW-01 … JW-09). Portable SQL, as in 0001.
-- What is not here is the point: no diagnosis, no reason for care, no note in plaintext.
-- A youth is referred to by the BRP person's id; his BSN stays in personen (encrypted) and
-- is read only where a bill must carry it (JW-06).

-- A referral by a huisarts (02), jeugdarts (03) or medisch specialist (05): direct access
-- to jeugdhulp of this category without a municipal decision (JW-02).
CREATE TABLE jw_verwijzingen (
  id TEXT PRIMARY KEY,
  persoon_id TEXT NOT NULL REFERENCES personen (id),
  gemeentecode TEXT NOT NULL,
  productcategorie TEXT NOT NULL,
  verwijzer_code TEXT NOT NULL,
  verwijzer_id TEXT NOT NULL REFERENCES medewerkers (id),
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  verwezen_op TEXT NOT NULL
);
CREATE INDEX jw_verwijzingen_persoon ON jw_verwijzingen (persoon_id);

-- An access decision of the municipality's access team (JW-03), numbered per municipality.
CREATE TABLE jw_toegangsbesluiten (
  id TEXT PRIMARY KEY,
  besluitnummer BIGINT NOT NULL,
  persoon_id TEXT NOT NULL REFERENCES personen (id),
  gemeentecode TEXT NOT NULL,
  productcategorie TEXT NOT NULL,
  geldig_vanaf TEXT NOT NULL,
  geldig_tot TEXT NOT NULL,
  medewerker_id TEXT NOT NULL REFERENCES medewerkers (id),
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  genomen_op TEXT NOT NULL,
  UNIQUE (gemeentecode, besluitnummer)
);
CREATE INDEX jw_toegangsbesluiten_persoon ON jw_toegangsbesluiten (persoon_id);

-- An assignment (toewijzing) to a provider under a contract (JW-04), numbered per
-- municipality (the iJw ToewijzingNummer). status: toegewezen → gestart → gestopt.
-- verwijzer_code is what a bill carries as referrer: 02/03/05 (a referral), 01 (the
-- municipality's access decision) or 08 (a measure of the court for 47/48).
CREATE TABLE jw_toewijzingen (
  id TEXT PRIMARY KEY,
  toewijzingnummer BIGINT NOT NULL,
  persoon_id TEXT NOT NULL REFERENCES personen (id),
  gemeentecode TEXT NOT NULL,
  aanbieder_id TEXT NOT NULL REFERENCES organisaties (id),
  productcategorie TEXT NOT NULL,
  productcode TEXT NOT NULL,
  volume BIGINT NOT NULL,
  eenheid TEXT NOT NULL,
  geldig_vanaf TEXT NOT NULL,
  geldig_tot TEXT NOT NULL,
  verwijzing_id TEXT REFERENCES jw_verwijzingen (id),
  toegangsbesluit_id TEXT REFERENCES jw_toegangsbesluiten (id),
  verwijzer_code TEXT NOT NULL,
  status TEXT NOT NULL,
  startdatum TEXT,
  einddatum TEXT,
  toegewezen_door TEXT NOT NULL REFERENCES medewerkers (id),
  toegewezen_op TEXT NOT NULL,
  UNIQUE (gemeentecode, toewijzingnummer)
);
CREATE INDEX jw_toewijzingen_aanbieder ON jw_toewijzingen (aanbieder_id);
CREATE INDEX jw_toewijzingen_persoon ON jw_toewijzingen (persoon_id);

-- Who consented to the start of care (JW-08): person ids only.
CREATE TABLE jw_toestemmingen (
  toewijzing_id TEXT NOT NULL REFERENCES jw_toewijzingen (id),
  persoon_id TEXT NOT NULL REFERENCES personen (id),
  vastgelegd_op TEXT NOT NULL,
  PRIMARY KEY (toewijzing_id, persoon_id)
);

-- The care dossier (JW-05), one per assignment. Notes are sealed under the dossier's own
-- data key (data_keys, owner_id = dossier id), so destroying a dossier (JW-09) shreds
-- exactly its notes. vernietigd_op is set when that happened.
CREATE TABLE jw_dossiers (
  id TEXT PRIMARY KEY,
  toewijzing_id TEXT NOT NULL UNIQUE REFERENCES jw_toewijzingen (id),
  persoon_id TEXT REFERENCES personen (id),
  aanbieder_id TEXT NOT NULL REFERENCES organisaties (id),
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL,
  gewijzigd_datum TEXT NOT NULL,
  vernietigd_op TEXT
);
CREATE INDEX jw_dossiers_gewijzigd ON jw_dossiers (gewijzigd_datum);

CREATE TABLE jw_aantekeningen (
  id TEXT PRIMARY KEY,
  dossier_id TEXT NOT NULL REFERENCES jw_dossiers (id),
  tekst_enc BLOB,
  auteur_id TEXT NOT NULL REFERENCES medewerkers (id),
  aangemaakt_op TEXT NOT NULL
);
CREATE INDEX jw_aantekeningen_dossier ON jw_aantekeningen (dossier_id, aangemaakt_op);

-- A bill line: exactly the JW-06 fields (the BSN, AGB, municipality, numbers, referrer and
-- decision number come from the assignment and its parties), amounts in whole eurocents.
CREATE TABLE jw_declaraties (
  id TEXT PRIMARY KEY,
  toewijzing_id TEXT NOT NULL REFERENCES jw_toewijzingen (id),
  aanbieder_id TEXT NOT NULL REFERENCES organisaties (id),
  gemeentecode TEXT NOT NULL,
  begin_datum TEXT NOT NULL,
  eind_datum TEXT NOT NULL,
  geleverd_volume BIGINT NOT NULL,
  eenheid TEXT NOT NULL,
  product_tarief BIGINT,
  ingediend_bedrag BIGINT NOT NULL,
  ingediend_op TEXT NOT NULL
);
CREATE INDEX jw_declaraties_toewijzing ON jw_declaraties (toewijzing_id, begin_datum);
CREATE INDEX jw_declaraties_gemeente ON jw_declaraties (gemeentecode, ingediend_op);
CREATE INDEX jw_declaraties_aanbieder ON jw_declaraties (aanbieder_id, ingediend_op);
