#include "http/handlers/common.h"

namespace jh::api {

std::vector<QueryParam> PaginationParams() {
  return {QueryParam{"pagina", "Paginanummer, vanaf 1.", false, true, 1, 1000000, {}},
          QueryParam{"paginaGrootte",
                     "Aantal resultaten per pagina (1-100, standaard 20).",
                     false,
                     true,
                     1,
                     100,
                     {}}};
}

services::Page PageFrom(const Call& call) {
  return services::Page{call.IntQuery("pagina", 1), call.IntQuery("paginaGrootte", 20)};
}

Json PageJson(Json items, const services::Page& page, int64_t totaal) {
  return Json{{"resultaten", std::move(items)},
              {"pagina", page.pagina},
              {"paginaGrootte", page.pagina_grootte},
              {"totaal", totaal}};
}

schema::NodePtr PageSchema(schema::NodePtr item) {
  using namespace schema;
  return Object({Req("resultaten", Array(std::move(item), "De resultaten op deze pagina.", 100)),
                 Req("pagina", Integer("Paginanummer.", 1)),
                 Req("paginaGrootte", Integer("Resultaten per pagina.", 1, 100)),
                 Req("totaal", Integer("Totaal aantal resultaten.", 0))});
}

schema::NodePtr Id() { return schema::Formatted("Identificatie (UUID).", schema::UuidFormat()); }

schema::NodePtr DateField(std::string description) {
  return schema::Formatted(std::move(description), schema::DateFormat(), "2026-01-31");
}

schema::NodePtr Timestamp(std::string description) {
  schema::Format f{"date-time", "", "tijdstip", nullptr};
  return schema::Formatted(std::move(description), f);
}

schema::NodePtr AdresSchema() {
  using namespace schema;
  return Object({Req("postcode", Formatted("Postcode.", PostcodeFormat(), "1234AB")),
                 Req("huisnummer", Integer("Huisnummer.", 1, 99999))});
}

schema::NodePtr Gemeentecode() {
  return schema::Formatted("CBS-gemeentecode.", schema::GemeentecodeFormat(), "GM0363");
}

schema::NodePtr Productcategorie() {
  schema::Format f{"", "^[0-9]{2}$", "productcategorie", [](const std::string& s) -> std::string {
                     bool ok =
                         s.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
                     return ok ? "" : "Een productcategorie bestaat uit 2 cijfers (iJw), bijv. 45.";
                   }};
  return schema::Formatted("Productcategorie (iJw).", f, "45");
}

}  // namespace jh::api
