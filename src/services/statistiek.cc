#include "services/statistiek.h"

#include "rules/vir_statistiek.h"
#include "services/enforce.h"

namespace jh::services {

namespace {

// Counts per month of `column` (a date or an RFC 3339 timestamp, so its characters 6–7 are
// the month) in [van, tot), for rows of the municipality. Portable SQL: SUBSTR and COUNT
// behave the same on SQLite and PostgreSQL.
Status Tel(store::Tx& tx, const std::string& from_where, const std::string& column,
           const std::vector<store::Value>& args, Reeks& out) {
  std::array<int64_t, 12> aantallen{};
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      tx.Query("SELECT SUBSTR(" + column + ", 6, 2), COUNT(*) " + from_where + " AND " + column +
                   " >= $2 AND " + column + " < $3 GROUP BY SUBSTR(" + column + ", 6, 2)",
               args));
  for (const store::Row& r : rows) {
    const int maand = std::stoi(r.Text(0));
    if (maand >= 1 && maand <= 12) aantallen[static_cast<size_t>(maand - 1)] = r.Int(1);
  }
  // VIR-16 on every cell, empty months included.
  for (size_t i = 0; i < 12; ++i) out[i] = rules::Vir16Cel(aantallen[i]);
  return {};
}

}  // namespace

Result<VirStatistiek> VirStatistiekPerMaand(Env& env, const std::string& gemeentecode,
                                            int64_t jaar) {
  const auth::Actor& a = *env.actor;
  JH_TRY(Enforce(env, "statistiekVerwijsindex", "statistiek", gemeentecode,
                 rules::Vir16Rapport(a.kind == auth::ActorKind::kSystem || a.HasRole("beheerder"),
                                     a.gemeentecode, gemeentecode),
                 Weigering::kVerboden));
  VirStatistiek s;
  s.gemeentecode = gemeentecode;
  s.jaar = jaar;
  const std::string van = std::to_string(jaar) + "-01-01";
  const std::string tot = std::to_string(jaar + 1) + "-01-01";
  const std::vector<store::Value> args{gemeentecode, van, tot};
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_TRY(Tel(tx, "FROM vir_meldingen WHERE gemeentecode = $1", "gemeld_datum", args,
               s.registraties));
    JH_TRY(Tel(tx, "FROM vir_signalen WHERE ontvanger_gemeentecode = $1", "ontstaan_op", args,
               s.signalen));
    JH_TRY(Tel(tx, "FROM vt_zaken WHERE soort = 'melding' AND gemeentecode = $1",
               "COALESCE(omgezet_op, aangemaakt_op)", args, s.meldingen));
    JH_TRY(Tel(tx, "FROM jw_toegangsbesluiten WHERE gemeentecode = $1", "genomen_op", args,
               s.toegangsbesluiten));
    return {};
  }));
  return s;
}

}  // namespace jh::services
