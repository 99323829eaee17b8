// Administration: medewerkers and their tokens (API.md, beheerder).
#include "services/medewerkers.h"
#include "http/handlers/common.h"
#include "services/catalog.h"

namespace jh::api {

namespace {
using namespace schema;

NodePtr MedewerkerSchema() {
  return Object({Req("id", Id()), Req("organisatieId", Id()), Req("naam", String("Naam.", 200)),
                 Req("rol", Enum("Rol.", services::Rollen())),
                 Req("telefoon", Formatted("Telefoonnummer.", PhoneFormat(), "020 123 4567")),
                 Req("email", Formatted("E-mailadres.", EmailFormat(), "naam@example.nl")),
                 Req("meldingsbevoegd", Boolean("Aangewezen als meldingsbevoegde (VIR-02)."))});
}

Json ToJson(const services::Medewerker& m) {
  return Json{{"id", m.id},
              {"organisatieId", m.organisatie_id},
              {"naam", m.naam},
              {"rol", m.rol},
              {"telefoon", m.telefoon},
              {"email", m.email},
              {"meldingsbevoegd", m.meldingsbevoegd}};
}

Result<Reply> CreateMedewerker(Call& c) {
  services::Medewerker in;
  in.organisatie_id = c.body["organisatieId"];
  in.naam = c.body["naam"];
  in.rol = c.body["rol"];
  in.telefoon = c.body["telefoon"];
  in.email = c.body["email"];
  in.meldingsbevoegd = c.body["meldingsbevoegd"];
  JH_ASSIGN_OR_RETURN(auto m, services::CreateMedewerker(c.env, std::move(in)));
  return Reply::Created(ToJson(m));
}

Result<Reply> GetMedewerker(Call& c) {
  JH_ASSIGN_OR_RETURN(auto m, services::GetMedewerker(c.env, c.Param("id")));
  return Reply::Ok(ToJson(m));
}

Result<Reply> CreateToken(Call& c) {
  JH_ASSIGN_OR_RETURN(std::string token, services::IssueMedewerkerToken(c.env, c.Param("id")));
  return Reply::Created(Json{{"token", token}});
}
}  // namespace

NodePtr TokenSchema() {
  return Object({Req("token", String("Het token; het wordt eenmalig getoond en alleen als "
                                     "hash bewaard.",
                                     64))});
}

void RegisterMedewerkers(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/medewerkers",
           .operation_id = "createMedewerker",
           .tag = "Beheer",
           .summary = "Medewerker registreren",
           .roles = {"beheerder"},
           .body = Object({Req("organisatieId", Id()), Req("naam", String("Naam.", 200)),
                           Req("rol", Enum("Rol.", services::Rollen())),
                           Req("telefoon", Formatted("Telefoon.", PhoneFormat(), "020 123 4567")),
                           Req("email", Formatted("E-mail.", EmailFormat(), "naam@example.nl")),
                           Req("meldingsbevoegd", Boolean("Aangewezen als meldingsbevoegde."))}),
           .success = 201,
           .response = MedewerkerSchema(),
           .errors = {422},
           .handle = CreateMedewerker});
  api.Add({.method = "GET",
           .path = "/api/v1/medewerkers/{id}",
           .operation_id = "getMedewerker",
           .tag = "Beheer",
           .summary = "Medewerker opvragen",
           .roles = {"beheerder"},
           .response = MedewerkerSchema(),
           .handle = GetMedewerker});
  api.Add({.method = "POST",
           .path = "/api/v1/medewerkers/{id}/tokens",
           .operation_id = "createMedewerkerToken",
           .tag = "Beheer",
           .summary = "Token voor een medewerker uitgeven",
           .roles = {"beheerder"},
           .body = Object({}),
           .success = 201,
           .response = TokenSchema(),
           .handle = CreateToken});
}

}  // namespace jh::api
