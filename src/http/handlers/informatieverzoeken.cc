// Information requests of Veilig Thuis as the asked organisation handles them (VT-02): its
// medewerkers list what was asked of their organisation and answer it; the answer is recorded
// on the case, sealed, and nothing of the case beyond the question is shown (VT-04).
#include "http/handlers/common.h"
#include "services/vt_informatie_gevraagd.h"

namespace jh::api {

namespace {
using namespace schema;

Json ToJson(const services::GevraagdeInformatie& g) {
  Json j{{"id", g.id},
         {"veiligThuis", g.veilig_thuis},
         {"vraag", g.vraag},
         {"verzochtOp", g.verzocht_op},
         {"status", g.beantwoord_op ? "beantwoord" : "open"}};
  if (g.antwoord) j["antwoord"] = *g.antwoord;
  if (g.beantwoord_op) j["beantwoordOp"] = *g.beantwoord_op;
  return j;
}

NodePtr GevraagdSchema() {
  return Object(
      {Req("id", Id()), Req("veiligThuis", String("De Veilig Thuis die het vraagt.")),
       Req("vraag", String("De vraag.", 4000)), Req("verzochtOp", Timestamp("Gevraagd.")),
       Req("status", Enum("Of het al beantwoord is.", {"open", "beantwoord"})),
       Opt("antwoord", String("Het antwoord.", 8000)),
       Opt("beantwoordOp", Timestamp("Beantwoord."))},
      "Een informatieverzoek aan de eigen organisatie: alleen de vraag, nooit de zaak of wie "
      "meldde (VT-04).");
}

Result<Reply> List(Call& c) {
  auto p = PageFrom(c);
  std::optional<bool> beantwoord;
  const std::string status = c.request.QueryParam("status");
  if (!status.empty()) beantwoord = status == "beantwoord";
  JH_ASSIGN_OR_RETURN(auto page, services::GevraagdeInformatieverzoeken(c.env, beantwoord, p));
  Json items = Json::array();
  for (const auto& g : page.items) items.push_back(ToJson(g));
  return Reply::Ok(PageJson(std::move(items), p, page.totaal));
}

Result<Reply> Beantwoord(Call& c) {
  JH_ASSIGN_OR_RETURN(services::GevraagdeInformatie g,
                      services::BeantwoordGevraagdeInformatie(
                          c.env, c.Param("id"), c.body["antwoord"].get<std::string>()));
  return Reply::Created(ToJson(g));
}
}  // namespace

void RegisterInformatieverzoeken(Api& api) {
  std::vector<QueryParam> query = PaginationParams();
  query.push_back({.name = "status",
                   .description = "Alleen open of alleen beantwoorde verzoeken.",
                   .enum_values = {"open", "beantwoord"}});
  api.Add({.method = "GET",
           .path = "/api/v1/informatieverzoeken",
           .operation_id = "listGevraagdeInformatie",
           .tag = "Veilig Thuis",
           .summary = "Informatieverzoeken van Veilig Thuis aan de eigen organisatie (VT-02)",
           .others_rule = RefusedBy("VT-02", "Wmo 2015 5.2.6"),
           .query = query,
           .response = PageSchema(GevraagdSchema()),
           .handle = List});
  api.Add({.method = "POST",
           .path = "/api/v1/informatieverzoeken/{id}/antwoorden",
           .operation_id = "beantwoordGevraagdeInformatie",
           .tag = "Veilig Thuis",
           .summary = "Een informatieverzoek aan de eigen organisatie beantwoorden; het "
                      "antwoord wordt bij de zaak vastgelegd (VT-02)",
           .others_rule = RefusedBy("VT-02", "Wmo 2015 5.2.6"),
           .body = Object({Req("antwoord", String("Het antwoord.", 8000))}),
           .success = 201,
           .response = GevraagdSchema(),
           .errors = {409, 422},
           .handle = Beantwoord});
}

}  // namespace jh::api
