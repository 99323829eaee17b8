// The Veilig Thuis cases of API.md: advice requests and meldingen, the conversion of an advice
// into a melding, closing, and reading a case (VT-01, VT-03, VT-04, VT-07). Professionals of
// other organisations make their own meldingen here too (meldrecht) and follow them.
#include "http/handlers/veilig_thuis_json.h"
#include "services/vt_zaken.h"

namespace jh::api {

namespace {
using namespace schema;

// Everyone who may make a melding: Veilig Thuis and the professionals of other organisations.
std::vector<std::string> Melders() {
  return {"vt-medewerker",     "huisarts",           "jeugdarts",         "medisch-specialist",
          "jeugdhulpverlener", "toegangsmedewerker", "regievoerder",      "gemeentemedewerker",
          "rvdk-medewerker",   "leerkracht",         "vertrouwenspersoon"};
}

NodePtr ZaakInvoer() {
  NodePtr vrager = Object({Req("soort", Enum("Soort vrager.", {"particulier", "beroepskracht"})),
                           Opt("naam", vt::Tekst("Naam, als de vrager die geeft.", 200)),
                           Opt("telefoon", Formatted("Telefoonnummer.", PhoneFormat()))},
                          "Wie advies vraagt; alleen wat hij zelf geeft (VT-01).");
  NodePtr melder = Object(
      {Req("soort", Enum("Soort melder.", {"particulier", "beroepskracht"})),
       Req("naam", vt::Tekst("Naam van de melder.", 200)),
       Opt("telefoon", Formatted("Telefoonnummer.", PhoneFormat())),
       Opt("email", Formatted("E-mailadres.", EmailFormat())),
       Opt("organisatie", vt::Tekst("Organisatie van een beroepskracht.", 200)),
       Opt("toestemmingIdentiteit",
           Boolean("Een particuliere melder stemt in met het verstrekken van zijn identiteit "
                   "(VT-04)."))},
      "De melder namens wie Veilig Thuis meldt; afgeschermd voor ieder ander (VT-04).");
  return Object(
      {Req("soort", Enum("advies of melding.", {"advies", "melding"})),
       Opt("vraag", vt::Tekst("De adviesvraag.", 4000)), Opt("vrager", vrager),
       Opt("melder", melder),
       Opt("betrokkenen", Array(vt::BetrokkeneInvoer(), "De personen om wie het gaat.", 20)),
       Opt("toestemming",
           Boolean("De betrokkenen stemmen in met het vastleggen van hun gegevens (VT-01).")),
       Opt("grond",
           Enum("Grond van de melding (VT-03).", {"redelijk-vermoeden", "beeindigen-geweld"})),
       Opt("omschrijving", vt::Tekst("De zorg.", 4000))});
}

std::optional<std::string> OptString(const Json& j, const char* name) {
  return j.contains(name) ? std::optional<std::string>(j[name].get<std::string>()) : std::nullopt;
}

services::VtContact ContactFrom(const Json& j) {
  services::VtContact c;
  c.soort = j["soort"].get<std::string>();
  c.naam = OptString(j, "naam");
  c.telefoon = OptString(j, "telefoon");
  c.email = OptString(j, "email");
  c.organisatie = OptString(j, "organisatie");
  c.toestemming_identiteit = j.value("toestemmingIdentiteit", false);
  return c;
}

Result<std::vector<services::VtNieuweBetrokkene>> BetrokkenenFrom(const Json& body) {
  std::vector<services::VtNieuweBetrokkene> out;
  if (!body.contains("betrokkenen")) return out;
  const Json& list = body["betrokkenen"];
  for (size_t i = 0; i < list.size(); ++i) {
    JH_ASSIGN_OR_RETURN(Bsn bsn, Bsn::Parse(list[i]["bsn"].get<std::string>(),
                                            "betrokkenen[" + std::to_string(i) + "].bsn"));
    out.push_back({bsn, list[i]["rol"].get<std::string>()});
  }
  return out;
}

Result<Reply> CreateZaak(Call& c) {
  services::NieuweVtZaak in;
  in.soort = c.body["soort"].get<std::string>();
  const char* eigen = in.soort == "advies" ? "vrager" : "melder";
  const char* ander = in.soort == "advies" ? "melder" : "vrager";
  if (c.body.contains(ander)) {
    return Error::Invalid(ander, "verboden-veld",
                          std::string("Bij een ") +
                              (in.soort == "advies" ? "adviesvraag" : "melding") +
                              " heet dit veld " + eigen + ".");
  }
  if (c.body.contains(eigen)) in.melder = ContactFrom(c.body[eigen]);
  in.vraag = OptString(c.body, "vraag");
  in.grond = OptString(c.body, "grond");
  in.omschrijving = OptString(c.body, "omschrijving");
  if (c.body.contains("toestemming")) in.toestemming = c.body["toestemming"].get<bool>();
  JH_ASSIGN_OR_RETURN(in.betrokkenen, BetrokkenenFrom(c.body));
  JH_ASSIGN_OR_RETURN(auto z, services::CreateVtZaak(c.env, in));
  Json j = vt::ToJson(z);
  j["soort"] = z.soort;
  return Reply::Created(std::move(j));
}

Result<Reply> GetZaak(Call& c) {
  JH_ASSIGN_OR_RETURN(auto z, services::GetVtZaak(c.env, c.Param("id")));
  return Reply::Ok(vt::ToJson(z));
}

Result<Reply> ListZaken(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list,
                      services::ListVtZaken(c.env, page, c.request.QueryParam("status")));
  Json items = Json::array();
  for (const auto& z : list.items) items.push_back(vt::ToJson(z));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> Omzetten(Call& c) {
  JH_ASSIGN_OR_RETURN(auto betrokkenen, BetrokkenenFrom(c.body));
  JH_ASSIGN_OR_RETURN(
      auto z, services::ZetVtZaakOm(c.env, c.Param("id"), OptString(c.body, "grond"),
                                    c.body["omschrijving"].get<std::string>(), betrokkenen));
  return Reply::Ok(vt::ToJson(z));
}

Result<Reply> Afsluiten(Call& c) {
  JH_ASSIGN_OR_RETURN(auto z, services::SluitVtZaakAf(c.env, c.Param("id")));
  return Reply::Ok(vt::ToJson(z));
}

}  // namespace

void RegisterVeiligThuis(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/veilig-thuis/zaken",
           .operation_id = "createVtZaak",
           .tag = "Veilig Thuis",
           .summary = "Een adviesvraag of melding vastleggen; een beroepskracht meldt zelf "
                      "(VT-01, VT-03)",
           .roles = Melders(),
           .others_rule = RefusedBy("VT-03", "Wmo 2015 5.2.6"),
           .body = ZaakInvoer(),
           .success = 201,
           .response = vt::ZaakSchema(),
           .errors = {422},
           .handle = CreateZaak});
  api.Add({.method = "GET",
           .path = "/api/v1/veilig-thuis/zaken",
           .operation_id = "listVtZaken",
           .tag = "Veilig Thuis",
           .summary = "De zaken van de eigen Veilig Thuis",
           .roles = {"vt-medewerker"},
           .others_rule = RefusedBy("VT-04", "Uitv.Wmo 4.1.8(3)"),
           .query =
               [] {
                 auto q = PaginationParams();
                 q.push_back(QueryParam{
                     .name = "status",
                     .description = "Alleen zaken met deze status.",
                     .enum_values = {"open", "in-onderzoek", "overgedragen", "afgesloten"}});
                 return q;
               }(),
           .response = PageSchema(vt::ZaakSchema()),
           .handle = ListZaken});
  api.Add({.method = "GET",
           .path = "/api/v1/veilig-thuis/zaken/{id}",
           .operation_id = "getVtZaak",
           .tag = "Veilig Thuis",
           .summary = "Een zaak; de melder ziet alleen status en stappen (VT-04, VT-07)",
           .roles = Melders(),
           .others_rule = RefusedBy("VT-04", "Uitv.Wmo 4.1.8(3)"),
           .response = vt::ZaakSchema(),
           .handle = GetZaak});
  api.Add({.method = "POST",
           .path = "/api/v1/veilig-thuis/zaken/{id}/omzetting",
           .operation_id = "convertVtZaak",
           .tag = "Veilig Thuis",
           .summary = "Een adviesvraag omzetten in een melding (VT-02, VT-03)",
           .roles = {"vt-medewerker"},
           .others_rule = RefusedBy("VT-02", "Wmo 2015 5.2.6"),
           .body = Object({Opt("grond", Enum("Grond van de melding (VT-03).",
                                             {"redelijk-vermoeden", "beeindigen-geweld"})),
                           Req("omschrijving", vt::Tekst("De zorg.", 4000)),
                           Opt("betrokkenen", Array(vt::BetrokkeneInvoer(),
                                                    "Personen om wie de melding gaat.", 20))}),
           .response = vt::ZaakSchema(),
           .errors = {409, 422},
           .handle = Omzetten});
  api.Add({.method = "POST",
           .path = "/api/v1/veilig-thuis/zaken/{id}/afsluiting",
           .operation_id = "closeVtZaak",
           .tag = "Veilig Thuis",
           .summary = "Een zaak afsluiten (VT-07)",
           .roles = {"vt-medewerker"},
           .others_rule = RefusedBy("VT-07", "Wmo 2015 4.1.1(2)"),
           .body = Object({}),
           .response = vt::ZaakSchema(),
           .errors = {409},
           .handle = Afsluiten});
}

}  // namespace jh::api
