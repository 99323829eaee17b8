// The AuthZEN evaluation API (API.md, "Accountability and decisions"): a single decision and
// a batch, outside /api/v1 because AuthZEN fixes the path. Which actions map to which rules
// is in services/authzen.h.
#include "http/handlers/common.h"
#include "services/authzen.h"

namespace jh::api {

namespace {
using namespace schema;

NodePtr EvaluatieSchema() {
  NodePtr subject = Object({Req("type", Enum("Soort subject.", {"medewerker"})),
                            Req("id", Formatted("Id van de medewerker.", UuidFormat()))},
                           "Wiens handeling wordt beoordeeld: de vrager zelf, of als beheerder "
                           "(PEP-dienst) iedere medewerker.");
  NodePtr action = Object(
      {Req("name", Enum("Actie (zie de toelichting van de API).", services::EvaluatieActies()))},
      "De handeling.");
  NodePtr properties = Object(
      {Opt("gemeentecode", Formatted("Gemeente van de jeugdige.", GemeentecodeFormat(), "GM0363")),
       Opt("geboortedatum", Formatted("Geboortedatum van de jeugdige.", DateFormat())),
       Opt("aanbiederId", Formatted("De aanbieder (jw.toewijzen).", UuidFormat())),
       Opt("productcategorie", Productcategorie()),
       Opt("geldigVanaf", Formatted("Begin van de toewijzing.", DateFormat())),
       Opt("geldigTot", Formatted("Einde van de toewijzing.", DateFormat()))},
      "Feiten over de jeugdige en de toewijzing; nooit een BSN.");
  NodePtr resource = Object(
      {Req("type", Enum("Soort resource.", {"jeugdige", "vt-zaak", "toewijzing", "dossier"})),
       Opt("id", Formatted("Id van de zaak of het dossier.", UuidFormat())),
       Opt("properties", properties)},
      "Waarop de handeling betrekking heeft.");
  return Object({Req("subject", subject), Req("action", action), Req("resource", resource),
                 Opt("context", Object({}, "Niet gebruikt; de datum is die van vandaag."))});
}

NodePtr BesluitSchema() {
  return Object({Req("decision", Boolean("Toegestaan of niet.")),
                 Req("context", Object({Req("regel", String("Regel-id (RULES.md).", 20)),
                                        Req("grondslag", String("Wettelijke bron.", 200)),
                                        Req("reason", String("Waarom.", 500))}))});
}

services::Evaluatie FromJson(const Json& b) {
  services::Evaluatie e;
  e.subject_id = b["subject"]["id"].get<std::string>();
  e.actie = b["action"]["name"].get<std::string>();
  const Json& r = b["resource"];
  e.resource_type = r["type"].get<std::string>();
  if (r.contains("id")) e.resource_id = r["id"].get<std::string>();
  if (r.contains("properties")) {
    const Json& p = r["properties"];
    if (p.contains("gemeentecode")) e.gemeentecode = p["gemeentecode"].get<std::string>();
    auto date = [&p](const char* k) -> std::optional<Date> {
      return p.contains(k) ? Date::Parse(p[k].get<std::string>()) : std::nullopt;
    };
    if (p.contains("aanbiederId")) e.aanbieder_id = p["aanbiederId"].get<std::string>();
    if (p.contains("productcategorie")) {
      e.productcategorie = p["productcategorie"].get<std::string>();
    }
    e.geboortedatum = date("geboortedatum");
    e.geldig_vanaf = date("geldigVanaf");
    e.geldig_tot = date("geldigTot");
  }
  return e;
}

Json ToJson(const rules::Decision& d) {
  return Json{{"decision", d.allowed},
              {"context",
               {{"regel", std::string(d.rule)},
                {"grondslag", std::string(d.ground)},
                {"reason", d.reason}}}};
}

Result<Reply> Evaluation(Call& c) {
  JH_ASSIGN_OR_RETURN(rules::Decision d, services::Evalueer(c.env, FromJson(c.body)));
  return Reply::Ok(ToJson(d));
}

// A batch is answered in order; a request one of its items cannot be judged on fails as a
// whole (400/422 naming the field), so no caller mistakes a missing answer for a refusal.
Result<Reply> Evaluations(Call& c) {
  Json out = Json::array();
  for (const Json& item : c.body["evaluations"]) {
    JH_ASSIGN_OR_RETURN(rules::Decision d, services::Evalueer(c.env, FromJson(item)));
    out.push_back(ToJson(d));
  }
  return Reply::Ok(Json{{"evaluations", out}});
}
}  // namespace

void RegisterAccess(Api& api) {
  api.Add({.method = "POST",
           .path = "/access/v1/evaluation",
           .operation_id = "evaluateAccess",
           .tag = "Verantwoording",
           .summary = "Een besluit van de regels opvragen (AuthZEN)",
           .body = EvaluatieSchema(),
           .response = BesluitSchema(),
           .errors = {422},
           .handle = Evaluation});
  api.Add({.method = "POST",
           .path = "/access/v1/evaluations",
           .operation_id = "evaluateAccessBatch",
           .tag = "Verantwoording",
           .summary = "Meerdere besluiten van de regels opvragen (AuthZEN)",
           .body = Object({Req("evaluations", Array(EvaluatieSchema(), "De vragen.", 100))}),
           .response = Object(
               {Req("evaluations", Array(BesluitSchema(), "De besluiten, in volgorde.", 100))}),
           .errors = {422},
           .handle = Evaluations});
}

}  // namespace jh::api
