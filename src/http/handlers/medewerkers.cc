// Administration: medewerkers and their tokens (API.md, beheerder).
#include "services/medewerkers.h"
#include "http/handlers/common.h"
#include "services/catalog.h"
#include "services/medewerker_tokens.h"

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
  JH_ASSIGN_OR_RETURN(std::optional<Date> tot, GeldigTot(c));
  JH_ASSIGN_OR_RETURN(std::string token, services::IssueMedewerkerToken(c.env, c.Param("id"), tot));
  return Reply::Created(TokenJson(token, tot));
}

Result<Reply> RevokeTokens(Call& c) {
  JH_ASSIGN_OR_RETURN(int64_t n, services::RevokeMedewerkerTokens(c.env, c.Param("id")));
  return Reply::Ok(Json{{"medewerkerId", c.Param("id")}, {"ingetrokken", n}});
}

NodePtr TokenInfoSchema() {
  return Object({Req("kenmerk", Kenmerk()), Req("aangemaaktOp", Timestamp("Uitgegeven op.")),
                 Opt("geldigTot", DateField("Laatste dag waarop het token geldig is.")),
                 Opt("ingetrokkenOp", Timestamp("Ingetrokken op."))});
}

Json ToJson(const services::TokenInfo& t) {
  Json j{{"kenmerk", t.kenmerk}, {"aangemaaktOp", t.aangemaakt_op}};
  if (t.geldig_tot) j["geldigTot"] = *t.geldig_tot;
  if (t.ingetrokken_op) j["ingetrokkenOp"] = *t.ingetrokken_op;
  return j;
}

Result<Reply> ListTokens(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list, services::ListMedewerkerTokens(c.env, c.Param("id"), page));
  Json items = Json::array();
  for (const auto& t : list.items) items.push_back(ToJson(t));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> RevokeToken(Call& c) {
  const std::string& kenmerk = c.Param("kenmerk");
  if (!services::IsTokenKenmerk(kenmerk)) {
    return Error::Invalid("kenmerk", "kenmerk", "Een kenmerk bestaat uit 16 hexadecimale tekens.");
  }
  JH_ASSIGN_OR_RETURN(auto t, services::RevokeMedewerkerToken(c.env, c.Param("id"), kenmerk));
  return Reply::Ok(ToJson(t));
}
}  // namespace

NodePtr Kenmerk() {
  return String(
      "Kenmerk van het token: de eerste 8 bytes van zijn SHA-256-hash, hexadecimaal. Noemt het "
      "token in de lijst en bij intrekken, zonder iets over het token zelf te zeggen.",
      16);
}

NodePtr TokenSchema() {
  return Object({Req("token", String("Het token; het wordt eenmalig getoond en alleen als "
                                     "hash bewaard.",
                                     64)),
                 Req("kenmerk", Kenmerk()),
                 Opt("geldigTot", DateField("Laatste dag waarop het token geldig is."))});
}

NodePtr TokenRequestFields(std::vector<Field> fields) {
  fields.push_back(Opt("geldigTot", DateField("Laatste dag waarop het token geldig is (hoogstens "
                                              "een jaar vooruit); zonder: geldig tot het wordt "
                                              "ingetrokken.")));
  return Object(std::move(fields));
}

Result<std::optional<Date>> GeldigTot(Call& c) {
  if (!c.body.contains("geldigTot")) return std::optional<Date>();
  JH_ASSIGN_OR_RETURN(Date d,
                      Date::ParseField(c.body["geldigTot"].get<std::string>(), "geldigTot"));
  return std::optional<Date>(d);
}

Json TokenJson(const std::string& token, const std::optional<Date>& geldig_tot) {
  Json out{{"token", token}, {"kenmerk", services::TokenKenmerk(token)}};
  if (geldig_tot) out["geldigTot"] = geldig_tot->ToString();
  return out;
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
           .body = TokenRequestFields({}),
           .success = 201,
           .response = TokenSchema(),
           .handle = CreateToken});
  api.Add(
      {.method = "DELETE",
       .path = "/api/v1/medewerkers/{id}/tokens",
       .operation_id = "revokeMedewerkerTokens",
       .tag = "Beheer",
       .summary = "Alle tokens van een medewerker intrekken (uit dienst)",
       .roles = {"beheerder"},
       .response = Object({Req("medewerkerId", Id()),
                           Req("ingetrokken", Integer("Aantal ingetrokken tokens.", 0, 1000000))}),
       .handle = RevokeTokens});
  api.Add({.method = "GET",
           .path = "/api/v1/medewerkers/{id}/tokens",
           .operation_id = "listMedewerkerTokens",
           .tag = "Beheer",
           .summary = "Tokens van een medewerker (kenmerk, looptijd, ingetrokken)",
           .roles = {"beheerder"},
           .query = PaginationParams(),
           .response = PageSchema(TokenInfoSchema()),
           .handle = ListTokens});
  api.Add({.method = "DELETE",
           .path = "/api/v1/medewerkers/{id}/tokens/{kenmerk}",
           .operation_id = "revokeMedewerkerToken",
           .tag = "Beheer",
           .summary = "Een token van een medewerker intrekken (apparaat kwijt)",
           .roles = {"beheerder"},
           .response = TokenInfoSchema(),
           .errors = {409},
           .handle = RevokeToken});
}

}  // namespace jh::api
