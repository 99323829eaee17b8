#include "services/jw_toegang.h"

#include "audit/register.h"
#include "rules/jw.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/gemeenten.h"
#include "services/jw_feiten.h"
#include "services/write.h"

namespace jh::services {

Result<JwVerwijzing> CreateJwVerwijzing(Env& env, const Bsn& bsn,
                                        const std::string& productcategorie) {
  const auth::Actor& a = *env.actor;
  JH_TRY(
      Enforce(env, "createVerwijzing", "verwijzing", "", rules::Jw02(a.rol), Weigering::kVerboden));
  JH_ASSIGN_OR_RETURN(JwJeugdige j, FindJwJeugdige(env, bsn));
  JwVerwijzing out{crypto::NewUuid(), std::string(rules::Jw02VerwijzerCode(a.rol)),
                   productcategorie, env.clock.NowRfc3339()};
  bool vernietigd = false;  // erased between the lookup by BSN and this write (AVG-04)
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(vernietigd, JwPersoonVernietigd(tx, j.id));
    if (vernietigd) return {};
    JH_TRY(
        tx.Exec("INSERT INTO jw_verwijzingen (id, persoon_id, gemeentecode, productcategorie, "
                "verwijzer_code, verwijzer_id, organisatie_id, verwezen_op) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {out.id, j.id, j.gemeentecode, productcategorie, out.verwijzer, a.id,
                 a.organisatie_id, out.verwezen_op}));
    Processed(env, audit::kJwVerwijzing, "verwijzen naar jeugdhulp", "persoon", j.id);
    return {};
  }));
  if (vernietigd) return JwPersoonVernietigdFout("bsn");
  return out;
}

Result<JwToegangsbesluit> CreateJwToegangsbesluit(Env& env, const Bsn& bsn,
                                                  const std::string& productcategorie,
                                                  const Date& vanaf, const Date& tot) {
  const auth::Actor& a = *env.actor;
  // Who may decide depends on the youth's municipality; a caller who is no toegangsmedewerker
  // at all is refused before any youth is looked up.
  rules::ToegangFeiten feiten{a.rol, a.organisatie_soort, a.gemeentecode, "", std::nullopt};
  if (a.rol != "toegangsmedewerker") {
    JH_TRY(Enforce(env, "createToegangsbesluit", "toegangsbesluit", "", rules::Jw03(feiten),
                   Weigering::kVerboden));
  }
  JH_ASSIGN_OR_RETURN(JwJeugdige j, FindJwJeugdige(env, bsn));
  feiten.jeugdige_gemeente = j.gemeentecode;
  JH_ASSIGN_OR_RETURN(feiten.toegangsteam, GetToegangsteam(env, j.gemeentecode));
  JH_TRY(Enforce(env, "createToegangsbesluit", "toegangsbesluit", "", rules::Jw03(feiten),
                 Weigering::kVerboden));
  if (tot < vanaf) return Inconsistent("geldigTot", "periode", "geldigTot ligt voor geldigVanaf.");

  JwToegangsbesluit out{crypto::NewUuid(), 0, productcategorie, vanaf, tot, env.clock.NowRfc3339()};
  bool vernietigd = false;  // erased between the lookup by BSN and this write (AVG-04)
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(vernietigd, JwPersoonVernietigd(tx, j.id));
    if (vernietigd) return {};
    JH_ASSIGN_OR_RETURN(out.besluitnummer,
                        NextJwNummer(tx, "jw_toegangsbesluiten", "besluitnummer", j.gemeentecode));
    JH_TRY(
        tx.Exec("INSERT INTO jw_toegangsbesluiten (id, besluitnummer, persoon_id, gemeentecode, "
                "productcategorie, geldig_vanaf, geldig_tot, medewerker_id, organisatie_id, "
                "genomen_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                {out.id, out.besluitnummer, j.id, j.gemeentecode, productcategorie,
                 vanaf.ToString(), tot.ToString(), a.id, a.organisatie_id, out.genomen_op}));
    Processed(env, audit::kJwToegang, "toegangsbesluit nemen (doel: toegang)", "persoon", j.id);
    return {};
  }));
  if (vernietigd) return JwPersoonVernietigdFout("bsn");
  return out;
}

}  // namespace jh::services
