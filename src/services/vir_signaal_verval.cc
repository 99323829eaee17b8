#include "services/vir_signaal_verval.h"

#include "rules/vir_signalen.h"
#include "services/webhook_verwijzingen.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr int64_t kOpruimBatch = 500;

rules::SignaalSoort SoortVan(const std::string& naam) {
  using enum rules::SignaalSoort;
  for (rules::SignaalSoort s : {kJeugdige, kGezin, kAdres, kHistorisch, kVerhuizing}) {
    if (rules::SignaalSoortNaam(s) == naam) return s;
  }
  return kJeugdige;
}

// Its content goes; the bare row stays for the counts of VIR-16 (migration 0013).
Status Vervalt(store::Tx& tx, const std::string& signaal_id, const std::string& now) {
  JH_TRY(tx.Exec("DELETE FROM vir_afstemmingen WHERE signaal_id = $1", {signaal_id}));
  JH_TRY(tx.Exec("DELETE FROM vir_signaal_betrokkenen WHERE signaal_id = $1", {signaal_id}));
  JH_TRY(tx.Exec("UPDATE vir_signalen SET vervallen_op = $2 WHERE id = $1", {signaal_id, now}));
  return {};
}

}  // namespace

Status VirSignalenNaVerwijdering(store::Tx& tx, Env& env, const std::string& melding_id) {
  JH_ASSIGN_OR_RETURN(
      store::Rows signalen,
      tx.Query("SELECT id, soort, melding_id FROM vir_signalen WHERE melding_id = $1 "
               "AND vervallen_op IS NULL "
               "UNION SELECT s.id, s.soort, s.melding_id FROM vir_signalen s "
               "JOIN vir_signaal_betrokkenen b ON b.signaal_id = s.id WHERE b.melding_id = $1",
               {melding_id}));
  const std::string now = env.clock.NowRfc3339();
  for (const store::Row& s : signalen) {
    const std::string id = s.Text(0);
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT melding_id FROM vir_signaal_betrokkenen WHERE signaal_id = $1", {id}));
    std::vector<std::string> betrokkenen;
    for (const store::Row& r : rows) betrokkenen.push_back(r.Text(0));
    switch (rules::Vir11Vir12SignaalNaVerwijdering(SoortVan(s.Text(1)), s.Text(2), betrokkenen,
                                                   melding_id)) {
      case rules::SignaalNaVerwijdering::kOngewijzigd:
        continue;
      case rules::SignaalNaVerwijdering::kZonderBetrokkene:
        JH_TRY(
            tx.Exec("DELETE FROM vir_signaal_betrokkenen WHERE signaal_id = $1 AND melding_id = $2",
                    {id, melding_id}));
        break;
      case rules::SignaalNaVerwijdering::kVervalt:
        JH_TRY(Vervalt(tx, id, now));
        break;
    }
    // Its queued webhook events carry the gone registration's melder: not delivered.
    JH_TRY(DropPendingWebhookEvents(tx, "vir-signaal", id));
  }
  return {};
}

Result<int64_t> VirSignalenOpruimen(Env& env) {
  int64_t totaal = 0;
  int64_t batch = 0;
  do {
    JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
      batch = 0;
      // A registration is gone when nothing links it to its youth any more (0003).
      JH_ASSIGN_OR_RETURN(
          store::Rows weg,
          tx.Query("SELECT m.id FROM vir_meldingen m WHERE m.jeugdige_sleutel IS NULL AND ("
                   "m.id IN (SELECT melding_id FROM vir_signalen WHERE vervallen_op IS NULL) OR "
                   "m.id IN (SELECT melding_id FROM vir_signaal_betrokkenen)) LIMIT $1",
                   {kOpruimBatch}));
      for (const store::Row& r : weg) JH_TRY(VirSignalenNaVerwijdering(tx, env, r.Text(0)));
      batch = static_cast<int64_t>(weg.size());
      return {};
    }));
    totaal += batch;
  } while (batch == kOpruimBatch);
  return totaal;
}

}  // namespace jh::services
