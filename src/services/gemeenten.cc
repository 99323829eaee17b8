#include "services/gemeenten.h"

#include "crypto/vault.h"
#include "services/catalog.h"
#include "services/write.h"

namespace jh::services {

Status SetToegangsteam(Env& env, const std::string& gemeentecode, const std::string& team) {
  return Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(
        tx.Exec("INSERT INTO gemeente_toegang (gemeentecode, toegangsteam, gewijzigd_op) "
                "VALUES ($1, $2, $3) ON CONFLICT (gemeentecode) DO UPDATE SET "
                "toegangsteam = excluded.toegangsteam, gewijzigd_op = excluded.gewijzigd_op",
                {gemeentecode, team, env.clock.NowRfc3339()}));
    return {};
  });
}

Result<std::optional<std::string>> GetToegangsteam(Env& env, const std::string& gemeentecode) {
  std::optional<std::string> team;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT toegangsteam FROM gemeente_toegang "
                                                   "WHERE gemeentecode = $1",
                                                   {gemeentecode}));
    team = rows.empty() ? std::nullopt : std::optional<std::string>(rows[0].Text(0));
    return {};
  }));
  return team;
}

Result<Contract> CreateContract(Env& env, Contract c) {
  if (c.geldig_tot && *c.geldig_tot < c.geldig_vanaf) {
    return Inconsistent("geldigTot", "periode", "geldigTot ligt voor geldigVanaf.");
  }
  c.id = crypto::NewUuid();
  std::optional<Error> refused;
  store::Value tot = c.geldig_tot ? store::Value(c.geldig_tot->ToString()) : store::Value();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    refused.reset();
    JH_ASSIGN_OR_RETURN(store::Rows org,
                        tx.Query("SELECT soort FROM organisaties WHERE id = $1", {c.aanbieder_id}));
    if (org.empty()) {
      refused = UnknownReference("aanbiederId", "De aanbieder");
      return {};
    }
    if (!KanJeugdhulpAanbieden(org[0].Text(0))) {
      refused = Inconsistent(
          "aanbiederId", "geen-aanbieder",
          "Een organisatie van soort " + org[0].Text(0) + " kan geen jeugdhulp aanbieden.");
      return {};
    }
    JH_TRY(
        tx.Exec("INSERT INTO contracten (id, gemeentecode, aanbieder_id, geldig_vanaf, "
                "geldig_tot, aangemaakt_op) VALUES ($1, $2, $3, $4, $5, $6)",
                {c.id, c.gemeentecode, c.aanbieder_id, c.geldig_vanaf.ToString(), tot,
                 env.clock.NowRfc3339()}));
    for (const auto& cat : c.productcategorieen) {
      JH_TRY(
          tx.Exec("INSERT INTO contract_productcategorieen (contract_id, productcategorie) "
                  "VALUES ($1, $2) ON CONFLICT DO NOTHING",
                  {c.id, cat}));
    }
    return {};
  }));
  if (refused) return *refused;
  return c;
}

}  // namespace jh::services
