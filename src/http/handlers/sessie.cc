// What the web pages need before anything else: whom the token belongs to (so a page can
// offer what that role may do), and a directory of organisations to pick from (handing a
// case over, filing a complaint). Any token will do; neither returns data about a citizen.
#include <algorithm>

#include "http/handlers/common.h"
#include "services/catalog.h"
#include "services/medewerkers.h"
#include "services/organisaties.h"

namespace jh::api {

namespace {
using namespace schema;

Result<Reply> Sessie(Call& c) {
  const auth::Actor& a = *c.actor;
  if (!a.IsMedewerker()) return Reply::Ok(Json{{"soort", "burger"}});
  JH_ASSIGN_OR_RETURN(services::Medewerker m, services::GetMedewerker(c.env, a.id));
  JH_ASSIGN_OR_RETURN(services::Organisatie o, services::GetOrganisatie(c.env, a.organisatie_id));
  return Reply::Ok(Json{
      {"soort", "medewerker"},
      {"naam", m.naam},
      {"rol", a.rol},
      {"meldingsbevoegd", a.meldingsbevoegd},
      {"organisatie",
       {{"id", o.id}, {"naam", o.naam}, {"soort", o.soort}, {"gemeentecode", o.gemeentecode}}}});
}

// `soort` is a comma-separated list of kinds; each must be a known kind (400 otherwise).
Result<Reply> Gids(Call& c) {
  std::vector<std::string> soorten;
  const std::string text = c.request.QueryParam("soort");
  size_t pos = 0;
  while (!text.empty() && pos <= text.size()) {
    size_t comma = std::min(text.find(',', pos), text.size());
    std::string s = text.substr(pos, comma - pos);
    const auto& known = services::OrganisatieSoorten();
    if (std::find(known.begin(), known.end(), s) == known.end()) {
      return Error::Invalid("soort", "enum", "Onbekende soort organisatie.");
    }
    soorten.push_back(std::move(s));
    pos = comma + 1;
  }
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list, services::ListOrganisaties(c.env, page, soorten));
  Json items = Json::array();
  for (const auto& o : list.items) {
    items.push_back(
        Json{{"id", o.id}, {"naam", o.naam}, {"soort", o.soort}, {"gemeentecode", o.gemeentecode}});
  }
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

NodePtr OrganisatieKort() {
  return Object({Req("id", Id()), Req("naam", String("Naam.", 200)),
                 Req("soort", Enum("Soort organisatie.", services::OrganisatieSoorten())),
                 Req("gemeentecode", Gemeentecode())});
}
}  // namespace

void RegisterSessie(Api& api) {
  api.Add({.method = "GET",
           .path = "/api/v1/sessie",
           .operation_id = "getSessie",
           .tag = "Sessie",
           .summary = "Van wie dit token is: burger, of medewerker met rol en organisatie",
           .access = Access::kAnyToken,
           .response = Object({Req("soort", Enum("Soort gebruiker.", {"medewerker", "burger"})),
                               Opt("naam", String("Naam van de medewerker.", 200)),
                               Opt("rol", String("Rol van de medewerker.", 40)),
                               Opt("meldingsbevoegd", Boolean("Mag melden in de verwijsindex.")),
                               Opt("organisatie", OrganisatieKort())}),
           .handle = Sessie});
  api.Add({.method = "GET",
           .path = "/api/v1/organisatiegids",
           .operation_id = "listOrganisatiegids",
           .tag = "Sessie",
           .summary = "Organisaties om uit te kiezen (overdracht, klacht): naam, soort, gemeente",
           .access = Access::kAnyToken,
           .query =
               [] {
                 auto q = PaginationParams();
                 q.push_back(QueryParam{.name = "soort",
                                        .description = "Alleen deze soorten, gescheiden door "
                                                       "komma's (bijv. wijkteam,jeugdteam)."});
                 return q;
               }(),
           .response = PageSchema(OrganisatieKort()),
           .handle = Gids});
}

}  // namespace jh::api
