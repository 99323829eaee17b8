#include "services/vt_overdracht.h"

#include <nlohmann/json.hpp>

#include "audit/register.h"
#include "crypto/vault.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/vt_zaak_opslag.h"
#include "services/webhook_verwijzingen.h"
#include "services/webhooks.h"
#include "services/write.h"

namespace jh::services {

namespace {

// VT-07: tells the college of `gemeentecode` that the Raad was asked to investigate: a
// webhook event to each gemeente organisation of that municipality (no BSN, only ids).
Status InformeerGemeente(store::Tx& tx, Env& env, const VtZaakRij& z, const VtOverdracht& o) {
  JH_ASSIGN_OR_RETURN(store::Rows gemeenten,
                      tx.Query("SELECT id FROM organisaties WHERE soort = 'gemeente' AND "
                               "gemeentecode = $1 ORDER BY id",
                               {z.gemeentecode}));
  nlohmann::json event{{"zaakId", z.id},
                       {"overdrachtId", o.id},
                       {"raadId", o.organisatie_id},
                       {"datum", env.clock.Today().ToString()},
                       {"gemeentecode", z.gemeentecode},
                       {"personen", z.persoon_ids}};
  std::vector<WebhookSubject> subjecten;
  // Withdrawn undelivered when the case is destroyed or one of its persons erased (AVG-04),
  // also a person beyond the logged subjects.
  std::vector<std::string> verwijzingen = {WebhookVerwijzing("vt-zaak", z.id)};
  for (const std::string& p : z.persoon_ids) {
    if (subjecten.size() < kMaxWebhookSubjects) subjecten.push_back({"persoon", p});
    verwijzingen.push_back(WebhookVerwijzing("persoon", p));
  }
  for (const store::Row& g : gemeenten) {
    JH_TRY(EnqueueWebhook(tx, env, g.Text(0), "veilig-thuis.raad-verzoek", event, subjecten,
                          verwijzingen));
  }
  LogVtZaak(env, audit::kVtOverdracht, "college informeren over verzoek aan de Raad", z);
  return {};
}

}  // namespace

Result<VtOverdracht> CreateVtOverdracht(Env& env, const std::string& zaak_id,
                                        const std::string& organisatie_id) {
  const char* action = "createVtOverdracht";
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, zaak_id, action, true));
  std::optional<std::string> soort;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows org,
                        tx.Query("SELECT soort FROM organisaties WHERE id = $1", {organisatie_id}));
    soort = org.empty() ? std::nullopt : std::optional<std::string>(org[0].Text(0));
    return {};
  }));
  if (!soort) return UnknownReference("organisatieId", "Deze organisatie");
  JH_TRY(Enforce(env, action, "vt-zaak", zaak_id, rules::Vt07Overdracht(t.zaak.soort, *soort),
                 Weigering::kOnverwerkbaar));
  JH_TRY(Enforce(env, action, "vt-zaak", zaak_id,
                 rules::Vt07GemeenteBekend(*soort, t.zaak.gemeentecode),
                 Weigering::kOnverwerkbaar));
  const bool raad = rules::Vt07GemeenteInformeren(*soort);
  VtOverdracht out{crypto::NewUuid(),      zaak_id,     organisatie_id, *soort,
                   env.clock.NowRfc3339(), std::nullopt};
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadOpenVtZaak(tx, zaak_id));
    // Checked above on the case as read; checked again on the case as written, so a Raad
    // handover can never commit without informing the college (VT-07).
    const rules::Decision bekend = rules::Vt07GemeenteBekend(*soort, z.gemeentecode);
    if (!bekend.allowed) return rules::AsUnprocessable(bekend);
    if (raad) out.gemeente_geinformeerd = z.gemeentecode;
    JH_TRY(tx.Exec(
        "INSERT INTO vt_overdrachten (id, zaak_id, organisatie_id, organisatie_soort, "
        "overgedragen_op, gemeentecode_geinformeerd) VALUES ($1, $2, $3, $4, $5, $6)",
        {out.id, zaak_id, organisatie_id, *soort, out.overgedragen_op,
         out.gemeente_geinformeerd ? store::Value{*out.gemeente_geinformeerd} : store::Value{}}));
    JH_TRY(tx.Exec("UPDATE vt_zaken SET status = 'overgedragen' WHERE id = $1", {zaak_id}));
    JH_TRY(
        tx.Exec("UPDATE vt_termijnen SET afgehandeld_op = $2 WHERE zaak_id = $1 AND "
                "soort = 'beslissen' AND afgehandeld_op IS NULL",
                {zaak_id, out.overgedragen_op}));
    JH_TRY(AddVtStap(tx, env, zaak_id, raad ? "overdracht-raad" : "overdracht-lokaal-team"));
    JH_TRY(TouchVtZaak(tx, env, zaak_id));
    LogVtZaak(env, audit::kVtOverdracht,
              raad ? "zaak overdragen aan de Raad" : "zaak overdragen aan het lokale team", z);
    if (out.gemeente_geinformeerd) JH_TRY(InformeerGemeente(tx, env, z, out));
    return {};
  }));
  return out;
}

}  // namespace jh::services
