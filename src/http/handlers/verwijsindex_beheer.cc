// Administration of the Verwijsindex's exclusion list (VIR-07): institution addresses that
// never produce an address match.
#include "http/handlers/common.h"
#include "services/vir_adressen.h"
#include "services/vir_coordinatoren.h"

namespace jh::api {

namespace {
using namespace schema;

NodePtr UitgeslotenSchema() {
  return Object({Req("id", Id()), Req("adres", AdresSchema()),
                 Req("omschrijving", String("Welke instelling hier gevestigd is.", 200)),
                 Req("aangemaaktOp", Timestamp("Tijdstip van opname op de lijst."))});
}

Json ToJson(const services::UitgeslotenAdres& a) {
  return Json{{"id", a.id},
              {"adres", {{"postcode", a.adres.postcode}, {"huisnummer", a.adres.huisnummer}}},
              {"omschrijving", a.omschrijving},
              {"aangemaaktOp", a.aangemaakt_op}};
}

Result<Reply> CreateUitgesloten(Call& c) {
  services::UitgeslotenAdres in;
  in.adres = services::Adres{c.body["adres"]["postcode"].get<std::string>(),
                             c.body["adres"]["huisnummer"].get<int64_t>()};
  in.omschrijving = c.body["omschrijving"].get<std::string>();
  JH_ASSIGN_OR_RETURN(auto a, services::CreateUitgeslotenAdres(c.env, std::move(in)));
  return Reply::Created(ToJson(a));
}

Result<Reply> ListUitgesloten(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list, services::ListUitgeslotenAdressen(c.env, page));
  Json items = Json::array();
  for (const auto& a : list.items) items.push_back(ToJson(a));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> Delete(Call& c) {
  JH_TRY(services::DeleteUitgeslotenAdres(c.env, c.Param("id")));
  return Reply::Ok(Json{{"id", c.Param("id")}});
}

Result<Reply> SetCoordinator(Call& c) {
  const std::string m = c.body["medewerkerId"].get<std::string>();
  JH_TRY(services::SetVirCoordinator(c.env, c.Param("id"), m));
  return Reply::Ok(Json{{"organisatieId", c.Param("id")}, {"medewerkerId", m}});
}

Result<Reply> ClearCoordinator(Call& c) {
  JH_TRY(services::SetVirCoordinator(c.env, c.Param("id"), std::nullopt));
  return Reply::Ok(Json{{"organisatieId", c.Param("id")}});
}

}  // namespace

void RegisterVerwijsindexBeheer(Api& api) {
  api.Add({.method = "PUT",
           .path = "/api/v1/organisaties/{id}/vir-coordinator",
           .operation_id = "setVirCoordinator",
           .tag = "Beheer",
           .summary = "De Verwijsindex-coördinator van een organisatie aanwijzen (Jw 7.1.3.3)",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("VIR-04", "Jw 7.1.4.3(1)"),
           .body = Object({Req("medewerkerId", Id())}),
           .response = Object({Req("organisatieId", Id()), Req("medewerkerId", Id())}),
           .errors = {422},
           .handle = SetCoordinator});
  api.Add({.method = "DELETE",
           .path = "/api/v1/organisaties/{id}/vir-coordinator",
           .operation_id = "clearVirCoordinator",
           .tag = "Beheer",
           .summary = "Geen Verwijsindex-coördinator meer",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("VIR-04", "Jw 7.1.4.3(1)"),
           .response = Object({Req("organisatieId", Id())}),
           .handle = ClearCoordinator});
  api.Add(
      {.method = "POST",
       .path = "/api/v1/verwijsindex/uitgesloten-adressen",
       .operation_id = "createUitgeslotenAdres",
       .tag = "Beheer",
       .summary = "Instellingsadres uitsluiten van adresmatches (VIR-07)",
       .roles = {"beheerder"},
       .others_rule = RefusedBy("VIR-07", "Jw 7.1.2.3(1)(d,e), 7.1.4.3(2)"),
       .body = Object({Req("adres", AdresSchema()),
                       Req("omschrijving", String("Welke instelling hier gevestigd is.", 200))}),
       .success = 201,
       .response = UitgeslotenSchema(),
       .errors = {409},
       .handle = CreateUitgesloten});
  api.Add({.method = "GET",
           .path = "/api/v1/verwijsindex/uitgesloten-adressen",
           .operation_id = "listUitgeslotenAdressen",
           .tag = "Beheer",
           .summary = "Uitgesloten instellingsadressen",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("VIR-07", "Jw 7.1.2.3(1)(d,e), 7.1.4.3(2)"),
           .query = PaginationParams(),
           .response = PageSchema(UitgeslotenSchema()),
           .handle = ListUitgesloten});
  api.Add({.method = "DELETE",
           .path = "/api/v1/verwijsindex/uitgesloten-adressen/{id}",
           .operation_id = "deleteUitgeslotenAdres",
           .tag = "Beheer",
           .summary = "Instellingsadres weer laten meetellen",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("VIR-07", "Jw 7.1.2.3(1)(d,e), 7.1.4.3(2)"),
           .response = Object({Req("id", Id())}),
           .handle = Delete});
}

}  // namespace jh::api
