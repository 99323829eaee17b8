#include "services/vt_zaken.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "audit/register.h"
#include "crypto/vault.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/keyring.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kVtZaakResource = "vt-zaak";

bool IsVtMedewerker(const auth::Actor& a) { return a.HasRole("vt-medewerker"); }

// The Veilig Thuis that receives a professional's own melding: the one of the child's
// municipality, else of the reporter's, else the region's first.
Result<std::string> KiesVeiligThuis(Env& env, const std::string& gemeente) {
  std::string gekozen;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT id, gemeentecode FROM organisaties WHERE soort = 'veilig-thuis' "
                 "ORDER BY aangemaakt_op, id"));
    gekozen.clear();
    for (const std::string& code : {gemeente, env.actor->gemeentecode}) {
      auto it = std::find_if(rows.begin(), rows.end(),
                             [&](const store::Row& r) { return r.Text(1) == code; });
      if (it != rows.end() && gekozen.empty()) gekozen = it->Text(0);
    }
    if (gekozen.empty() && !rows.empty()) gekozen = rows[0].Text(0);
    return {};
  }));
  if (gekozen.empty()) {
    return Inconsistent("soort", "geen-veilig-thuis", "Er is geen Veilig Thuis aangesloten.");
  }
  return gekozen;
}

std::string MelderJson(const VtContact& c) {
  nlohmann::json j = nlohmann::json::object();
  if (c.naam) j["naam"] = *c.naam;
  if (c.telefoon) j["telefoon"] = *c.telefoon;
  if (c.email) j["email"] = *c.email;
  if (c.organisatie) j["organisatie"] = *c.organisatie;
  return j.dump();
}

// The gemeente of the case: the first child's, else the first person's.
std::string GemeenteVan(const std::vector<VtPersoon>& personen) {
  for (const VtPersoon& p : personen) {
    if (p.rol == "kind") return p.gemeentecode;
  }
  return personen.empty() ? "" : personen.front().gemeentecode;
}

// A melding names at least one person, whether it is made directly or converted from an
// advice request: the same answer on both paths.
Error GeenBetrokkenen() {
  return Error::Invalid("betrokkenen", "verplicht",
                        "Een melding gaat over ten minste een persoon.");
}

// Who may record what, before any content rule: only Veilig Thuis records advice requests and
// meldingen for a caller; a professional's own melding names no other reporter.
Status CheckVorm(const auth::Actor& a, const NieuweVtZaak& in) {
  const bool vt = IsVtMedewerker(a);
  if (!vt && in.soort == "advies") {
    return Error::Forbidden("", "", "Een adviesvraag wordt door Veilig Thuis vastgelegd.");
  }
  if (!vt && in.melder) {
    return Error::Invalid("melder", "verboden-veld",
                          "Een beroepskracht meldt zelf: de melder bent u (meldrecht, VT-03).");
  }
  if (vt && !in.melder) {
    return Error::Invalid(in.soort == "advies" ? "vrager" : "melder", "verplicht",
                          "Dit veld is verplicht.");
  }
  if (in.soort == "advies") {
    if (!in.vraag) return Error::Invalid("vraag", "verplicht", "Dit veld is verplicht.");
    if (in.grond) return Error::Invalid("grond", "verboden-veld", "Alleen bij een melding.");
    if (in.omschrijving) {
      return Error::Invalid("omschrijving", "verboden-veld", "Alleen bij een melding.");
    }
    return {};
  }
  if (in.vraag) return Error::Invalid("vraag", "verboden-veld", "Alleen bij een adviesvraag.");
  if (in.toestemming) {
    return Error::Invalid("toestemming", "verboden-veld", "Alleen bij een adviesvraag.");
  }
  if (!in.omschrijving) {
    return Error::Invalid("omschrijving", "verplicht", "Dit veld is verplicht.");
  }
  if (in.betrokkenen.empty()) return GeenBetrokkenen();
  return {};
}

Status InsertBetrokkenen(store::Tx& tx, Env& env, const std::string& zaak_id,
                         const std::vector<VtPersoon>& personen) {
  for (const VtPersoon& p : personen) {
    JH_TRY(
        tx.Exec("INSERT INTO vt_betrokkenen (zaak_id, persoon_id, rol, vastgelegd_op) "
                "VALUES ($1, $2, $3, $4) ON CONFLICT (zaak_id, persoon_id) DO NOTHING",
                {zaak_id, p.persoon_id, p.rol, env.clock.NowRfc3339()}));
  }
  return {};
}

// VT-05: the people of a melding learn within four weeks what was recorded about them.
Status StartInformeren(store::Tx& tx, Env& env, const VtZaakRij& z) {
  JH_ASSIGN_OR_RETURN(store::Rows t, tx.Query("SELECT 1 FROM vt_termijnen WHERE zaak_id = $1 "
                                              "AND soort = 'informeren'",
                                              {z.id}));
  if (!t.empty()) return {};
  JH_TRY(
      tx.Exec("INSERT INTO vt_termijnen (id, zaak_id, organisatie_id, soort, uiterlijk) "
              "VALUES ($1, $2, $3, 'informeren', $4)",
              {crypto::NewUuid(), z.id, z.organisatie_id,
               rules::Vt05InformerenUiterlijk(env.clock.Today()).ToString()}));
  return {};
}

}  // namespace

Result<std::vector<VtPersoon>> ZoekVtPersonen(Env& env, const std::vector<VtNieuweBetrokkene>& in) {
  std::vector<VtPersoon> out;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.clear();
    for (size_t i = 0; i < in.size(); ++i) {
      const std::string veld = "betrokkenen[" + std::to_string(i) + "].bsn";
      JH_ASSIGN_OR_RETURN(store::Rows rows,
                          tx.Query("SELECT id, gemeentecode FROM personen WHERE bsn_index = $1 "
                                   "AND vernietigd_op IS NULL",
                                   {store::Blob{env.vault.BsnIndex(in[i].bsn)}}));
      if (rows.empty()) return UnknownReference(veld, "Een persoon met dit BSN");
      const std::string id = rows[0].Text(0);
      if (std::any_of(out.begin(), out.end(),
                      [&](const VtPersoon& p) { return p.persoon_id == id; })) {
        return Inconsistent(veld, "dubbel", "Deze persoon staat al bij de betrokkenen.");
      }
      out.push_back({id, in[i].rol, rows[0].OptText(1).value_or("")});
    }
    return {};
  }));
  return out;
}

Result<VtZaak> CreateVtZaak(Env& env, const NieuweVtZaak& in) {
  const auth::Actor& a = *env.actor;
  JH_TRY(CheckVorm(a, in));
  const char* action = "createVtZaak";
  if (in.soort == "advies") {
    JH_TRY(Enforce(env, action, kVtZaakResource, "",
                   rules::Vt01Advies(!in.betrokkenen.empty(), in.toestemming),
                   Weigering::kOnverwerkbaar));
  } else {
    JH_TRY(Enforce(env, action, kVtZaakResource, "", rules::Vt03Grond(in.grond),
                   Weigering::kOnverwerkbaar));
  }
  JH_ASSIGN_OR_RETURN(std::vector<VtPersoon> personen, ZoekVtPersonen(env, in.betrokkenen));
  const std::string gemeente = GemeenteVan(personen);
  std::string organisatie = a.organisatie_id;
  if (!IsVtMedewerker(a)) {
    JH_ASSIGN_OR_RETURN(organisatie, KiesVeiligThuis(env, gemeente));
  }

  const std::string id = crypto::NewUuid();
  const std::string now = env.clock.NowRfc3339();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(crypto::DataKey key, CreateDataKey(tx, env.vault, id));
    auto sealed = [&](std::string_view veld, const std::optional<std::string>& text) {
      return text ? store::Value{Seal(key, id, veld, *text)} : store::Value{};
    };
    const bool eigen = !in.melder;  // a professional reporting himself
    JH_TRY(tx.Exec(
        "INSERT INTO vt_zaken (id, organisatie_id, soort, status, gemeentecode, grond, "
        "toestemming, vraag_enc, omschrijving_enc, melder_soort, melder_medewerker_id, "
        "melder_enc, toestemming_identiteit, aangemaakt_op, gewijzigd_op, bewaren_tot) VALUES "
        "($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14)",
        {id, organisatie, in.soort, gemeente.empty() ? store::Value{} : store::Value{gemeente},
         in.grond ? store::Value{*in.grond} : store::Value{},
         int64_t{in.toestemming.value_or(false) ? 1 : 0}, sealed("vraag", in.vraag),
         sealed("omschrijving", in.omschrijving),
         eigen ? std::string("beroepskracht") : in.melder->soort,
         eigen ? store::Value{a.id} : store::Value{},
         eigen ? store::Value{} : sealed("melder", MelderJson(*in.melder)),
         int64_t{!eigen && in.melder->toestemming_identiteit ? 1 : 0}, now,
         rules::Vt08BewarenTot(env.clock.Today()).ToString()}));
    JH_TRY(InsertBetrokkenen(tx, env, id, personen));
    JH_TRY(AddVtStap(tx, env, id, "ontvangen"));
    JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadVtZaak(tx, id));
    if (in.soort == "melding") JH_TRY(StartInformeren(tx, env, z));
    LogVtZaak(env, audit::kVtZaak,
              in.soort == "advies" ? "adviesvraag vastleggen" : "melding vastleggen", z);
    // Not under the medewerker's own pseudonym: that would link the melding to him (VT-04).
    if (eigen) {
      Processed(env, audit::kVtZaak, "melding doen (melder)", kVtMelderSubject,
                VtMelderSleutel(id, a.id));
    }
    return {};
  }));
  return VtZaakWeergave(
      env, id, IsVtMedewerker(a) ? rules::ZaakZicht::kVolledig : rules::ZaakZicht::kAlleenStappen);
}

Result<VtZaak> ZetVtZaakOm(Env& env, const std::string& id, const std::optional<std::string>& grond,
                           const std::string& omschrijving,
                           const std::vector<VtNieuweBetrokkene>& betrokkenen) {
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, id, "convertVtZaak", true));
  JH_TRY(Enforce(env, "convertVtZaak", kVtZaakResource, id, rules::Vt03Grond(grond),
                 Weigering::kOnverwerkbaar));
  JH_ASSIGN_OR_RETURN(std::vector<VtPersoon> personen, ZoekVtPersonen(env, betrokkenen));
  bool al_melding = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadOpenVtZaak(tx, id));
    al_melding = z.soort != "advies";
    if (al_melding) return {};
    // A melding is about at least one person, however it came to be: the advice's own
    // betrokkenen (recorded with consent) count, otherwise the conversion must name them.
    // Without a person the case has no municipality, and a handover to the Raad would
    // inform no college (VT-07). Refused as creating a melding refuses it.
    if (z.persoon_ids.empty() && personen.empty()) return GeenBetrokkenen();
    JH_ASSIGN_OR_RETURN(store::Blob enc, SealVtVeld(tx, env, id, "omschrijving", omschrijving));
    JH_TRY(
        tx.Exec("UPDATE vt_zaken SET soort = 'melding', grond = $2, omschrijving_enc = $3, "
                "omgezet_op = $4 WHERE id = $1",
                {id, *grond, enc, env.clock.NowRfc3339()}));
    JH_TRY(InsertBetrokkenen(tx, env, id, personen));
    if (z.gemeentecode.empty() && !personen.empty()) {
      JH_TRY(tx.Exec("UPDATE vt_zaken SET gemeentecode = $2 WHERE id = $1",
                     {id, GemeenteVan(personen)}));
    }
    JH_TRY(AddVtStap(tx, env, id, "omgezet"));
    JH_TRY(TouchVtZaak(tx, env, id));
    JH_ASSIGN_OR_RETURN(VtZaakRij na, LoadVtZaak(tx, id));
    if (!na.persoon_ids.empty()) JH_TRY(StartInformeren(tx, env, na));
    LogVtZaak(env, audit::kVtZaak, "adviesvraag omzetten in melding", na);
    return {};
  }));
  if (al_melding) return Error::Conflict("De zaak is al een melding.");
  return VtZaakWeergave(env, id, t.zicht);
}

Result<VtZaak> SluitVtZaakAf(Env& env, const std::string& id) {
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, id, "closeVtZaak", true));
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadOpenVtZaak(tx, id));
    JH_TRY(tx.Exec("UPDATE vt_zaken SET status = 'afgesloten' WHERE id = $1", {id}));
    JH_TRY(
        tx.Exec("UPDATE vt_termijnen SET afgehandeld_op = $2 WHERE zaak_id = $1 AND "
                "soort = 'beslissen' AND afgehandeld_op IS NULL",
                {id, env.clock.NowRfc3339()}));
    JH_TRY(AddVtStap(tx, env, id, "afgesloten"));
    JH_TRY(TouchVtZaak(tx, env, id));
    LogVtZaak(env, audit::kVtZaak, "zaak afsluiten", z);
    return {};
  }));
  return VtZaakWeergave(env, id, t.zicht);
}

}  // namespace jh::services
