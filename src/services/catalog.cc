#include "services/catalog.h"

#include <algorithm>
#include <map>

namespace jh::services {

const std::vector<std::string>& OrganisatieSoorten() {
  static const std::vector<std::string> kSoorten = {"gemeente",
                                                    "wijkteam",
                                                    "jeugdteam",
                                                    "cjg",
                                                    "veilig-thuis",
                                                    "raad-voor-de-kinderbescherming",
                                                    "jeugdhulpaanbieder",
                                                    "gecertificeerde-instelling",
                                                    "jeugdgezondheidszorg",
                                                    "huisartsenpraktijk",
                                                    "ziekenhuis",
                                                    "school",
                                                    "leerplicht",
                                                    "ggz",
                                                    "politie",
                                                    "akj",
                                                    "autoriteit-persoonsgegevens"};
  return kSoorten;
}

const std::vector<std::string>& Rollen() {
  static const std::vector<std::string> kRollen = {
      "beheerder",         "huisarts",           "jeugdarts",    "medisch-specialist",
      "jeugdhulpverlener", "toegangsmedewerker", "regievoerder", "gemeentemedewerker",
      "vt-medewerker",     "rvdk-medewerker",    "leerkracht",   "vertrouwenspersoon"};
  return kRollen;
}

const std::vector<std::string>& Toegangsteams() {
  static const std::vector<std::string> kTeams = {"wijkteam", "jeugdteam", "cjg"};
  return kTeams;
}

namespace {
// An empty list means: any kind of organisation.
const std::map<std::string, std::vector<std::string>, std::less<>>& RolSoorten() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kMap = {
      {"beheerder", {}},
      {"huisarts", {"huisartsenpraktijk"}},
      {"jeugdarts", {"jeugdgezondheidszorg"}},
      {"medisch-specialist", {"ziekenhuis", "ggz"}},
      {"jeugdhulpverlener",
       {"jeugdhulpaanbieder", "gecertificeerde-instelling", "ggz", "wijkteam", "jeugdteam", "cjg"}},
      {"toegangsmedewerker", {"wijkteam", "jeugdteam", "cjg"}},
      {"regievoerder", {"gemeente"}},
      {"gemeentemedewerker", {"gemeente"}},
      {"vt-medewerker", {"veilig-thuis"}},
      {"rvdk-medewerker", {"raad-voor-de-kinderbescherming"}},
      {"leerkracht", {"school"}},
      {"vertrouwenspersoon", {"akj"}},
  };
  return kMap;
}
}  // namespace

bool RolPastBijOrganisatie(std::string_view rol, std::string_view soort) {
  auto it = RolSoorten().find(rol);
  if (it == RolSoorten().end()) return false;
  return it->second.empty() ||
         std::find(it->second.begin(), it->second.end(), soort) != it->second.end();
}

std::string OrganisatieSoortenVoorRol(std::string_view rol) {
  auto it = RolSoorten().find(rol);
  if (it == RolSoorten().end()) return "";
  std::string out;
  for (const auto& s : it->second) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "elke soort" : out;
}

bool KanJeugdhulpAanbieden(std::string_view soort) {
  return soort == "jeugdhulpaanbieder" || soort == "gecertificeerde-instelling" || soort == "ggz";
}

}  // namespace jh::services
