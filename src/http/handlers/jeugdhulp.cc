// Toegang and jeugdhulp (API.md "Toegang, jeugdhulp and declaraties"): referrals (JW-02),
// access decisions (JW-03), assignments under a contract (JW-04), start with consent (JW-08)
// and stop. Who may act is decided by the rules in the services, so a refusal names its rule;
// the role lists here only keep out callers who could never be allowed.
#include <algorithm>

#include "http/handlers/common.h"
#include "rules/jw.h"
#include "services/jw_toegang.h"
#include "services/jw_toewijzingen.h"

namespace jh::api {

namespace {
using namespace schema;

NodePtr JeugdigeBsnField() {
  return Formatted("BSN van de jeugdige (BSN-01).", BsnFormat(), "999990019");
}

NodePtr Productcode() {
  Format f{"", "^[0-9A-Z]{5}$", "productcode", [](const std::string& s) -> std::string {
             bool ok = s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) {
                         return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
                       });
             return ok ? "" : "Een productcode bestaat uit 5 cijfers of hoofdletters (iJw).";
           }};
  return Formatted("Productcode (iJw).", f, "45A01");
}

NodePtr Eenheid() {
  return Enum(
      "Eenheid (iJw WJ756): 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks "
      "(output), 83 euro's, 84 stuks (inspanning).",
      {"01", "04", "14", "16", "82", "83", "84"});
}

NodePtr ToewijzingSchema() {
  return Object({Req("id", Id()),
                 Req("toewijzingnummer", Integer("Toewijzingnummer (iJw), per gemeente.", 1)),
                 Req("aanbiederId", Id()), Req("productcategorie", Productcategorie()),
                 Req("productcode", Productcode()), Req("volume", Integer("Omvang.", 1)),
                 Req("eenheid", Eenheid()), Req("geldigVanaf", DateField("Eerste dag.")),
                 Req("geldigTot", DateField("Laatste dag.")),
                 Req("verwijzer", Enum("Verwijzer (iJw COD327).", {"01", "02", "03", "05", "08"})),
                 Req("status", Enum("Status.", {"toegewezen", "gestart", "gestopt"})),
                 Opt("startdatum", DateField("Start van de jeugdhulp.")),
                 Opt("einddatum", DateField("Einde van de jeugdhulp."))});
}

Json ToJson(const services::JwToewijzing& t) {
  Json j{{"id", t.id},
         {"toewijzingnummer", t.toewijzingnummer},
         {"aanbiederId", t.aanbieder_id},
         {"productcategorie", t.productcategorie},
         {"productcode", t.productcode},
         {"volume", t.volume},
         {"eenheid", t.eenheid},
         {"geldigVanaf", t.geldig_vanaf.ToString()},
         {"geldigTot", t.geldig_tot.ToString()},
         {"verwijzer", t.verwijzer_code},
         {"status", t.status}};
  if (t.startdatum) j["startdatum"] = t.startdatum->ToString();
  if (t.einddatum) j["einddatum"] = t.einddatum->ToString();
  return j;
}

Result<Reply> ListToewijzingen(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list,
                      services::ListJwToewijzingen(c.env, page, c.request.QueryParam("doel")));
  Json items = Json::array();
  for (const auto& t : list.items) items.push_back(ToJson(t));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Date DateOf(const Json& body, const char* name) {
  return *Date::Parse(body[name].get<std::string>());
}

std::optional<std::string> OptText(const Json& body, const char* name) {
  return body.contains(name) ? std::optional<std::string>(body[name].get<std::string>())
                             : std::nullopt;
}

Result<Reply> CreateVerwijzing(Call& c) {
  JH_ASSIGN_OR_RETURN(Bsn bsn, Bsn::Parse(c.body["bsn"].get<std::string>()));
  JH_ASSIGN_OR_RETURN(auto v, services::CreateJwVerwijzing(c.env, bsn, c.body["productcategorie"]));
  return Reply::Created(Json{{"id", v.id},
                             {"verwijzer", v.verwijzer},
                             {"productcategorie", v.productcategorie},
                             {"verwezenOp", v.verwezen_op}});
}

Result<Reply> CreateToegangsbesluit(Call& c) {
  JH_ASSIGN_OR_RETURN(Bsn bsn, Bsn::Parse(c.body["bsn"].get<std::string>()));
  JH_ASSIGN_OR_RETURN(auto b, services::CreateJwToegangsbesluit(
                                  c.env, bsn, c.body["productcategorie"],
                                  DateOf(c.body, "geldigVanaf"), DateOf(c.body, "geldigTot")));
  return Reply::Created(Json{{"id", b.id},
                             {"besluitnummer", b.besluitnummer},
                             {"productcategorie", b.productcategorie},
                             {"geldigVanaf", b.geldig_vanaf.ToString()},
                             {"geldigTot", b.geldig_tot.ToString()},
                             {"genomenOp", b.genomen_op}});
}

Result<Reply> CreateToewijzing(Call& c) {
  JH_ASSIGN_OR_RETURN(Bsn bsn, Bsn::Parse(c.body["bsn"].get<std::string>()));
  const services::NieuweJwToewijzing in{.bsn = bsn,
                                        .aanbieder_id = c.body["aanbiederId"],
                                        .productcategorie = c.body["productcategorie"],
                                        .productcode = c.body["productcode"],
                                        .volume = c.body["volume"],
                                        .eenheid = c.body["eenheid"],
                                        .geldig_vanaf = DateOf(c.body, "geldigVanaf"),
                                        .geldig_tot = DateOf(c.body, "geldigTot"),
                                        .verwijzing_id = OptText(c.body, "verwijzingId"),
                                        .toegangsbesluit_id = OptText(c.body, "toegangsbesluitId")};
  JH_ASSIGN_OR_RETURN(auto t, services::CreateJwToewijzing(c.env, in));
  return Reply::Created(ToJson(t));
}

Result<Reply> StartToewijzing(Call& c) {
  std::vector<std::string> wie;
  for (const auto& id : c.body["toestemmingVan"]) wie.push_back(id.get<std::string>());
  JH_ASSIGN_OR_RETURN(
      auto t, services::StartJwToewijzing(c.env, c.Param("id"), DateOf(c.body, "startdatum"), wie));
  return Reply::Ok(ToJson(t));
}

Result<Reply> StopToewijzing(Call& c) {
  JH_ASSIGN_OR_RETURN(
      auto t, services::StopJwToewijzing(c.env, c.Param("id"), DateOf(c.body, "einddatum")));
  return Reply::Ok(ToJson(t));
}

}  // namespace

void RegisterJeugdhulp(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/verwijzingen",
           .operation_id = "createVerwijzing",
           .tag = "Jeugdhulp",
           .summary = "Verwijzen naar jeugdhulp (huisarts, jeugdarts, medisch specialist; JW-02)",
           .others_rule = [](std::string_view rol) { return rules::Jw02(rol); },
           .body = Object(
               {Req("bsn", JeugdigeBsnField()), Req("productcategorie", Productcategorie())}),
           .success = 201,
           .response = Object({Req("id", Id()),
                               Req("verwijzer", Enum("Verwijzer (iJw COD327): 02 huisarts, 03 "
                                                     "jeugdarts, 05 medisch specialist.",
                                                     {"02", "03", "05"})),
                               Req("productcategorie", Productcategorie()),
                               Req("verwezenOp", Timestamp("Tijdstip van de verwijzing."))}),
           .errors = {422},
           .handle = CreateVerwijzing});
  api.Add(
      {.method = "POST",
       .path = "/api/v1/toegangsbesluiten",
       .operation_id = "createToegangsbesluit",
       .tag = "Jeugdhulp",
       .summary = "Toegangsbesluit (alleen het ingestelde toegangsteam van de gemeente; JW-03)",
       .others_rule = [](std::string_view rol) { return rules::Jw03({.rol = std::string(rol)}); },
       .body = Object({Req("bsn", JeugdigeBsnField()), Req("productcategorie", Productcategorie()),
                       Req("geldigVanaf", DateField("Eerste dag.")),
                       Req("geldigTot", DateField("Laatste dag."))}),
       .success = 201,
       .response = Object({Req("id", Id()),
                           Req("besluitnummer", Integer("Besluitnummer, per gemeente.", 1)),
                           Req("productcategorie", Productcategorie()),
                           Req("geldigVanaf", DateField("Eerste dag.")),
                           Req("geldigTot", DateField("Laatste dag.")),
                           Req("genomenOp", Timestamp("Tijdstip van het besluit."))}),
       .errors = {422},
       .handle = CreateToegangsbesluit});
  api.Add({.method = "POST",
           .path = "/api/v1/toewijzingen",
           .operation_id = "createToewijzing",
           .tag = "Jeugdhulp",
           .summary = "Jeugdhulp toewijzen onder een contract (gemeente van de jeugdige; JW-04)",
           // No role list: JW-04 decides the role in the service, so a refusal names its rule
           // and AuthZEN's jw.toewijzen, which asks the same rule, gives the same answer.
           .others_rule = RefusedBy("JW-04", "Jw 2.3, 3.4; iJw JZ020"),
           .body = Object({Req("bsn", JeugdigeBsnField()), Req("aanbiederId", Id()),
                           Req("productcategorie", Productcategorie()),
                           Req("productcode", Productcode()),
                           Req("volume", Integer("Omvang in de eenheid.", 1, 99999999)),
                           Req("eenheid", Eenheid()), Req("geldigVanaf", DateField("Eerste dag.")),
                           Req("geldigTot", DateField("Laatste dag.")), Opt("verwijzingId", Id()),
                           Opt("toegangsbesluitId", Id())}),
           .success = 201,
           .response = ToewijzingSchema(),
           .errors = {422},
           .handle = CreateToewijzing});
  api.Add({.method = "GET",
           .path = "/api/v1/toewijzingen",
           .operation_id = "listToewijzingen",
           .tag = "Jeugdhulp",
           .summary = "Toewijzingen van de eigen gemeente (met doel, JW-01), of aan de eigen "
                      "aanbieder",
           .roles = {"gemeentemedewerker", "jeugdhulpverlener"},
           .others_rule = RefusedBy("JW-04", "Jw 2.3, 3.4; iJw JZ020"),
           .query =
               [] {
                 auto q = PaginationParams();
                 q.push_back(QueryParam{.name = "doel",
                                        .description = "Verplicht voor de gemeente: het doel "
                                                       "van de inzage (JW-01).",
                                        .enum_values = rules::Jw01Doelen()});
                 return q;
               }(),
           .response = PageSchema(ToewijzingSchema()),
           .handle = ListToewijzingen});
  api.Add({.method = "POST",
           .path = "/api/v1/toewijzingen/{id}/start",
           .operation_id = "startToewijzing",
           .tag = "Jeugdhulp",
           .summary = "Jeugdhulp starten met toestemming naar leeftijd (de aanbieder; JW-08)",
           .others_rule = RefusedBy("JW-04", "Jw 2.3, 3.4; iJw JZ020"),
           .body = Object(
               {Req("startdatum", DateField("Eerste dag van de jeugdhulp.")),
                Req("toestemmingVan", Array(Id(),
                                            "Personen die toestemming gaven (jeugdige, ouders "
                                            "met gezag).",
                                            10))}),
           .response = ToewijzingSchema(),
           .errors = {409, 422},
           .handle = StartToewijzing});
  api.Add({.method = "POST",
           .path = "/api/v1/toewijzingen/{id}/stop",
           .operation_id = "stopToewijzing",
           .tag = "Jeugdhulp",
           .summary = "Jeugdhulp stoppen (de aanbieder)",
           .others_rule = RefusedBy("JW-04", "Jw 2.3, 3.4; iJw JZ020"),
           .body = Object({Req("einddatum", DateField("Laatste dag van de jeugdhulp."))}),
           .response = ToewijzingSchema(),
           .errors = {409, 422},
           .handle = StopToewijzing});
}

}  // namespace jh::api
