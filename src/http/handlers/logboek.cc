// Accountability: the register of processing activities, the beheerder's log search and a
// citizen's own processing log (API.md, "Accountability and decisions").
#include "services/logboek.h"
#include "audit/register.h"
#include "http/handlers/common.h"

namespace jh::api {

namespace {
using namespace schema;

Json ToJson(const audit::Verwerkingsactiviteit& a) {
  return Json{{"id", a.id},
              {"naam", a.naam},
              {"doel", a.doel},
              {"grondslag", a.grondslag},
              {"categorieenBetrokkenen", a.categorieen_betrokkenen},
              {"categorieenPersoonsgegevens", a.categorieen_persoonsgegevens},
              {"ontvangers", a.ontvangers},
              {"bewaartermijn", a.bewaartermijn}};
}

NodePtr ActiviteitSchema() {
  NodePtr list = Array(String("", 500), "", 50);
  return Object({Req("id", String("Id in het register.", 100)), Req("naam", String("Naam.", 200)),
                 Req("doel", String("Doel.", 2000)), Req("grondslag", String("Grondslag.", 500)),
                 Req("categorieenBetrokkenen", list), Req("categorieenPersoonsgegevens", list),
                 Req("ontvangers", list), Req("bewaartermijn", String("Bewaartermijn.", 500))});
}

// The LDV record in the shape of the standard: trace, span, times, status, resource and the
// dpl.core attributes.
Json ToJson(const services::Verwerking& v) {
  return Json{{"seq", v.seq},
              {"traceId", v.trace_id},
              {"spanId", v.span_id},
              {"parentSpanId", v.parent_span_id},
              {"name", v.name},
              {"startTime", v.start_time},
              {"endTime", v.end_time},
              {"statusCode", v.status_code == 1 ? "STATUS_CODE_OK" : "STATUS_CODE_ERROR"},
              {"resource", {{"name", v.resource_name}, {"version", v.resource_version}}},
              {"attributes",
               {{"dpl.core.processing_activity_id", v.activity_uri},
                {"dpl.core.data_subject_id", v.subject_id},
                {"dpl.core.data_subject_id_type", v.subject_id_type}}},
              {"verwerkingsverantwoordelijke", v.controller_id},
              {"actor", {{"soort", v.actor_kind}, {"rol", v.actor_rol}}}};
}

NodePtr VerwerkingSchema() {
  return FreeObject("Een record van het Logboek Dataverwerkingen (LDV).");
}

Result<Reply> ListActiviteiten(Call&) {
  Json items = Json::array();
  for (const auto& a : audit::Register()) items.push_back(ToJson(a));
  return Reply::Ok(Json{{"resultaten", items}});
}

Result<Reply> GetActiviteit(Call& c) {
  const auto* a = audit::FindActiviteit(c.Param("id"));
  if (a == nullptr) return Error::NotFound("Deze verwerkingsactiviteit bestaat niet.");
  return Reply::Ok(ToJson(*a));
}

Result<Reply> Zoek(Call& c) {
  services::LogboekFilter f;
  f.page = PageFrom(c);
  if (c.body.contains("betrokkeneBsn")) {
    JH_ASSIGN_OR_RETURN(f.betrokkene,
                        Bsn::Parse(c.body["betrokkeneBsn"].get<std::string>(), "betrokkeneBsn"));
  }
  if (c.body.contains("traceId")) f.trace_id = c.body["traceId"].get<std::string>();
  if (c.body.contains("van")) f.van = Date::Parse(c.body["van"].get<std::string>());
  if (c.body.contains("tot")) f.tot = Date::Parse(c.body["tot"].get<std::string>());
  JH_ASSIGN_OR_RETURN(auto page, services::ZoekVerwerkingen(c.env, f));
  Json items = Json::array();
  for (const auto& v : page.items) items.push_back(ToJson(v));
  return Reply::Ok(PageJson(std::move(items), f.page, page.totaal));
}

Result<Reply> MijnLogboek(Call& c) {
  auto p = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto page, services::MijnLogboek(c.env, c.actor->id, p));
  Json items = Json::array();
  for (const auto& m : page.items) {
    items.push_back(Json{{"tijdstip", m.tijdstip},
                         {"wie", m.wie},
                         {"wat", m.wat},
                         {"waarom", m.waarom},
                         {"verwerkingsactiviteit", m.activiteit}});
  }
  return Reply::Ok(PageJson(std::move(items), p, page.totaal));
}

Format TraceIdFormat() {
  return {"", "^[0-9a-f]{32}$", "trace-id", [](const std::string& s) -> std::string {
            if (s.size() != 32) return "Verwacht 32 hexadecimale tekens.";
            for (char ch : s) {
              if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
                return "Verwacht 32 hexadecimale tekens (kleine letters).";
              }
            }
            return "";
          }};
}
}  // namespace

void RegisterLogboek(Api& api) {
  api.Add({.method = "GET",
           .path = "/api/v1/verwerkingsactiviteiten",
           .operation_id = "listVerwerkingsactiviteiten",
           .tag = "Verantwoording",
           .summary = "Register van verwerkingsactiviteiten (AVG 30)",
           .access = Access::kPublic,
           .response = Object({Req("resultaten", Array(ActiviteitSchema(), "Het register.", 100))}),
           .handle = ListActiviteiten});
  api.Add({.method = "GET",
           .path = "/api/v1/verwerkingsactiviteiten/{id}",
           .operation_id = "getVerwerkingsactiviteit",
           .tag = "Verantwoording",
           .summary = "Een verwerkingsactiviteit",
           .access = Access::kPublic,
           .id_is_uuid = false,
           .response = ActiviteitSchema(),
           .handle = GetActiviteit});
  api.Add({.method = "POST",
           .path = "/api/v1/logboek/_zoeken",
           .operation_id = "zoekLogboek",
           .tag = "Verantwoording",
           .summary = "Het logboek dataverwerkingen doorzoeken",
           .roles = {"beheerder"},
           .body = Object(
               {Opt("betrokkeneBsn", Formatted("BSN van de betrokkene.", BsnFormat(), "999990019")),
                Opt("traceId", Formatted("W3C trace-id.", TraceIdFormat())),
                Opt("van", DateField("Vanaf deze dag.")),
                Opt("tot", DateField("Tot en met deze dag."))}),
           .query = PaginationParams(),
           .response = PageSchema(VerwerkingSchema()),
           .errors = {422},
           .handle = Zoek});
  api.Add({.method = "GET",
           .path = "/api/v1/mijn/logboek",
           .operation_id = "mijnLogboek",
           .tag = "Burger",
           .summary = "Wie heeft mijn gegevens verwerkt, wanneer en waarvoor",
           .access = Access::kBurger,
           .others_rule = RefusedBy("AVG-03", "AVG 15; Logboek Dataverwerkingen"),
           .query = PaginationParams(),
           .response = PageSchema(
               Object({Req("tijdstip", Timestamp("Wanneer.")), Req("wie", String("Wie.", 300)),
                       Req("wat", String("Wat.", 300)), Req("waarom", String("Waarvoor.", 300)),
                       Req("verwerkingsactiviteit", String("Register-id.", 100))})),
           .handle = MijnLogboek});
}

}  // namespace jh::api
