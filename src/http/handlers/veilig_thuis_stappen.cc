// The steps on a Veilig Thuis case (API.md "Veilig Thuis"): investigations and their terms
// (VT-06), informing the people and extending that term (VT-05), information requests and
// their answers (VT-02), handovers (VT-07), the reporter-identity decision (VT-04), and the
// list of due and overdue terms. Only Veilig Thuis staff of the case's own organisation.
#include "http/handlers/veilig_thuis_json.h"
#include "services/vt_informatie.h"
#include "services/vt_melder.h"
#include "services/vt_onderzoek.h"
#include "services/vt_overdracht.h"

namespace jh::api {

namespace {
using namespace schema;

Result<Reply> Onderzoek(Call& c) {
  JH_ASSIGN_OR_RETURN(Date besluit,
                      Date::ParseField(c.body["besluitdatum"].get<std::string>(), "besluitdatum"));
  JH_ASSIGN_OR_RETURN(auto o, services::StartVtOnderzoek(c.env, c.Param("id"), besluit));
  return Reply::Created(vt::ToJson(o));
}

Result<Reply> Verlengen(Call& c) {
  JH_ASSIGN_OR_RETURN(
      auto t, services::VerlengVtInformeren(c.env, c.Param("id"), c.body["dagen"].get<int64_t>(),
                                            c.body["reden"].get<std::string>()));
  return Reply::Created(vt::ToJson(t));
}

Result<Reply> Informeren(Call& c) {
  JH_ASSIGN_OR_RETURN(auto t, services::VtBetrokkenenGeinformeerd(c.env, c.Param("id")));
  return Reply::Created(vt::ToJson(t));
}

Result<Reply> Termijnen(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list, services::ListVtTermijnen(
                                     c.env, page, c.request.QueryParam("status") == "verlopen"));
  Json items = Json::array();
  for (const auto& t : list.items) items.push_back(vt::ToJson(t));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> Informatieverzoek(Call& c) {
  JH_ASSIGN_OR_RETURN(auto v, services::CreateVtInformatieverzoek(
                                  c.env, c.Param("id"), c.body["organisatieId"].get<std::string>(),
                                  c.body["vraag"].get<std::string>()));
  return Reply::Created(vt::ToJson(v));
}

Result<Reply> Antwoord(Call& c) {
  JH_ASSIGN_OR_RETURN(
      auto v, services::BeantwoordVtInformatieverzoek(c.env, c.Param("id"), c.Param("verzoekId"),
                                                      c.body["antwoord"].get<std::string>()));
  return Reply::Created(vt::ToJson(v));
}

Result<Reply> Overdracht(Call& c) {
  JH_ASSIGN_OR_RETURN(auto o,
                      services::CreateVtOverdracht(c.env, c.Param("id"),
                                                   c.body["organisatieId"].get<std::string>()));
  return Reply::Created(vt::ToJson(o));
}

Result<Reply> IdentiteitBesluit(Call& c) {
  services::VtIdentiteitVerzoek in{
      c.body["verzoekerId"].get<std::string>(), c.body["bedreigingSlachtoffer"].get<bool>(),
      c.body["bedreigingMelder"].get<bool>(), c.body["verstoringVertrouwensrelatie"].get<bool>()};
  JH_ASSIGN_OR_RETURN(auto b, services::BesluitVtMelderIdentiteit(c.env, c.Param("id"), in));
  return Reply::Created(vt::ToJson(b));
}

// `rule` governs who may take the step; a caller who is no vt-medewerker is refused with it.
Operation Stap(std::string method, const std::string& path, std::string id, std::string summary,
               std::pair<std::string_view, std::string_view> rule, NodePtr body, NodePtr response,
               std::vector<int> errors, std::function<Result<Reply>(Call&)> handle) {
  return Operation{.method = std::move(method),
                   .path = "/api/v1/veilig-thuis/zaken/{id}" + path,
                   .operation_id = std::move(id),
                   .tag = "Veilig Thuis",
                   .summary = std::move(summary),
                   .roles = {"vt-medewerker"},
                   .others_rule = RefusedBy(rule.first, rule.second),
                   .body = std::move(body),
                   .success = 201,
                   .response = std::move(response),
                   .errors = std::move(errors),
                   .handle = std::move(handle)};
}

}  // namespace

void RegisterVeiligThuisStappen(Api& api) {
  api.Add(Stap("POST", "/onderzoeken", "createVtOnderzoek",
               "Onderzoek starten na het besluit dat het nodig is (VT-02, VT-06)",
               {"VT-06", "Uitv.Wmo 4.1.7"},
               Object({Req("besluitdatum", DateField("Datum van het besluit dat onderzoek nodig "
                                                     "is."))}),
               vt::OnderzoekSchema(), {409, 422}, Onderzoek));
  api.Add(Stap("POST", "/informatietermijn-verlengingen", "extendVtInformeren",
               "De termijn om betrokkenen te informeren verlengen: ten hoogste twee weken, met "
               "reden (VT-05)",
               {"VT-05", "Wmo 2015 5.3.1"},
               Object({Req("dagen", Integer("Aantal dagen (ten hoogste 14, VT-05).", 1, 366)),
                       Req("reden", vt::Tekst("Waarom later wordt geïnformeerd.", 2000))}),
               vt::InformatietermijnSchema(), {409, 422}, Verlengen));
  api.Add(Stap("POST", "/informeringen", "createVtInformering",
               "Vastleggen dat de betrokkenen zijn geïnformeerd (VT-05)",
               {"VT-05", "Wmo 2015 5.3.1"}, Object({}), vt::InformatietermijnSchema(), {409},
               Informeren));
  api.Add(Stap("POST", "/informatieverzoeken", "createVtInformatieverzoek",
               "Informatie opvragen bij een andere organisatie, alleen binnen een onderzoek na "
               "een melding (VT-02)",
               {"VT-02", "Wmo 2015 5.2.6"},
               Object({Req("organisatieId", Id()), Req("vraag", vt::Tekst("De vraag.", 4000))}),
               vt::InformatieverzoekSchema(), {409, 422}, Informatieverzoek));
  api.Add(Stap("POST", "/informatieverzoeken/{verzoekId}/antwoorden", "createVtInformatieAntwoord",
               "Het antwoord op een informatieverzoek vastleggen", {"VT-02", "Wmo 2015 5.2.6"},
               Object({Req("antwoord", vt::Tekst("Het antwoord.", 20000))}),
               vt::InformatieverzoekSchema(), {409}, Antwoord));
  api.Add(Stap("POST", "/overdrachten", "createVtOverdracht",
               "Overdragen aan het lokale team of de Raad; bij de Raad wordt de gemeente "
               "geïnformeerd (VT-07)",
               {"VT-07", "Wmo 2015 4.1.1(2)"}, Object({Req("organisatieId", Id())}),
               vt::OverdrachtSchema(), {409, 422}, Overdracht));
  api.Add(Stap("POST", "/melder-identiteit-besluiten", "createVtMelderIdentiteitBesluit",
               "Besluiten of de identiteit van de melder wordt verstrekt (VT-04)",
               {"VT-04", "Uitv.Wmo 4.1.8(3)"},
               Object({Req("verzoekerId", Id()),
                       Req("bedreigingSlachtoffer",
                           Boolean("Verstrekken bedreigt het (mogelijke) slachtoffer of het "
                                   "huishouden.")),
                       Req("bedreigingMelder",
                           Boolean("Verstrekken bedreigt de beroepskracht of zijn medewerkers.")),
                       Req("verstoringVertrouwensrelatie",
                           Boolean("Verstrekken verstoort de vertrouwensrelatie met het "
                                   "huishouden ernstig."))}),
               vt::IdentiteitBesluitSchema(), {409, 422}, IdentiteitBesluit));
  api.Add({.method = "GET",
           .path = "/api/v1/veilig-thuis/termijnen",
           .operation_id = "listVtTermijnen",
           .tag = "Veilig Thuis",
           .summary = "Openstaande en verlopen termijnen van de eigen Veilig Thuis (VT-05, VT-06)",
           .roles = {"vt-medewerker"},
           .others_rule = RefusedBy("VT-05", "Wmo 2015 5.3.1"),
           .query =
               [] {
                 auto q = PaginationParams();
                 q.push_back(QueryParam{.name = "status",
                                        .description = "verlopen: alleen verstreken termijnen.",
                                        .enum_values = {"open", "verlopen"}});
                 return q;
               }(),
           .response = PageSchema(vt::TermijnSchema()),
           .handle = Termijnen});
}

}  // namespace jh::api
