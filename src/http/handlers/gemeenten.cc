// Administration per municipality: the access team (JW-03) and care contracts (JW-04).
#include "services/gemeenten.h"
#include "http/handlers/common.h"
#include "services/catalog.h"

namespace jh::api {

namespace {
using namespace schema;

Result<Reply> SetToegang(Call& c) {
  const std::string& code = c.Param("gemeentecode");
  std::string problem = GemeentecodeFormat().check(code);
  if (!problem.empty()) return Error::Invalid("gemeentecode", "gemeentecode", problem);
  std::string team = c.body["toegangsteam"];
  JH_TRY(services::SetToegangsteam(c.env, code, team));
  return Reply::Ok(Json{{"gemeentecode", code}, {"toegangsteam", team}});
}

Result<Reply> CreateContract(Call& c) {
  services::Contract in;
  in.gemeentecode = c.body["gemeentecode"];
  in.aanbieder_id = c.body["aanbiederId"];
  for (const auto& p : c.body["productcategorieen"]) in.productcategorieen.push_back(p);
  if (in.productcategorieen.empty()) {
    return Error::Invalid("productcategorieen", "leeg", "Geef ten minste een productcategorie.");
  }
  in.geldig_vanaf = *Date::Parse(c.body["geldigVanaf"].get<std::string>());
  if (c.body.contains("geldigTot"))
    in.geldig_tot = Date::Parse(c.body["geldigTot"].get<std::string>());
  JH_ASSIGN_OR_RETURN(auto ct, services::CreateContract(c.env, std::move(in)));
  Json j{{"id", ct.id},
         {"gemeentecode", ct.gemeentecode},
         {"aanbiederId", ct.aanbieder_id},
         {"productcategorieen", ct.productcategorieen},
         {"geldigVanaf", ct.geldig_vanaf.ToString()}};
  if (ct.geldig_tot) j["geldigTot"] = ct.geldig_tot->ToString();
  return Reply::Created(j);
}
}  // namespace

void RegisterGemeenten(Api& api) {
  NodePtr team = Enum("Soort toegangsteam.", services::Toegangsteams());
  api.Add({.method = "PUT",
           .path = "/api/v1/gemeenten/{gemeentecode}/toegang",
           .operation_id = "setToegangsteam",
           .tag = "Beheer",
           .summary = "Toegangsteam van de gemeente instellen (JW-03)",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("JW-03", "Jw 2.3"),
           .body = Object({Req("toegangsteam", team)}),
           .response = Object({Req("gemeentecode", Gemeentecode()), Req("toegangsteam", team)}),
           .handle = SetToegang});
  NodePtr categories = Array(Productcategorie(), "Productcategorieen.", 50);
  api.Add({.method = "POST",
           .path = "/api/v1/contracten",
           .operation_id = "createContract",
           .tag = "Beheer",
           .summary = "Contract met een aanbieder vastleggen (JW-04)",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("JW-04", "Jw 2.3, 3.4; iJw JZ020"),
           .body = Object({Req("gemeentecode", Gemeentecode()), Req("aanbiederId", Id()),
                           Req("productcategorieen", categories),
                           Req("geldigVanaf", DateField("Eerste geldige dag.")),
                           Opt("geldigTot", DateField("Laatste geldige dag."))}),
           .success = 201,
           .response = Object({Req("id", Id()), Req("gemeentecode", Gemeentecode()),
                               Req("aanbiederId", Id()), Req("productcategorieen", categories),
                               Req("geldigVanaf", DateField("Eerste geldige dag.")),
                               Opt("geldigTot", DateField("Laatste geldige dag."))}),
           .errors = {422},
           .handle = CreateContract});
}

}  // namespace jh::api
