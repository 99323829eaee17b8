#include "services/jw_feiten.h"

#include "rules/jw.h"
#include "services/common.h"
#include "services/enforce.h"

namespace jh::services {

const char* const kJwToewijzingKolommen =
    "id, toewijzingnummer, persoon_id, gemeentecode, aanbieder_id, productcategorie, "
    "productcode, volume, eenheid, geldig_vanaf, geldig_tot, verwijzing_id, toegangsbesluit_id, "
    "verwijzer_code, status, startdatum, einddatum, toegewezen_op";

JwToewijzing JwToewijzingUitRij(const store::Row& r) {
  JwToewijzing t;
  t.id = r.Text(0);
  t.toewijzingnummer = r.Int(1);
  t.persoon_id = r.Text(2);
  t.gemeentecode = r.Text(3);
  t.aanbieder_id = r.Text(4);
  t.productcategorie = r.Text(5);
  t.productcode = r.Text(6);
  t.volume = r.Int(7);
  t.eenheid = r.Text(8);
  t.geldig_vanaf = Date::Parse(r.Text(9)).value_or(Date{});
  t.geldig_tot = Date::Parse(r.Text(10)).value_or(Date{});
  t.verwijzing_id = r.OptText(11);
  t.toegangsbesluit_id = r.OptText(12);
  t.verwijzer_code = r.Text(13);
  t.status = r.Text(14);
  if (auto s = r.OptText(15)) t.startdatum = Date::Parse(*s);
  if (auto e = r.OptText(16)) t.einddatum = Date::Parse(*e);
  t.toegewezen_op = r.Text(17);
  return t;
}

Result<JwJeugdige> FindJwJeugdige(Env& env, const Bsn& bsn) {
  std::optional<JwJeugdige> found;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    found.reset();
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT id, geboortedatum, gemeentecode FROM personen "
                                 "WHERE bsn_index = $1 AND vernietigd_op IS NULL "
                                 "AND overlijdensdatum IS NULL",
                                 {store::Blob{env.vault.BsnIndex(bsn)}}));
    if (!rows.empty()) {
      found = JwJeugdige{rows[0].Text(0), Date::Parse(rows[0].Text(1)).value_or(Date{}),
                         rows[0].Text(2)};
    }
    return {};
  }));
  if (!found) return UnknownReference("bsn", "Een levende persoon met dit BSN");
  return *found;
}

Result<std::optional<JwToewijzing>> LoadJwToewijzing(store::Tx& tx, const std::string& id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(std::string("SELECT ") + kJwToewijzingKolommen +
                                                     " FROM jw_toewijzingen WHERE id = $1",
                                                 {id}));
  if (rows.empty()) return std::optional<JwToewijzing>();
  return std::optional<JwToewijzing>(JwToewijzingUitRij(rows[0]));
}

Result<std::optional<JwToewijzing>> LoadJwToewijzing(Env& env, const std::string& id) {
  std::optional<JwToewijzing> out;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(out, LoadJwToewijzing(tx, id));
    return {};
  }));
  return out;
}

Error JwPersoonVernietigdFout(const std::string& veld) {
  Error e = Error::Conflict("De gegevens van deze jeugdige zijn vernietigd (AVG-04).");
  e.rule = "AVG-04";
  e.ground = "AVG 17";
  if (!veld.empty()) e.invalid_params.push_back({veld, "vernietigd", e.message});
  return e;
}

Status EnforceJw01Doel(Env& env, const std::string& action, const char* resource,
                       const std::string& id, const std::string& doel) {
  const rules::Decision d = rules::Jw01Doel(doel);
  if (d.allowed) return Enforce(env, action, resource, id, d, Weigering::kVerboden);
  Error e = Enforce(env, action, resource, id, d, Weigering::kVerboden).error();
  e.code = ErrorCode::kInvalidArgument;  // a missing or unknown parameter: 400 (API.md)
  e.invalid_params.push_back({"doel", "verplicht", e.message});
  return e;
}

Result<bool> JwPersoonVernietigd(store::Tx& tx, const std::string& persoon_id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT vernietigd_op FROM personen WHERE id = $1", {persoon_id}));
  return rows.empty() || !rows[0].IsNull(0);
}

Result<int64_t> NextJwNummer(store::Tx& tx, const std::string& table, const std::string& column,
                             const std::string& gemeentecode) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table +
                                   " WHERE gemeentecode = $1",
                               {gemeentecode}));
  return rows[0].Int(0);
}

}  // namespace jh::services
