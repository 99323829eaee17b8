// Complaints (API.md "Rights and complaints"): JW-10 and VT-11, filed and escalated by the
// complainant.
#include "services/klachten.h"
#include "http/handlers/common.h"

namespace jh::api {

namespace {
using namespace schema;

Json ToJson(const services::Klacht& k) {
  Json j{{"id", k.id},
         {"over", k.over},
         {"organisatieId", k.organisatie_id},
         {"fase", k.fase},
         {"ingediendOp", k.ingediend_op}};
  if (k.geescaleerd_op) j["geescaleerdOp"] = *k.geescaleerd_op;
  if (k.advies_op) j["adviesOp"] = *k.advies_op;
  if (k.antwoord_uiterlijk) j["antwoordUiterlijk"] = *k.antwoord_uiterlijk;
  return j;
}

NodePtr KlachtSchema() {
  return Object(
      {Req("id", Id()), Req("over", Enum("Waarover.", {"jeugdhulp", "veilig-thuis"})),
       Req("organisatieId", Id()),
       Req("fase", Enum("Waar de klacht nu ligt.",
                        {"medewerker", "akj", "veilig-thuis", "autoriteit-persoonsgegevens"})),
       Req("ingediendOp", Timestamp("Ingediend.")), Opt("geescaleerdOp", Timestamp("Doorgezet.")),
       Opt("adviesOp", DateField("Advies van de klachtencommissie (VT-11).")),
       Opt("antwoordUiterlijk", DateField("Uiterlijk antwoord: een maand na het advies."))});
}

Result<Reply> Create(Call& c) {
  JH_ASSIGN_OR_RETURN(services::Klacht k,
                      services::CreateKlacht(c.env, c.body["over"].get<std::string>(),
                                             c.body["organisatieId"].get<std::string>(),
                                             c.body["omschrijving"].get<std::string>()));
  return Reply::Created(ToJson(k));
}

Result<Reply> Mijn(Call& c) {
  auto p = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto page, services::MijnKlachten(c.env, p));
  Json items = Json::array();
  for (const auto& k : page.items) items.push_back(ToJson(k));
  return Reply::Ok(PageJson(std::move(items), p, page.totaal));
}

Result<Reply> Adviseer(Call& c) {
  services::CommissieAdvies a{Date::Parse(c.body["datum"].get<std::string>()).value_or(Date{}),
                              c.body["leden"].get<int64_t>(),
                              c.body["voorzitterOnafhankelijk"].get<bool>()};
  JH_ASSIGN_OR_RETURN(services::Klacht k, services::AdviseerKlacht(c.env, c.Param("id"), a));
  return Reply::Created(ToJson(k));
}

Result<Reply> Escaleer(Call& c) {
  JH_ASSIGN_OR_RETURN(services::Klacht k, services::EscaleerKlacht(c.env, c.Param("id")));
  return Reply::Ok(ToJson(k));
}
}  // namespace

void RegisterKlachten(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/klachten",
           .operation_id = "createKlacht",
           .tag = "Rechten",
           .summary = "Een klacht indienen (JW-10, VT-11)",
           .access = Access::kBurger,
           .others_rule = RefusedBy("VT-11", "Wmo 2015 4.2.7; AVG 77"),
           .body = Object({Req("over", Enum("Waarover.", {"jeugdhulp", "veilig-thuis"})),
                           Req("organisatieId", Formatted("De organisatie.", UuidFormat())),
                           Req("omschrijving", String("De klacht.", 4000))}),
           .success = 201,
           .response = KlachtSchema(),
           .errors = {422},
           .handle = Create});
  api.Add({.method = "POST",
           .path = "/api/v1/klachten/{id}/escalaties",
           .operation_id = "escaleerKlacht",
           .tag = "Rechten",
           .summary = "Een klacht doorzetten naar de volgende stap",
           .access = Access::kBurger,
           .others_rule = RefusedBy("VT-11", "Wmo 2015 4.2.7; AVG 77"),
           .body = Object({}),
           .response = KlachtSchema(),
           .errors = {409},
           .handle = Escaleer});
  api.Add({.method = "GET",
           .path = "/api/v1/mijn/klachten",
           .operation_id = "mijnKlachten",
           .tag = "Burger",
           .summary = "Mijn klachten en waar ze nu liggen",
           .access = Access::kBurger,
           .others_rule = RefusedBy("VT-11", "Wmo 2015 4.2.7; AVG 77"),
           .query = PaginationParams(),
           .response = PageSchema(KlachtSchema()),
           .handle = Mijn});
  api.Add({.method = "POST",
           .path = "/api/v1/klachten/{id}/adviezen",
           .operation_id = "adviseerKlacht",
           .tag = "Rechten",
           .summary = "Het advies van de klachtencommissie van Veilig Thuis vastleggen (VT-11)",
           .roles = {"vt-medewerker"},
           .others_rule = RefusedBy("VT-11", "Wmo 2015 4.2.7; AVG 77"),
           .body = Object({Req("datum", DateField("Datum van het advies.")),
                           Req("leden", Integer("Aantal leden van de commissie.", 1, 99)),
                           Req("voorzitterOnafhankelijk",
                               Boolean("De voorzitter is onafhankelijk van Veilig Thuis."))}),
           .success = 201,
           .response = KlachtSchema(),
           .errors = {409, 422},
           .handle = Adviseer});
}

}  // namespace jh::api
