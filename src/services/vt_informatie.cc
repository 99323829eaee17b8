#include "services/vt_informatie.h"

#include "audit/register.h"
#include "crypto/vault.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

Result<VtInformatieverzoek> CreateVtInformatieverzoek(Env& env, const std::string& zaak_id,
                                                      const std::string& organisatie_id,
                                                      const std::string& vraag) {
  const char* action = "createVtInformatieverzoek";
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, zaak_id, action, true));
  JH_TRY(Enforce(env, action, "vt-zaak", zaak_id,
                 rules::Vt02Informatie(t.zaak.soort, t.zaak.status == "in-onderzoek"),
                 Weigering::kVerboden));
  VtInformatieverzoek out{crypto::NewUuid(),      zaak_id,      organisatie_id, vraag,
                          env.clock.NowRfc3339(), std::nullopt, std::nullopt};
  bool onbekend = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows org,
                        tx.Query("SELECT soort FROM organisaties WHERE id = $1", {organisatie_id}));
    onbekend = org.empty();
    if (onbekend) return {};
    JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadOpenVtZaak(tx, zaak_id));
    JH_ASSIGN_OR_RETURN(store::Blob enc,
                        SealVtVeld(tx, env, zaak_id, VtVerzoekVeld(out.id, "vraag"), vraag));
    JH_TRY(
        tx.Exec("INSERT INTO vt_informatieverzoeken (id, zaak_id, organisatie_id, vraag_enc, "
                "verzocht_op) VALUES ($1, $2, $3, $4, $5)",
                {out.id, zaak_id, organisatie_id, enc, out.verzocht_op}));
    JH_TRY(TouchVtZaak(tx, env, zaak_id));
    LogVtZaak(env, audit::kVtInformatie, "informatie opvragen (" + org[0].Text(0) + ")", z);
    return {};
  }));
  if (onbekend) return UnknownReference("organisatieId", "Deze organisatie");
  return out;
}

Result<VtInformatieverzoek> BeantwoordVtInformatieverzoek(Env& env, const std::string& zaak_id,
                                                          const std::string& verzoek_id,
                                                          const std::string& antwoord) {
  JH_TRY(OpenVtZaak(env, zaak_id, "createVtInformatieAntwoord", true));
  return LegVtAntwoordVast(env, zaak_id, verzoek_id, antwoord);
}

Result<VtInformatieverzoek> LegVtAntwoordVast(Env& env, const std::string& zaak_id,
                                              const std::string& verzoek_id,
                                              const std::string& antwoord) {
  std::optional<VtInformatieverzoek> out;
  bool beantwoord = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    out.reset();
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT organisatie_id, verzocht_op, beantwoord_op FROM vt_informatieverzoeken "
                 "WHERE id = $1 AND zaak_id = $2",
                 {verzoek_id, zaak_id}));
    if (rows.empty()) return {};
    beantwoord = !rows[0].IsNull(2);
    if (beantwoord) return {};
    JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadOpenVtZaak(tx, zaak_id));
    JH_ASSIGN_OR_RETURN(
        store::Blob enc,
        SealVtVeld(tx, env, zaak_id, VtVerzoekVeld(verzoek_id, "antwoord"), antwoord));
    const std::string now = env.clock.NowRfc3339();
    JH_TRY(tx.Exec(
        "UPDATE vt_informatieverzoeken SET antwoord_enc = $2, beantwoord_op = $3 WHERE id = $1",
        {verzoek_id, enc, now}));
    JH_TRY(TouchVtZaak(tx, env, zaak_id));
    LogVtZaak(env, audit::kVtInformatie, "antwoord op informatieverzoek vastleggen", z);
    out = VtInformatieverzoek{verzoek_id, zaak_id, rows[0].Text(0), "", rows[0].Text(1),
                              antwoord,   now};
    return {};
  }));
  if (beantwoord) return Error::Conflict("Dit verzoek is al beantwoord.");
  if (!out) return Error::NotFound("Dit informatieverzoek bestaat niet.");
  return *out;
}

}  // namespace jh::services
