#include "services/inzage.h"

#include "audit/register.h"
#include "services/write.h"

namespace jh::services {

namespace {

// What the context holds about the person: dates and statuses only. Veilig Thuis cases carry
// no reporter field here, whatever the VT-04 decision on the case was (AVG-03 minus VT-04).
// `zelf`: the betrokkene reads it himself, so "u" is him; otherwise he is "de betrokkene".
Status Gegevens(store::Tx& tx, const std::string& context, const std::string& persoon, bool zelf,
                std::vector<InzageRegel>& out) {
  out.clear();
  if (context == "verwijsindex") {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT gemeld_op, status, verwijderen_uiterlijk FROM "
                                 "vir_meldingen WHERE persoon_id = $1 ORDER BY gemeld_op",
                                 {persoon}));
    for (const auto& r : rows) {
      out.push_back({"vir-registratie", r.Text(0), r.Text(1),
                     "Registratie in de Verwijsindex; verwijderen uiterlijk " + r.Text(2) + "."});
    }
  } else if (context == "veilig-thuis") {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT z.aangemaakt_op, z.status, z.soort, b.rol FROM vt_zaken z "
                                 "JOIN vt_betrokkenen b ON b.zaak_id = z.id "
                                 "WHERE b.persoon_id = $1 ORDER BY z.aangemaakt_op",
                                 {persoon}));
    for (const auto& r : rows) {
      out.push_back({"vt-zaak", r.Text(0), r.Text(1),
                     "Een " + r.Text(2) + " bij Veilig Thuis waarin " +
                         (zelf ? "u betrokken bent" : "de betrokkene betrokken is") + " als " +
                         r.Text(3) + "; wie meldde wordt niet getoond (VT-04)."});
    }
  } else {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT toegewezen_op, status, productcategorie, geldig_vanaf, "
                                 "geldig_tot FROM jw_toewijzingen WHERE persoon_id = $1 "
                                 "ORDER BY toegewezen_op",
                                 {persoon}));
    for (const auto& r : rows) {
      out.push_back({"toewijzing", r.Text(0), r.Text(1),
                     "Jeugdhulp in productcategorie " + r.Text(2) + " van " + r.Text(3) +
                         " tot en met " + r.Text(4) + "."});
    }
  }
  return {};
}

}  // namespace

Result<Inzage> GetInzage(Env& env, const std::string& verzoek_id, const Page& page) {
  const auth::Actor& a = *env.actor;
  std::optional<std::string> betrokkene;
  std::string context, soort, status, besloten_op;
  bool mag = false;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT betrokkene_id, verzoeker_id, medeondertekend_door, "
                                 "context, soort, status, besloten_op FROM verzoeken WHERE id = $1",
                                 {verzoek_id}));
    if (rows.empty()) return {};
    const auto& r = rows[0];
    betrokkene = r.Text(0);
    mag = a.IsBurger() && (a.id == r.Text(1) || a.id == r.OptText(2).value_or(""));
    context = r.Text(3);
    soort = r.Text(4);
    status = r.Text(5);
    besloten_op = r.OptText(6).value_or("");
    return {};
  }));
  if (!betrokkene || !mag) return Error::NotFound("Het verzoek bestaat niet.");
  if (soort != "inzage" || status != "toegewezen") {
    return Error::Conflict("Inzage is er pas als een verzoek om inzage is toegewezen.");
  }
  Inzage out;
  out.context = context;
  JH_ASSIGN_OR_RETURN(out.persoon, GetPersoon(env, *betrokkene));
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_TRY(Gegevens(tx, context, *betrokkene, a.id == *betrokkene, out.gegevens));
    JH_ASSIGN_OR_RETURN(out.correcties, LeesCorrecties(tx, env, *betrokkene));
    return {};
  }));
  // The log of the request's context only (the register places each activity), as it stood
  // when the request was granted: the grant answers that request, it is no standing window
  // on what is processed later, when the age rules may no longer let this reader in.
  JH_ASSIGN_OR_RETURN(out.logboek,
                      InzageLogboek(env, *betrokkene, {a.id, context, besloten_op}, page));
  Processed(env, audit::kAvgVerzoek, "inzage verstrekken", "persoon", *betrokkene);
  return out;
}

}  // namespace jh::services
