-- Verwijsindex risicojongeren (Jeugdwet §7.1). By law a registration holds almost nothing
-- (VIR-04): which youth, which melder, when, and when it must go. The youth is the BRP
-- person (persoon_id) or, without BSN, a verwijsindexservicenummer kept only as a keyed hash
-- (VIR-05). jeugdige_sleutel is the one matching key for both ("p:" + persoon id, or
-- "v:" + hex of the keyed hash); it is cleared when a registration is removed without
-- archiving or its archive is destroyed, so nothing links the row to the youth any more.

CREATE TABLE vir_meldingen (
  id TEXT PRIMARY KEY,
  jeugdige_sleutel TEXT,
  persoon_id TEXT REFERENCES personen (id),
  geboortedatum TEXT,
  gemeentecode TEXT NOT NULL,
  melder_id TEXT NOT NULL REFERENCES medewerkers (id),
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  status TEXT NOT NULL,
  gemeld_op TEXT NOT NULL,
  gemeld_datum TEXT NOT NULL,
  verwijderen_uiterlijk TEXT NOT NULL,
  verwijderd_op TEXT,
  reden TEXT,
  gearchiveerd_op TEXT,
  historisch_gesignaleerd BIGINT NOT NULL DEFAULT 0,
  vernietigd_op TEXT
);
-- A melder has at most one active registration per youth (409); concurrent attempts meet here.
CREATE UNIQUE INDEX vir_meldingen_actief ON vir_meldingen (melder_id, jeugdige_sleutel)
  WHERE status = 'actief';
CREATE INDEX vir_meldingen_jeugdige ON vir_meldingen (jeugdige_sleutel, status);
CREATE INDEX vir_meldingen_persoon ON vir_meldingen (persoon_id, status);
CREATE INDEX vir_meldingen_melder ON vir_meldingen (melder_id, gemeld_op);
CREATE INDEX vir_meldingen_termijn ON vir_meldingen (status, verwijderen_uiterlijk);

-- A signal to one addressee: a melder (about his own registration melding_id) or the regie
-- function of a municipality (melding_id is the registration that caused it). Its content is
-- the other registrations (vir_signaal_betrokkenen), shown only as their melders' contact
-- details (VIR-08).
CREATE TABLE vir_signalen (
  id TEXT PRIMARY KEY,
  soort TEXT NOT NULL,
  ontstaan_op TEXT NOT NULL,
  melding_id TEXT NOT NULL REFERENCES vir_meldingen (id),
  ontvanger_melder_id TEXT REFERENCES medewerkers (id),
  ontvanger_gemeentecode TEXT,
  verschillende_jeugdigen BIGINT NOT NULL
);
CREATE INDEX vir_signalen_melder ON vir_signalen (ontvanger_melder_id, ontstaan_op);
CREATE INDEX vir_signalen_gemeente ON vir_signalen (ontvanger_gemeentecode, ontstaan_op);
CREATE INDEX vir_signalen_melding ON vir_signalen (melding_id);

CREATE TABLE vir_signaal_betrokkenen (
  signaal_id TEXT NOT NULL REFERENCES vir_signalen (id),
  melding_id TEXT NOT NULL REFERENCES vir_meldingen (id),
  PRIMARY KEY (signaal_id, melding_id)
);

-- What the regievoerder recorded about a signal (VIR-09).
CREATE TABLE vir_afstemmingen (
  id TEXT PRIMARY KEY,
  signaal_id TEXT NOT NULL REFERENCES vir_signalen (id),
  regievoerder_id TEXT NOT NULL REFERENCES medewerkers (id),
  contact_gelegd BIGINT NOT NULL,
  datum TEXT NOT NULL,
  vastgelegd_op TEXT NOT NULL
);
CREATE INDEX vir_afstemmingen_signaal ON vir_afstemmingen (signaal_id);

-- Institution addresses (a youth care home, a shelter) where unrelated youths live: they never
-- produce an address match (VIR-07). Kept as the same keyed hash as personen.adres_index.
CREATE TABLE vir_uitgesloten_adressen (
  id TEXT PRIMARY KEY,
  adres_index BLOB NOT NULL UNIQUE,
  postcode TEXT NOT NULL,
  huisnummer BIGINT NOT NULL,
  omschrijving TEXT NOT NULL,
  aangemaakt_op TEXT NOT NULL
);

-- The organisation's Verwijsindex coordinator (Jw 7.1.3.3), a medewerker of that organisation:
-- his contact details go with every registration and signal of its melders (VIR-04, VIR-08),
-- and he sees the signals on their registrations. No foreign key: medewerkers already refers
-- to organisaties; the service checks that he works there.
ALTER TABLE organisaties ADD COLUMN vir_coordinator_id TEXT;
