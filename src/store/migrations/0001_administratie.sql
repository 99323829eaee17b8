-- Administration: organisations, agreements, staff, tokens, the local BRP stand-in,
-- parental authority, access-team settings and contracts.
-- Portable SQL (SQLite and PostgreSQL): ids are UUID text made by the application,
-- dates are 'YYYY-MM-DD' text, timestamps RFC 3339 text, booleans BIGINT 0/1, and
-- BLOB holds ciphertexts and keyed hashes (BYTEA on PostgreSQL).
-- Personal data is never stored in plaintext: *_enc columns are ciphertexts under the
-- subject's own data key (data_keys), *_index columns keyed hashes for lookups (BSN-02).
-- The plaintext attributes of personen are nullable because erasure clears them (AVG-04).

CREATE TABLE organisaties (
  id TEXT PRIMARY KEY,
  naam TEXT NOT NULL,
  soort TEXT NOT NULL,
  gemeentecode TEXT NOT NULL,
  agb_code TEXT,
  aangemaakt_op TEXT NOT NULL
);

CREATE TABLE convenanten (
  id TEXT PRIMARY KEY,
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  gemeentecode TEXT NOT NULL,
  geldig_vanaf TEXT NOT NULL,
  geldig_tot TEXT,
  aangemaakt_op TEXT NOT NULL
);
CREATE INDEX convenanten_organisatie ON convenanten (organisatie_id, gemeentecode);

-- One data key per data subject (persoon or medewerker), sealed by the master key.
-- Erasure sets sealed to NULL: every ciphertext of that subject becomes unreadable.
CREATE TABLE data_keys (
  owner_id TEXT PRIMARY KEY,
  sealed BLOB,
  vernietigd_op TEXT
);

CREATE TABLE medewerkers (
  id TEXT PRIMARY KEY,
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  rol TEXT NOT NULL,
  meldingsbevoegd BIGINT NOT NULL,
  naam_enc BLOB NOT NULL,
  telefoon_enc BLOB NOT NULL,
  email_enc BLOB NOT NULL,
  aangemaakt_op TEXT NOT NULL
);
CREATE INDEX medewerkers_organisatie ON medewerkers (organisatie_id);

CREATE TABLE personen (
  id TEXT PRIMARY KEY,
  bsn_index BLOB UNIQUE,
  bsn_enc BLOB,
  voornamen_enc BLOB,
  geslachtsnaam_enc BLOB,
  geboortedatum TEXT,
  geslacht TEXT,
  gemeentecode TEXT,
  adres_index BLOB,
  adres_enc BLOB,
  overlijdensdatum TEXT,
  aangemaakt_op TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL
);
CREATE INDEX personen_adres ON personen (adres_index);
CREATE INDEX personen_geboortedatum ON personen (geboortedatum);

CREATE TABLE gezagsrelaties (
  kind_id TEXT NOT NULL REFERENCES personen (id),
  ouder_id TEXT NOT NULL REFERENCES personen (id),
  aangemaakt_op TEXT NOT NULL,
  PRIMARY KEY (kind_id, ouder_id)
);
CREATE INDEX gezagsrelaties_ouder ON gezagsrelaties (ouder_id);

-- Bearer tokens, stored only as SHA-256 hashes. Exactly one of medewerker_id, persoon_id.
CREATE TABLE tokens (
  hash BLOB PRIMARY KEY,
  soort TEXT NOT NULL,
  medewerker_id TEXT REFERENCES medewerkers (id),
  persoon_id TEXT REFERENCES personen (id),
  aangemaakt_op TEXT NOT NULL,
  ingetrokken_op TEXT
);

CREATE TABLE gemeente_toegang (
  gemeentecode TEXT PRIMARY KEY,
  toegangsteam TEXT NOT NULL,
  gewijzigd_op TEXT NOT NULL
);

CREATE TABLE contracten (
  id TEXT PRIMARY KEY,
  gemeentecode TEXT NOT NULL,
  aanbieder_id TEXT NOT NULL REFERENCES organisaties (id),
  geldig_vanaf TEXT NOT NULL,
  geldig_tot TEXT,
  aangemaakt_op TEXT NOT NULL
);
CREATE INDEX contracten_gemeente ON contracten (gemeentecode, aanbieder_id);

CREATE TABLE contract_productcategorieen (
  contract_id TEXT NOT NULL REFERENCES contracten (id),
  productcategorie TEXT NOT NULL,
  PRIMARY KEY (contract_id, productcategorie)
);
