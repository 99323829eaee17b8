// The Verwijsindex endpoints of API.md: registrations, signals and afstemmingen. The request
// body of a registration is strict: any field beyond the statement and the youth's number is
// refused with VIR-04, never dropped. No BSN leaves the server except to the registration's
// own melder (API.md, BSN-02).
#include "http/handlers/common.h"
#include "rules/vir_signalen.h"
#include "services/vir_meldingen.h"
#include "services/vir_signalen.h"

namespace jh::api {

namespace {
using namespace schema;

constexpr const char* kVir04Grond = "Jw 7.1.4.3(1)";

NodePtr ContactSchema(const std::string& wie) {
  return Object({Req("naam", String("Naam van de " + wie + ".", 200)),
                 Req("organisatie", String("Organisatie.", 200)),
                 Req("telefoon", String("Telefoonnummer.", 40)),
                 Req("email", String("E-mailadres.", 200))});
}

NodePtr BetrokkeneSchema() {
  return Object({Req("naam", String("Naam van de melder.", 200)),
                 Req("organisatie", String("Organisatie van de melder.", 200)),
                 Req("telefoon", String("Telefoonnummer.", 40)),
                 Req("email", String("E-mailadres.", 200)),
                 Opt("coordinator", ContactSchema("coördinator van de organisatie (Jw 7.1.3.3)"))});
}

NodePtr MeldingSchema() {
  return Object(
      {Req("id", Id()), Req("status", Enum("Status.", {"actief", "verwijderd", "gearchiveerd"})),
       Req("gemeldOp", Timestamp("Tijdstip van de melding.")),
       Req("verwijderenUiterlijk", DateField("Geplande verwijderdatum (VIR-11).")),
       Opt("verwijderdOp", Timestamp("Tijdstip van verwijdering (VIR-10, VIR-11).")),
       Opt("reden", Enum("Reden van verwijdering.", {"onterecht", "risico-weg", "twee-jaar",
                                                     "drieentwintig", "overleden", "avg"})),
       Req("gearchiveerd", Boolean("Bewaard in het archief van vijf jaar (VIR-12).")),
       Req("melder", BetrokkeneSchema()),
       Opt("bsn", Formatted("BSN van de jeugdige; alleen voor de eigen melder zolang de "
                            "melding actief is.",
                            BsnFormat(), "999990019"))});
}

NodePtr SignaalSchema() {
  NodePtr afstemming = Object({Req("id", Id()), Req("contactGelegd", Boolean("Contact gelegd.")),
                               Req("datum", DateField("Datum van de afstemming.")),
                               Req("vastgelegdOp", Timestamp("Tijdstip van vastleggen."))});
  return Object(
      {Req("id", Id()),
       Req("soort",
           Enum("Soort signaal.", {"jeugdige", "gezin", "adres", "historisch", "verhuizing"})),
       Req("ontstaanOp", Timestamp("Tijdstip van het signaal.")), Req("meldingId", Id()),
       Req("verschillendeJeugdigen", Boolean("Het gaat om verschillende jeugdigen (VIR-07).")),
       Req("betrokkenen", Array(BetrokkeneSchema(), "De andere melders (VIR-08).", 1000)),
       Opt("afstemmingen", Array(afstemming, "Afstemmingen van de regievoerder (VIR-09).", 1000))});
}

Json ToJson(const services::Contact& c) {
  return Json{{"naam", c.naam},
              {"organisatie", c.organisatie},
              {"telefoon", c.telefoon},
              {"email", c.email}};
}

Json ToJson(const services::Betrokkene& b) {
  Json j = ToJson(static_cast<const services::Contact&>(b));
  if (b.coordinator) j["coordinator"] = ToJson(*b.coordinator);
  return j;
}

Json ToJson(const services::VirMelding& m) {
  Json j{{"id", m.id},
         {"status", m.status},
         {"gemeldOp", m.gemeld_op},
         {"verwijderenUiterlijk", m.verwijderen_uiterlijk.ToString()},
         {"gearchiveerd", m.gearchiveerd},
         {"melder", ToJson(m.melder)}};
  if (m.verwijderd_op) j["verwijderdOp"] = *m.verwijderd_op;
  if (m.reden) j["reden"] = *m.reden;
  if (m.bsn) j["bsn"] = m.bsn->digits();
  return j;
}

Json ToJson(const services::VirAfstemming& a) {
  return Json{{"id", a.id},
              {"contactGelegd", a.contact_gelegd},
              {"datum", a.datum.ToString()},
              {"vastgelegdOp", a.vastgelegd_op}};
}

Json ToJson(const services::VirSignaal& s, bool regie) {
  Json betrokkenen = Json::array();
  for (const auto& b : s.betrokkenen) betrokkenen.push_back(ToJson(b));
  Json j{{"id", s.id},
         {"soort", s.soort},
         {"ontstaanOp", s.ontstaan_op},
         {"meldingId", s.melding_id},
         {"verschillendeJeugdigen", s.verschillende_jeugdigen},
         {"betrokkenen", std::move(betrokkenen)}};
  if (regie) {
    Json af = Json::array();
    for (const auto& a : s.afstemmingen) af.push_back(ToJson(a));
    j["afstemmingen"] = std::move(af);
  }
  return j;
}

Result<Reply> CreateMelding(Call& c) {
  services::NieuweVirMelding in;
  const bool met_bsn = c.body.contains("bsn");
  const bool zonder_bsn = c.body.contains("jeugdigeZonderBsn");
  if (met_bsn == zonder_bsn) {
    return Error::Invalid("bsn", "verplicht",
                          "Geef precies een van bsn en jeugdigeZonderBsn (VIR-05).");
  }
  if (met_bsn) {
    JH_ASSIGN_OR_RETURN(in.bsn, Bsn::Parse(c.body["bsn"].get<std::string>()));
  } else {
    const Json& z = c.body["jeugdigeZonderBsn"];
    if (rules::Vir05Familienaam(z["geslachtsnaam"].get<std::string>()).empty()) {
      return Error::Invalid("jeugdigeZonderBsn.geslachtsnaam", "geen-letters",
                            "De familienaam heeft geen enkele letter (VIR-05).");
    }
    in.zonder_bsn = services::JeugdigeZonderBsn{z["geslachtsnaam"].get<std::string>(),
                                                *Date::Parse(z["geboortedatum"].get<std::string>()),
                                                z["geslacht"].get<std::string>()};
  }
  if (c.body.contains("redelijkVermoeden")) {
    in.redelijk_vermoeden = c.body["redelijkVermoeden"].get<bool>();
  }
  JH_ASSIGN_OR_RETURN(auto m, services::CreateVirMelding(c.env, in));
  return Reply::Created(ToJson(m));
}

Result<Reply> ListMeldingen(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list,
                      services::ListEigenVirMeldingen(c.env, page, c.request.QueryParam("status")));
  Json items = Json::array();
  for (const auto& m : list.items) items.push_back(ToJson(m));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> GetMelding(Call& c) {
  JH_ASSIGN_OR_RETURN(auto m, services::GetEigenVirMelding(c.env, c.Param("id")));
  return Reply::Ok(ToJson(m));
}

Result<Reply> DeleteMelding(Call& c) {
  JH_ASSIGN_OR_RETURN(
      auto m, services::VerwijderVirMelding(c.env, c.Param("id"), c.request.QueryParam("reden")));
  return Reply::Ok(ToJson(m));
}

Result<Reply> ListSignalen(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list, services::ListVirSignalen(c.env, page));
  const bool regie = c.actor != nullptr && c.actor->HasRole("regievoerder");
  Json items = Json::array();
  for (const auto& s : list.items) items.push_back(ToJson(s, regie));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> CreateAfstemming(Call& c) {
  JH_ASSIGN_OR_RETURN(auto a, services::CreateVirAfstemming(
                                  c.env, c.Param("id"), c.body["contactGelegd"].get<bool>(),
                                  *Date::Parse(c.body["datum"].get<std::string>())));
  Json j = ToJson(a);
  j["signaalId"] = a.signaal_id;
  return Reply::Created(std::move(j));
}

}  // namespace

void RegisterVerwijsindex(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/verwijsindex/meldingen",
           .operation_id = "createVirMelding",
           .tag = "Verwijsindex",
           .summary = "Een jeugdige melden (alleen meldingsbevoegden, VIR-01 … VIR-05)",
           .others_rule = RefusedBy("VIR-02", "Jw 7.1.1.2, 7.1.3.1; BJw 7.1.1–7.1.7"),
           .body = StrictObject(
               {Opt("bsn", Formatted("BSN van de jeugdige (BSN-01).", BsnFormat(), "999990019")),
                Opt("jeugdigeZonderBsn",
                    StrictObject({Req("geslachtsnaam", String("Familienaam.", 200)),
                                  Req("geboortedatum", DateField("Geboortedatum.")),
                                  Req("geslacht", Enum("Geslacht.", {"M", "V", "O"}))},
                                 "VIR-04", kVir04Grond,
                                 "Een jeugdige zonder BSN: hieruit wordt het "
                                 "verwijsindexservicenummer afgeleid (VIR-05).")),
                Opt("redelijkVermoeden",
                    Boolean("Verklaring dat u een redelijk vermoeden hebt van een risico "
                            "(VIR-03); welk risico wordt niet vermeld."))},
               "VIR-04", kVir04Grond,
               "Een melding bevat alleen de jeugdige en de verklaring (VIR-04)."),
           .success = 201,
           .response = MeldingSchema(),
           .errors = {409, 422},
           .handle = CreateMelding});
  api.Add({.method = "GET",
           .path = "/api/v1/verwijsindex/meldingen",
           .operation_id = "listVirMeldingen",
           .tag = "Verwijsindex",
           .summary = "Eigen meldingen (de verwijsindex is niet doorzoekbaar, VIR-08)",
           .others_rule = RefusedBy("VIR-08", "Jw 7.1.4.3(2)"),
           .query =
               [] {
                 auto q = PaginationParams();
                 q.push_back(QueryParam{.name = "status",
                                        .description = "Alleen meldingen met deze status.",
                                        .enum_values = {"actief", "verwijderd", "gearchiveerd"}});
                 return q;
               }(),
           .response = PageSchema(MeldingSchema()),
           .handle = ListMeldingen});
  api.Add({.method = "GET",
           .path = "/api/v1/verwijsindex/meldingen/{id}",
           .operation_id = "getVirMelding",
           .tag = "Verwijsindex",
           .summary = "Een eigen melding",
           .others_rule = RefusedBy("VIR-08", "Jw 7.1.4.3(2)"),
           .response = MeldingSchema(),
           .handle = GetMelding});
  api.Add({.method = "DELETE",
           .path = "/api/v1/verwijsindex/meldingen/{id}",
           .operation_id = "deleteVirMelding",
           .tag = "Verwijsindex",
           .summary = "Een eigen melding verwijderen (VIR-10)",
           .others_rule = RefusedBy("VIR-10", "Jw 7.1.4.5(1)"),
           .query = {QueryParam{.name = "reden",
                                .description = "onterecht (niet gearchiveerd) of risico-weg "
                                               "(gearchiveerd, VIR-10).",
                                .required = true,
                                .enum_values = {"onterecht", "risico-weg"}}},
           .response = MeldingSchema(),
           .errors = {409},
           .handle = DeleteMelding});
  api.Add({.method = "GET",
           .path = "/api/v1/verwijsindex/signalen",
           .operation_id = "listVirSignalen",
           .tag = "Verwijsindex",
           .summary = "Signalen aan de aanroeper: op eigen meldingen, of aan de regie (VIR-08, "
                      "VIR-09)",
           .others_rule = RefusedBy("VIR-08", "Jw 7.1.4.3(2)"),
           .query = PaginationParams(),
           .response = PageSchema(SignaalSchema()),
           .handle = ListSignalen});
  api.Add({.method = "POST",
           .path = "/api/v1/verwijsindex/signalen/{id}/afstemmingen",
           .operation_id = "createVirAfstemming",
           .tag = "Verwijsindex",
           .summary = "Afstemming vastleggen (regievoerder van de gemeente, VIR-09)",
           .others_rule = [](std::string_view rol) { return rules::Vir09(rol, "", ""); },
           .body = Object({Req("contactGelegd", Boolean("Hebben de melders contact gehad?")),
                           Req("datum", DateField("Datum van de afstemming."))}),
           .success = 201,
           .response = Object({Req("id", Id()), Req("signaalId", Id()),
                               Req("contactGelegd", Boolean("Contact gelegd.")),
                               Req("datum", DateField("Datum.")),
                               Req("vastgelegdOp", Timestamp("Tijdstip van vastleggen."))}),
           .errors = {422},
           .handle = CreateAfstemming});
}

}  // namespace jh::api
