#include "services/vt_bewaring.h"

#include "audit/register.h"
#include "rules/vt.h"
#include "rules/vt_rechten.h"
#include "services/vernietiging.h"
#include "services/vt_zaak_opslag.h"
#include "services/webhook_verwijzingen.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr int64_t kBewaringBatch = 500;

// The parts of a case, children first (foreign keys).
constexpr const char* kDelen[] = {
    "DELETE FROM vt_verlengingen WHERE zaak_id = $1",
    "DELETE FROM vt_termijnen WHERE zaak_id = $1",
    "DELETE FROM vt_informatieverzoeken WHERE zaak_id = $1",
    "DELETE FROM vt_overdrachten WHERE zaak_id = $1",
    "DELETE FROM vt_onderzoeken WHERE zaak_id = $1",
    "DELETE FROM vt_stappen WHERE zaak_id = $1",
    "DELETE FROM vt_identiteit_besluiten WHERE zaak_id = $1",
    "DELETE FROM vt_betrokkenen WHERE zaak_id = $1",
};

}  // namespace

Status VernietigVtZaak(store::Tx& tx, Env& env, const std::string& id, const std::string& now,
                       const std::string& naam) {
  JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadVtZaak(tx, id));
  JH_TRY(VernietigingVastleggen(env, "vt-zaak", id));
  LogVtZaak(env, audit::kVtBewaring, naam, z);
  for (const char* sql : kDelen) JH_TRY(tx.Exec(sql, {id}));
  JH_TRY(DropPendingWebhookEvents(tx, "vt-zaak", id));  // its events die with it
  JH_TRY(tx.Exec("UPDATE data_keys SET sealed = NULL, vernietigd_op = $2 WHERE owner_id = $1",
                 {id, now}));
  JH_TRY(
      tx.Exec("UPDATE vt_zaken SET status = 'vernietigd', vernietigd_op = $2, gemeentecode = NULL, "
              "grond = NULL, vraag_enc = NULL, omschrijving_enc = NULL, melder_soort = NULL, "
              "melder_medewerker_id = NULL, melder_enc = NULL, toestemming = 0, "
              "toestemming_identiteit = 0 WHERE id = $1",
              {id, now}));
  return {};
}

Result<std::vector<VtZaakVan>> VtZakenVan(store::Tx& tx, const std::string& persoon_id) {
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      tx.Query("SELECT z.id, z.status, (SELECT COUNT(*) FROM vt_betrokkenen o WHERE "
               "o.zaak_id = z.id AND o.persoon_id <> $1) FROM vt_zaken z JOIN vt_betrokkenen b "
               "ON b.zaak_id = z.id WHERE b.persoon_id = $1 AND z.vernietigd_op IS NULL "
               "ORDER BY z.id",
               {persoon_id}));
  std::vector<VtZaakVan> out;
  for (const store::Row& r : rows) {
    const std::string status = r.Text(1);
    out.push_back({r.Text(0), status == "open" || status == "in-onderzoek", r.Int(2)});
  }
  return out;
}

Result<VtOntkoppeling> OntkoppelVtPersoon(store::Tx& tx, Env& env, const std::string& persoon_id) {
  JH_ASSIGN_OR_RETURN(std::vector<VtZaakVan> zaken, VtZakenVan(tx, persoon_id));
  VtOntkoppeling out;
  const std::string now = env.clock.NowRfc3339();
  for (const VtZaakVan& z : zaken) {
    // AVG-04 with VT-09: a finished case about him alone is destroyed, as a granted request
    // would; a running one is kept (Veilig Thuis's task opposes, VT-09) and one about others
    // is kept for them, without his link.
    if (!z.lopend && rules::Vt09ZaakVernietigen(z.anderen).allowed) {
      JH_TRY(VernietigVtZaak(tx, env, z.id, now, "zaak vernietigen bij vernietiging persoon"));
      ++out.vernietigd;
    } else {
      ++out.ontkoppeld;
    }
  }
  // Unlinking is no change to the file: the VT-08 term of the cases kept does not restart.
  JH_TRY(tx.Exec("DELETE FROM vt_betrokkenen WHERE persoon_id = $1", {persoon_id}));
  if (out.ontkoppeld > 0) {
    Processed(env, audit::kVtBewaring, "koppelingen met zaken verwijderen", "persoon", persoon_id);
  }
  return out;
}

namespace {

// One batch of cases due for destruction after `after` (id order); the last id handled, or
// "" when nothing was left.
Result<std::string> Batch(Env& env, const std::string& after, int64_t& vernietigd) {
  const Date today = env.clock.Today();
  std::string last;
  int64_t n = 0;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    last.clear();
    n = 0;
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT id, gewijzigd_op FROM vt_zaken WHERE vernietigd_op IS NULL AND "
                 "bewaren_tot <= $1 AND id > $2 ORDER BY id LIMIT $3",
                 {today.ToString(), after, kBewaringBatch}));
    const std::string now = env.clock.NowRfc3339();
    for (const store::Row& r : rows) {
      last = r.Text(0);
      auto gewijzigd = Date::Parse(r.Text(1).substr(0, 10));
      if (!gewijzigd || !rules::Vt08Vernietigen(*gewijzigd, today)) continue;
      JH_TRY(VernietigVtZaak(tx, env, last, now, "zaak vernietigen na twintig jaar"));
      ++n;
    }
    return {};
  }));
  vernietigd += n;
  return last;
}

}  // namespace

Result<VtBewaring> PurgeVeiligThuis(Env& env) {
  VtBewaring totaal;
  std::string after;
  do {
    JH_ASSIGN_OR_RETURN(after, Batch(env, after, totaal.vernietigd));
  } while (!after.empty());
  return totaal;
}

}  // namespace jh::services
