-- A registration's status says where it is now (API.md: actief | verwijderd | gearchiveerd):
-- "gearchiveerd" while it is in the five-year archive (VIR-12), whoever removed it, and
-- "verwijderd" once it is in neither the index nor the archive. Before 0012 a melder's
-- "risico-weg" removal stayed "verwijderd" although archived, and a destroyed archive entry
-- stayed "gearchiveerd".
UPDATE vir_meldingen SET status = 'gearchiveerd'
  WHERE status = 'verwijderd' AND gearchiveerd_op IS NOT NULL AND vernietigd_op IS NULL;
UPDATE vir_meldingen SET status = 'verwijderd'
  WHERE status = 'gearchiveerd' AND vernietigd_op IS NOT NULL;
