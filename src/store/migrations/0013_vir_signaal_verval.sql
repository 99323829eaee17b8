-- A registration that is removed without archive or whose archive is destroyed takes its
-- signals along (services/vir_signaal_verval.h). A signal that goes keeps only its row
-- without content — addressee, kind, date — marked vervallen_op and shown to nobody: the
-- names of the melders (vir_signaal_betrokkenen) and the regievoerder's afstemmingen are
-- deleted, while the monthly counts of the policy reports (VIR-16) stay what they were.
ALTER TABLE vir_signalen ADD COLUMN vervallen_op TEXT;
-- Signals are found by the registrations they name, which the primary key (signaal_id
-- first) cannot answer.
CREATE INDEX vir_signaal_betrokkenen_melding ON vir_signaal_betrokkenen (melding_id);
