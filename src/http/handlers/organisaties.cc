// Administration: organisations and their Verwijsindex agreements (API.md, beheerder).
#include "services/organisaties.h"
#include "http/handlers/common.h"
#include "services/catalog.h"

namespace jh::api {

namespace {
using namespace schema;

Json ToJson(const services::Organisatie& o) {
  Json j{{"id", o.id}, {"naam", o.naam}, {"soort", o.soort}, {"gemeentecode", o.gemeentecode}};
  if (o.agb_code) j["agbCode"] = *o.agb_code;
  return j;
}

NodePtr OrganisatieSchema() {
  return Object({Req("id", Id()), Req("naam", String("Naam.", 200)),
                 Req("soort", Enum("Soort organisatie.", services::OrganisatieSoorten())),
                 Req("gemeentecode", Gemeentecode()),
                 Opt("agbCode", Formatted("AGB-code.", AgbFormat(), "12345678"))});
}

NodePtr ConvenantSchema() {
  return Object({Req("id", Id()), Req("organisatieId", Id()), Req("gemeentecode", Gemeentecode()),
                 Req("geldigVanaf", DateField("Eerste geldige dag.")),
                 Opt("geldigTot", DateField("Laatste geldige dag."))});
}

Result<Reply> CreateOrganisatie(Call& c) {
  services::Organisatie in;
  in.naam = c.body["naam"];
  in.soort = c.body["soort"];
  in.gemeentecode = c.body["gemeentecode"];
  if (c.body.contains("agbCode")) in.agb_code = c.body["agbCode"].get<std::string>();
  JH_ASSIGN_OR_RETURN(auto o, services::CreateOrganisatie(c.env, std::move(in)));
  return Reply::Created(ToJson(o));
}

Result<Reply> ListOrganisaties(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list, services::ListOrganisaties(c.env, page));
  Json items = Json::array();
  for (const auto& o : list.items) items.push_back(ToJson(o));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> GetOrganisatie(Call& c) {
  JH_ASSIGN_OR_RETURN(auto o, services::GetOrganisatie(c.env, c.Param("id")));
  return Reply::Ok(ToJson(o));
}

Result<Reply> CreateConvenant(Call& c) {
  services::Convenant in;
  in.organisatie_id = c.Param("id");
  in.gemeentecode = c.body["gemeentecode"];
  in.geldig_vanaf = *Date::Parse(c.body["geldigVanaf"].get<std::string>());
  if (c.body.contains("geldigTot"))
    in.geldig_tot = Date::Parse(c.body["geldigTot"].get<std::string>());
  JH_ASSIGN_OR_RETURN(auto cv, services::CreateConvenant(c.env, std::move(in)));
  Json j{{"id", cv.id},
         {"organisatieId", cv.organisatie_id},
         {"gemeentecode", cv.gemeentecode},
         {"geldigVanaf", cv.geldig_vanaf.ToString()}};
  if (cv.geldig_tot) j["geldigTot"] = cv.geldig_tot->ToString();
  return Reply::Created(j);
}
}  // namespace

void RegisterOrganisaties(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/organisaties",
           .operation_id = "createOrganisatie",
           .tag = "Beheer",
           .summary = "Organisatie registreren",
           .roles = {"beheerder"},
           .body = Object({Req("naam", String("Naam van de organisatie.", 200)),
                           Req("soort", Enum("Soort organisatie.", services::OrganisatieSoorten())),
                           Req("gemeentecode", Gemeentecode()),
                           Opt("agbCode", Formatted("AGB-code.", AgbFormat(), "12345678"))}),
           .success = 201,
           .response = OrganisatieSchema(),
           .handle = CreateOrganisatie});
  api.Add({.method = "GET",
           .path = "/api/v1/organisaties",
           .operation_id = "listOrganisaties",
           .tag = "Beheer",
           .summary = "Organisaties opvragen",
           .roles = {"beheerder"},
           .query = PaginationParams(),
           .response = PageSchema(OrganisatieSchema()),
           .handle = ListOrganisaties});
  api.Add({.method = "GET",
           .path = "/api/v1/organisaties/{id}",
           .operation_id = "getOrganisatie",
           .tag = "Beheer",
           .summary = "Organisatie opvragen",
           .roles = {"beheerder"},
           .response = OrganisatieSchema(),
           .handle = GetOrganisatie});
  api.Add({.method = "POST",
           .path = "/api/v1/organisaties/{id}/convenanten",
           .operation_id = "createConvenant",
           .tag = "Beheer",
           .summary = "Convenant met het college vastleggen (VIR-02)",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("VIR-02", "Jw 7.1.1.2, 7.1.3.1; BJw 7.1.1–7.1.7"),
           .body = Object({Req("gemeentecode", Gemeentecode()),
                           Req("geldigVanaf", DateField("Eerste geldige dag.")),
                           Opt("geldigTot", DateField("Laatste geldige dag."))}),
           .success = 201,
           .response = ConvenantSchema(),
           .errors = {422},
           .handle = CreateConvenant});
}

}  // namespace jh::api
