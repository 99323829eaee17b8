#include "support/jw_wereld.h"

#include <gtest/gtest.h>

#include "support/server_process.h"

namespace jh::testing {

namespace {

// Sends `body` and returns the response's JSON; a status other than `want` fails the test.
nlohmann::json Stap(HttpClient& c, const std::string& token, const char* method,
                    const std::string& path, const nlohmann::json& body, int want) {
  HttpResponse r = JsonRequest(c, method, path, body, token);
  EXPECT_EQ(r.status, want) << method << " " << path << "\n" << r.body;
  return BodyJson(r);
}

std::string Medewerker(HttpClient& c, const std::string& beheerder, const std::string& org,
                       const char* rol) {
  auto m = Stap(c, beheerder, "POST", "/api/v1/medewerkers",
                {{"organisatieId", org},
                 {"naam", std::string("Test ") + rol},
                 {"rol", rol},
                 {"telefoon", "020 123 4567"},
                 {"email", std::string(rol) + "@test.example"},
                 {"meldingsbevoegd", false}},
                201);
  auto t = Stap(c, beheerder, "POST", "/api/v1/medewerkers/" + m.value("id", "") + "/tokens",
                nlohmann::json::object(), 201);
  return t.value("token", "");
}

std::string Organisatie(HttpClient& c, const std::string& beheerder, const char* naam,
                        const char* soort, const char* agb = nullptr) {
  nlohmann::json body{{"naam", naam}, {"soort", soort}, {"gemeentecode", "GM0363"}};
  if (agb != nullptr) body["agbCode"] = agb;
  return Stap(c, beheerder, "POST", "/api/v1/organisaties", body, 201).value("id", "");
}

std::string Persoon(HttpClient& c, const std::string& beheerder, const char* bsn,
                    const char* geboren) {
  return Stap(c, beheerder, "POST", "/api/v1/personen",
              {{"bsn", bsn},
               {"voornamen", "Lies"},
               {"geslachtsnaam", "Ouder"},
               {"geboortedatum", geboren},
               {"geslacht", "V"},
               {"gemeentecode", "GM0363"},
               {"adres", {{"postcode", "1011AB"}, {"huisnummer", 1}}}},
              201)
      .value("id", "");
}

}  // namespace

JwWereld BouwJwWereld(HttpClient& c, const std::string& beheerder) {
  JwWereld w;
  const std::string gemeente = Organisatie(c, beheerder, "Gemeente Amsterdam", "gemeente");
  w.gemeente = Medewerker(c, beheerder, gemeente, "gemeentemedewerker");
  const std::string praktijk = Organisatie(c, beheerder, "Praktijk", "huisartsenpraktijk");
  const std::string huisarts = Medewerker(c, beheerder, praktijk, "huisarts");
  const std::string aanbieder =
      Organisatie(c, beheerder, "Horizon", "jeugdhulpaanbieder", "12345678");
  w.hulpverlener = Medewerker(c, beheerder, aanbieder, "jeugdhulpverlener");
  Stap(c, beheerder, "POST", "/api/v1/contracten",
       {{"gemeentecode", "GM0363"},
        {"aanbiederId", aanbieder},
        {"productcategorieen", {"45"}},
        {"geldigVanaf", "2026-01-01"}},
       201);
  const std::string ouder = Persoon(c, beheerder, "999910000", "1985-04-01");
  w.persoon_id = Persoon(c, beheerder, JwWereld::kBsn, "2012-09-09");
  Stap(c, beheerder, "POST", "/api/v1/personen/" + w.persoon_id + "/gezagsrelaties",
       {{"ouderId", ouder}}, 201);

  auto v = Stap(c, huisarts, "POST", "/api/v1/verwijzingen",
                {{"bsn", JwWereld::kBsn}, {"productcategorie", "45"}}, 201);
  auto t = Stap(c, w.gemeente, "POST", "/api/v1/toewijzingen",
                {{"bsn", JwWereld::kBsn},
                 {"aanbiederId", aanbieder},
                 {"productcategorie", "45"},
                 {"productcode", "45A01"},
                 {"volume", 40},
                 {"eenheid", "04"},
                 {"geldigVanaf", "2026-06-01"},
                 {"geldigTot", "2026-12-31"},
                 {"verwijzingId", v.value("id", "")}},
                201);
  w.toewijzing_id = t.value("id", "");
  Stap(c, w.hulpverlener, "POST", "/api/v1/toewijzingen/" + w.toewijzing_id + "/start",
       {{"startdatum", "2026-06-01"}, {"toestemmingVan", {w.persoon_id, ouder}}}, 200);
  w.dossier_id =
      Stap(c, w.hulpverlener, "POST", "/api/v1/dossiers", {{"toewijzingId", w.toewijzing_id}}, 201)
          .value("id", "");
  Stap(c, w.hulpverlener, "POST", "/api/v1/dossiers/" + w.dossier_id + "/aantekeningen",
       {{"tekst", JwWereld::kNotitie}}, 201);
  w.declaratie_id = Stap(c, w.hulpverlener, "POST", "/api/v1/declaraties",
                         {{"toewijzingId", w.toewijzing_id},
                          {"productperiode", {{"begin", "2026-06-01"}, {"eind", "2026-06-30"}}},
                          {"geleverdVolume", 6},
                          {"eenheid", "04"},
                          {"productTarief", 8550},
                          {"ingediendBedrag", 51300}},
                         201)
                        .value("id", "");
  return w;
}

}  // namespace jh::testing
