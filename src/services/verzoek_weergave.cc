#include "services/verzoek_weergave.h"

namespace jh::services {

Result<bool> HeeftGezag(store::Tx& tx, const std::string& kind, const std::string& ouder) {
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      tx.Query("SELECT 1 FROM gezagsrelaties WHERE kind_id = $1 AND ouder_id = $2", {kind, ouder}));
  return !rows.empty();
}

std::optional<std::string> WachtOp(const std::string& medeondertekening,
                                   const std::string& verzoeker_rol) {
  if (medeondertekening != "nodig") return std::nullopt;
  return verzoeker_rol == "betrokkene" ? "vertegenwoordiger" : "jeugdige";
}

Status VulWeergave(store::Tx& tx, Env& env, const VerzoekPartijen& p, Verzoek& v) {
  const auth::Actor& a = *env.actor;
  v.wacht_op = WachtOp(v.medeondertekening, p.verzoeker_rol);
  bool verzoeker = false;
  if (a.IsBurger()) {
    // A joint request is the requester's and the co-signer's alike (VIR-15); both may open
    // its inspection (services/inzage.h), nobody else.
    verzoeker =
        a.id == p.verzoeker_id || (p.medeondertekend_door && a.id == *p.medeondertekend_door);
    // The same test MedeondertekenVerzoek applies: the youth for a representative's request,
    // a parent with authority for the youth's.
    bool mag = false;
    if (v.wacht_op == "jeugdige") {
      mag = a.id == p.betrokkene_id;
    } else if (v.wacht_op == "vertegenwoordiger") {
      JH_ASSIGN_OR_RETURN(mag, HeeftGezag(tx, p.betrokkene_id, a.id));
    }
    v.is_verzoeker = verzoeker;
    v.mag_medeondertekenen = mag;
  }
  return {};
}

}  // namespace jh::services
