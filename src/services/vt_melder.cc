#include "services/vt_melder.h"

#include <algorithm>

#include "audit/register.h"
#include "crypto/vault.h"
#include "services/common.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

Result<VtIdentiteitBesluit> BesluitVtMelderIdentiteit(Env& env, const std::string& zaak_id,
                                                      const VtIdentiteitVerzoek& in) {
  const char* action = "createVtMelderIdentiteitBesluit";
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, zaak_id, action, true));
  const VtZaakRij& z = t.zaak;
  if (std::find(z.persoon_ids.begin(), z.persoon_ids.end(), in.verzoeker_id) ==
      z.persoon_ids.end()) {
    return Inconsistent("verzoekerId", "geen-betrokkene",
                        "De verzoeker is geen betrokkene van deze zaak.");
  }
  if (z.soort != "melding" || z.melder_soort.empty()) {
    return Error::Conflict("Deze zaak heeft geen melder.");
  }
  const rules::Vt04Besluit besluit = rules::Vt04MelderIdentiteit(
      {z.melder_soort == "beroepskracht", z.toestemming_identiteit, in.bedreiging_slachtoffer,
       in.bedreiging_melder, in.verstoring_vertrouwensrelatie});
  // Withholding is a lawful outcome, not a refusal of the caller: the decision is logged
  // either way and the answer is 201.
  Decide(env, audit::Decision{action, "vt-melder-identiteit", zaak_id, besluit.decision.allowed,
                              std::string(besluit.decision.rule),
                              std::string(besluit.decision.ground), besluit.decision.reason});
  VtIdentiteitBesluit out{crypto::NewUuid(), besluit.decision.allowed, besluit.gronden,
                          std::nullopt};
  std::string gronden;
  for (const std::string& g : besluit.gronden) gronden += (gronden.empty() ? "" : ",") + g;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(
        tx.Exec("INSERT INTO vt_identiteit_besluiten (id, zaak_id, verzoeker_id, besluit, gronden, "
                "besloten_op) VALUES ($1, $2, $3, $4, $5, $6)",
                {out.id, zaak_id, in.verzoeker_id, out.verstrekken ? "verstrekken" : "weigeren",
                 gronden, env.clock.NowRfc3339()}));
    JH_TRY(TouchVtZaak(tx, env, zaak_id));
    LogVtZaak(env, audit::kVtMelderIdentiteit, "besluit over de identiteit van de melder", z);
    if (z.melder_medewerker_id) {
      // The reporter's pseudonym for this case, not his stable one (VT-04).
      Processed(env, audit::kVtMelderIdentiteit, "besluit over de identiteit van de melder",
                kVtMelderSubject, VtMelderSleutel(zaak_id, *z.melder_medewerker_id));
    }
    return {};
  }));
  if (out.verstrekken) {
    JH_ASSIGN_OR_RETURN(VtZaak zaak, VtZaakWeergave(env, zaak_id, rules::ZaakZicht::kVolledig));
    out.melder = zaak.melder;
  }
  return out;
}

}  // namespace jh::services
