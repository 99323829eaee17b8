#include "services/verzoek_weergave.h"

#include "services/keyring.h"

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
  // The reasons go to whoever asked and to the handler, not to a child a parent asked about.
  if (!verzoeker && !a.HasRole("beheerder")) return {};
  if (!p.besluit_reden_enc && !p.verlenging_reden_enc) return {};
  JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key,
                      LoadDataKey(tx, env.vault, p.betrokkene_id));
  if (!key) return {};
  const auto open = [&](const std::optional<std::string>& enc, const std::string& veld,
                        std::optional<std::string>& out) -> Status {
    if (!enc) return {};
    JH_ASSIGN_OR_RETURN(std::string tekst,
                        Open(key, p.betrokkene_id, "verzoek/" + v.id + "/" + veld, *enc));
    if (!tekst.empty()) out = std::move(tekst);
    return {};
  };
  JH_TRY(open(p.besluit_reden_enc, "besluit", v.besluit_reden));
  JH_TRY(open(p.verlenging_reden_enc, "verlenging", v.verlenging_reden));
  return {};
}

}  // namespace jh::services
