// Administration of the local BRP stand-in: persons, parental authority, burger tokens.
// The BSN travels only in request bodies and is never returned (BSN-02).
#include "services/personen.h"
#include "http/handlers/common.h"
#include "services/vernietiging.h"

namespace jh::api {

namespace {
using namespace schema;

NodePtr PersoonSchema() {
  return Object({Req("id", Id()), Req("voornamen", String("Voornamen.", 200)),
                 Req("geslachtsnaam", String("Geslachtsnaam.", 200)),
                 Req("geboortedatum", DateField("Geboortedatum.")),
                 Req("geslacht", Enum("Geslacht.", {"M", "V", "O"})),
                 Req("gemeentecode", Gemeentecode()), Req("adres", AdresSchema()),
                 Opt("overlijdensdatum", DateField("Overlijdensdatum."))});
}

services::Adres AdresFrom(const Json& j) {
  return services::Adres{j["postcode"].get<std::string>(), j["huisnummer"].get<int64_t>()};
}

Json ToJson(const services::Persoon& p) {
  Json j{{"id", p.id},
         {"voornamen", p.voornamen},
         {"geslachtsnaam", p.geslachtsnaam},
         {"geboortedatum", p.geboortedatum.ToString()},
         {"geslacht", p.geslacht},
         {"gemeentecode", p.gemeentecode},
         {"adres", {{"postcode", p.adres.postcode}, {"huisnummer", p.adres.huisnummer}}}};
  if (p.overlijdensdatum) j["overlijdensdatum"] = p.overlijdensdatum->ToString();
  return j;
}

Result<Reply> CreatePersoon(Call& c) {
  services::Persoon in;
  JH_ASSIGN_OR_RETURN(in.bsn, Bsn::Parse(c.body["bsn"].get<std::string>()));
  in.voornamen = c.body["voornamen"];
  in.geslachtsnaam = c.body["geslachtsnaam"];
  in.geboortedatum = *Date::Parse(c.body["geboortedatum"].get<std::string>());
  in.geslacht = c.body["geslacht"];
  in.gemeentecode = c.body["gemeentecode"];
  in.adres = AdresFrom(c.body["adres"]);
  JH_ASSIGN_OR_RETURN(auto p, services::CreatePersoon(c.env, std::move(in)));
  return Reply::Created(ToJson(p));
}

Result<Reply> GetPersoon(Call& c) {
  JH_ASSIGN_OR_RETURN(auto p, services::GetPersoon(c.env, c.Param("id")));
  return Reply::Ok(ToJson(p));
}

Result<Reply> UpdatePersoon(Call& c) {
  services::PersoonWijziging w;
  if (c.body.contains("gemeentecode")) w.gemeentecode = c.body["gemeentecode"].get<std::string>();
  if (c.body.contains("adres")) w.adres = AdresFrom(c.body["adres"]);
  if (c.body.contains("overlijdensdatum")) {
    w.overlijdensdatum = Date::Parse(c.body["overlijdensdatum"].get<std::string>());
  }
  if (!w.gemeentecode && !w.adres && !w.overlijdensdatum) {
    return Error::Invalid("body", "leeg",
                          "Geef ten minste een van gemeentecode, adres of "
                          "overlijdensdatum.");
  }
  JH_ASSIGN_OR_RETURN(auto p, services::UpdatePersoon(c.env, c.Param("id"), w));
  return Reply::Ok(ToJson(p));
}

Result<Reply> CreateGezag(Call& c) {
  std::string ouder = c.body["ouderId"];
  JH_TRY(services::CreateGezagsrelatie(c.env, c.Param("id"), ouder));
  return Reply::Created(Json{{"kindId", c.Param("id")}, {"ouderId", ouder}});
}

Result<Reply> CreateBurgerToken(Call& c) {
  JH_ASSIGN_OR_RETURN(Bsn bsn, Bsn::Parse(c.body["bsn"].get<std::string>()));
  JH_ASSIGN_OR_RETURN(std::optional<Date> tot, GeldigTot(c));
  JH_ASSIGN_OR_RETURN(std::string token, services::IssueBurgerToken(c.env, bsn, tot));
  return Reply::Created(TokenJson(token, tot));
}

Result<Reply> ErasePersoon(Call& c) {
  JH_ASSIGN_OR_RETURN(auto v, services::VernietigPersoon(c.env, c.Param("id")));
  return Reply::Ok(Json{{"id", v.persoon_id}, {"vernietigdOp", v.vernietigd_op}});
}

NodePtr PersoonBsnField() {
  return Formatted("Burgerservicenummer (BSN-01).", BsnFormat(), "999990019");
}
}  // namespace

void RegisterPersonen(Api& api) {
  api.Add(
      {.method = "POST",
       .path = "/api/v1/personen",
       .operation_id = "createPersoon",
       .tag = "Beheer",
       .summary = "Persoon registreren (lokale BRP)",
       .roles = {"beheerder"},
       .body = Object({Req("bsn", PersoonBsnField()), Req("voornamen", String("Voornamen.", 200)),
                       Req("geslachtsnaam", String("Geslachtsnaam.", 200)),
                       Req("geboortedatum", DateField("Geboortedatum.")),
                       Req("geslacht", Enum("Geslacht.", {"M", "V", "O"})),
                       Req("gemeentecode", Gemeentecode()), Req("adres", AdresSchema())}),
       .success = 201,
       .response = PersoonSchema(),
       .errors = {409, 422},
       .handle = CreatePersoon});
  api.Add({.method = "GET",
           .path = "/api/v1/personen/{id}",
           .operation_id = "getPersoon",
           .tag = "Beheer",
           .summary = "Persoon opvragen (zonder BSN)",
           .roles = {"beheerder"},
           .response = PersoonSchema(),
           .handle = GetPersoon});
  api.Add({.method = "PATCH",
           .path = "/api/v1/personen/{id}",
           .operation_id = "updatePersoon",
           .tag = "Beheer",
           .summary = "Verhuizing of overlijden vastleggen",
           .roles = {"beheerder"},
           .body = Object({Opt("gemeentecode", Gemeentecode()), Opt("adres", AdresSchema()),
                           Opt("overlijdensdatum", DateField("Overlijdensdatum."))}),
           .response = PersoonSchema(),
           .errors = {422},
           .handle = UpdatePersoon});
  api.Add({.method = "DELETE",
           .path = "/api/v1/personen/{id}",
           .operation_id = "erasePersoon",
           .tag = "Beheer",
           .summary = "Gegevens van een persoon vernietigen (AVG-04, crypto-shredding)",
           .roles = {"beheerder"},
           .response = Object(
               {Req("id", Id()), Req("vernietigdOp", Timestamp("Tijdstip van vernietiging."))}),
           .errors = {409},
           .handle = ErasePersoon});
  api.Add({.method = "POST",
           .path = "/api/v1/personen/{id}/gezagsrelaties",
           .operation_id = "createGezagsrelatie",
           .tag = "Beheer",
           .summary = "Gezag van een ouder over het kind vastleggen",
           .roles = {"beheerder"},
           .body = Object({Req("ouderId", Id())}),
           .success = 201,
           .response = Object({Req("kindId", Id()), Req("ouderId", Id())}),
           .errors = {409, 422},
           .handle = CreateGezag});
  api.Add({.method = "POST",
           .path = "/api/v1/burgers/tokens",
           .operation_id = "createBurgerToken",
           .tag = "Beheer",
           .summary = "Token voor een burger uitgeven (stand-in voor DigiD)",
           .roles = {"beheerder"},
           .body = TokenRequestFields({Req("bsn", PersoonBsnField())}),
           .success = 201,
           .response = TokenSchema(),
           .errors = {422},
           .handle = CreateBurgerToken});
}

}  // namespace jh::api
