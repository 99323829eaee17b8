#include "services/jw_opschoning.h"

#include "audit/register.h"
#include "rules/jw.h"
#include "services/vernietiging.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr int64_t kJwOpschoningBatch = 500;

Status Vernietig(store::Tx& tx, Env& env, const std::string& dossier_id,
                 const std::string& persoon_id, const char* naam) {
  const std::string now = env.clock.NowRfc3339();
  JH_TRY(VernietigingVastleggen(env, "jw-dossier", dossier_id));
  JH_TRY(tx.Exec("UPDATE data_keys SET sealed = NULL, vernietigd_op = $2 WHERE owner_id = $1",
                 {dossier_id, now}));
  JH_TRY(
      tx.Exec("UPDATE jw_aantekeningen SET tekst_enc = NULL WHERE dossier_id = $1", {dossier_id}));
  JH_TRY(tx.Exec("UPDATE jw_dossiers SET vernietigd_op = $2 WHERE id = $1", {dossier_id, now}));
  Processed(env, audit::kJwOpschoning, naam, "persoon", persoon_id);
  return {};
}

}  // namespace

Result<JwOpschoning> PurgeJeugdhulp(Env& env) {
  JwOpschoning out;
  const Date today = env.clock.Today();
  // Candidates by the indexed date; the rule decides each (leap days included).
  const std::string grens = today.AddYears(-20).AddDays(1).ToString();
  for (;;) {
    int64_t n = 0;
    JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
      n = 0;
      JH_ASSIGN_OR_RETURN(store::Rows rows,
                          tx.Query("SELECT id, persoon_id, gewijzigd_datum FROM jw_dossiers "
                                   "WHERE vernietigd_op IS NULL AND gewijzigd_datum <= $1 "
                                   "ORDER BY gewijzigd_datum, id LIMIT $2",
                                   {grens, kJwOpschoningBatch}));
      for (const store::Row& r : rows) {
        auto gewijzigd = Date::Parse(r.Text(2));
        if (!gewijzigd || !rules::Jw09Vernietigen(*gewijzigd, today)) continue;
        JH_TRY(Vernietig(tx, env, r.Text(0), r.OptText(1).value_or(""),
                         "dossier vernietigen na twintig jaar (JW-09)"));
        ++n;
      }
      return {};
    }));
    out.dossiers_vernietigd += n;
    if (n < kJwOpschoningBatch) break;
  }
  return out;
}

Status JwVernietigDossier(store::Tx& tx, Env& env, const std::string& dossier_id,
                          const char* naam) {
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      tx.Query("SELECT persoon_id FROM jw_dossiers WHERE id = $1 AND vernietigd_op IS NULL",
               {dossier_id}));
  if (rows.empty()) return {};
  return Vernietig(tx, env, dossier_id, rows[0].OptText(0).value_or(""), naam);
}

Status JwOntkoppelPersoon(store::Tx& tx, Env& env, const std::string& persoon_id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT id FROM jw_dossiers WHERE persoon_id = $1 AND "
                               "vernietigd_op IS NULL",
                               {persoon_id}));
  for (const store::Row& r : rows) {
    JH_TRY(Vernietig(tx, env, r.Text(0), persoon_id, "dossier vernietigen (AVG-verzoek)"));
  }
  return {};
}

}  // namespace jh::services
