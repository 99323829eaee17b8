-- Veilig Thuis (Wmo 2015 ch. 4–5): advice requests and meldingen ("zaken"), investigations,
-- information requests, handovers and the reporter-identity decisions.
-- Every free text and every detail of a reporter or asker (*_enc) is sealed under the case's
-- own data key (data_keys.owner_id = the case id): destroying a case after twenty years
-- (VT-08), or on request (VT-09, later), destroys that key, so every copy of those
-- ciphertexts — WAL, backups — becomes unreadable (crypto-shredding).

CREATE TABLE vt_zaken (
  id TEXT PRIMARY KEY,
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  soort TEXT NOT NULL,
  status TEXT NOT NULL,
  gemeentecode TEXT,
  grond TEXT,
  toestemming BIGINT NOT NULL DEFAULT 0,
  vraag_enc BLOB,
  omschrijving_enc BLOB,
  melder_soort TEXT,
  melder_medewerker_id TEXT REFERENCES medewerkers (id),
  melder_enc BLOB,
  toestemming_identiteit BIGINT NOT NULL DEFAULT 0,
  aangemaakt_op TEXT NOT NULL,
  omgezet_op TEXT,
  gewijzigd_op TEXT NOT NULL,
  bewaren_tot TEXT NOT NULL,
  vernietigd_op TEXT
);
-- soort: advies | melding. status: open | in-onderzoek | overgedragen | afgesloten | vernietigd.
-- melder_soort: particulier | beroepskracht (for an advice: the asker). melder_medewerker_id is
-- set when a professional reported himself (meldrecht, VT-03): he may follow the steps.
CREATE INDEX vt_zaken_organisatie ON vt_zaken (organisatie_id, aangemaakt_op);
CREATE INDEX vt_zaken_melder ON vt_zaken (melder_medewerker_id);
CREATE INDEX vt_zaken_bewaren ON vt_zaken (vernietigd_op, bewaren_tot);

-- The people a case is about (kind, ouder, overig): BRP persons, never a BSN in plaintext.
CREATE TABLE vt_betrokkenen (
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  persoon_id TEXT NOT NULL REFERENCES personen (id),
  rol TEXT NOT NULL,
  vastgelegd_op TEXT NOT NULL,
  PRIMARY KEY (zaak_id, persoon_id)
);
CREATE INDEX vt_betrokkenen_persoon ON vt_betrokkenen (persoon_id);

-- The steps a reporter is told of (VT-07): ontvangen, omgezet, onderzoek, overdracht, afsluiting.
CREATE TABLE vt_stappen (
  id TEXT PRIMARY KEY,
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  soort TEXT NOT NULL,
  datum TEXT NOT NULL,
  vastgelegd_op TEXT NOT NULL
);
CREATE INDEX vt_stappen_zaak ON vt_stappen (zaak_id, vastgelegd_op);

CREATE TABLE vt_onderzoeken (
  id TEXT PRIMARY KEY,
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  besluitdatum TEXT NOT NULL,
  gestart_op TEXT NOT NULL,
  start_uiterlijk TEXT NOT NULL,
  beslissen_uiterlijk TEXT NOT NULL
);
CREATE INDEX vt_onderzoeken_zaak ON vt_onderzoeken (zaak_id);

-- Terms Veilig Thuis must meet: informeren (VT-05) and beslissen (VT-06). Open while
-- afgehandeld_op is NULL; the list of due and overdue terms reads this one index.
CREATE TABLE vt_termijnen (
  id TEXT PRIMARY KEY,
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  soort TEXT NOT NULL,
  uiterlijk TEXT NOT NULL,
  afgehandeld_op TEXT
);
CREATE INDEX vt_termijnen_open ON vt_termijnen (organisatie_id, afgehandeld_op, uiterlijk);
CREATE INDEX vt_termijnen_zaak ON vt_termijnen (zaak_id, soort);

CREATE TABLE vt_verlengingen (
  id TEXT PRIMARY KEY,
  termijn_id TEXT NOT NULL REFERENCES vt_termijnen (id),
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  dagen BIGINT NOT NULL,
  reden_enc BLOB,
  oud_uiterlijk TEXT NOT NULL,
  nieuw_uiterlijk TEXT NOT NULL,
  vastgelegd_op TEXT NOT NULL
);
CREATE INDEX vt_verlengingen_zaak ON vt_verlengingen (zaak_id);

-- Questions to other organisations (school, huisarts) within an investigation (VT-02).
CREATE TABLE vt_informatieverzoeken (
  id TEXT PRIMARY KEY,
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  vraag_enc BLOB,
  verzocht_op TEXT NOT NULL,
  antwoord_enc BLOB,
  beantwoord_op TEXT
);
CREATE INDEX vt_informatieverzoeken_zaak ON vt_informatieverzoeken (zaak_id);

-- Handovers (VT-07); gemeentecode_geinformeerd is the municipality told of a Raad request.
CREATE TABLE vt_overdrachten (
  id TEXT PRIMARY KEY,
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  organisatie_id TEXT NOT NULL REFERENCES organisaties (id),
  organisatie_soort TEXT NOT NULL,
  overgedragen_op TEXT NOT NULL,
  gemeentecode_geinformeerd TEXT
);
CREATE INDEX vt_overdrachten_zaak ON vt_overdrachten (zaak_id);

-- Reporter-identity decisions (VT-04), kept so inspection (VT-10) can apply them.
CREATE TABLE vt_identiteit_besluiten (
  id TEXT PRIMARY KEY,
  zaak_id TEXT NOT NULL REFERENCES vt_zaken (id),
  verzoeker_id TEXT REFERENCES personen (id),
  besluit TEXT NOT NULL,
  gronden TEXT NOT NULL,
  besloten_op TEXT NOT NULL
);
CREATE INDEX vt_identiteit_besluiten_zaak ON vt_identiteit_besluiten (zaak_id);
