// VT-04 in the processing log: the record of a professional's own melding carries a subject
// pseudonym for that case only, so the beheerder's log search cannot link it to the same
// professional's other records (his registration, his tokens), which carry his stable one.
#include <gtest/gtest.h>

#include <set>

#include "support/server_process.h"

namespace jh::testing {
namespace {

using nlohmann::json;

class VtMelderPseudoniem : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start();
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
  }
  HttpResponse Call(const std::string& token, std::string_view method, std::string_view target,
                    const json& body) {
    return client_->Request(
        method, target, body.dump(),
        {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
  }
  HttpResponse Admin(std::string_view method, std::string_view target, const json& body) {
    return Call(server_->beheerder_token(), method, target, body);
  }
  static std::string Trace(const HttpResponse& r) { return r.Header("traceparent").substr(3, 32); }
  // The LDV records of one request, as the beheerder's search shows them.
  json Records(const std::string& trace) {
    auto r = Admin("POST", "/api/v1/logboek/_zoeken", {{"traceId", trace}});
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyJson(r)["resultaten"];
  }
  // The subject id of the record named `name` in the request with `trace`.
  std::string SubjectOf(const std::string& trace, const std::string& name) {
    for (const json& v : Records(trace)) {
      if (v["name"] == name) return v["attributes"]["dpl.core.data_subject_id"];
    }
    ADD_FAILURE() << "no record '" << name << "' in trace " << trace;
    return "";
  }
  std::string Organisatie(const std::string& naam, const std::string& soort) {
    auto r = Admin("POST", "/api/v1/organisaties",
                   {{"naam", naam}, {"soort", soort}, {"gemeentecode", "GM0363"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", "");
  }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

TEST_F(VtMelderPseudoniem, AMeldingIsNotLinkableToTheReportersOtherRecords) {
  Organisatie("Veilig Thuis Amsterdam-Amstelland", "veilig-thuis");
  const std::string praktijk = Organisatie("Huisartsenpraktijk Zuidas", "huisartsenpraktijk");
  auto r = Admin("POST", "/api/v1/personen",
                 {{"bsn", "999920017"},
                  {"voornamen", "Kim"},
                  {"geslachtsnaam", "Test"},
                  {"geboortedatum", "2017-05-05"},
                  {"geslacht", "V"},
                  {"gemeentecode", "GM0363"},
                  {"adres", {{"postcode", "1077AA"}, {"huisnummer", 4}}}});
  ASSERT_EQ(r.status, 201) << r.body;

  r = Admin("POST", "/api/v1/medewerkers",
            {{"organisatieId", praktijk},
             {"naam", "Hendrik Hoogland"},
             {"rol", "huisarts"},
             {"telefoon", "020 811 2233"},
             {"email", "hendrik@zuidas-huisarts.example"},
             {"meldingsbevoegd", true}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string registratie = Trace(r);
  r = Admin("POST", "/api/v1/medewerkers/" + BodyJson(r).value("id", "") + "/tokens",
            json::object());
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string uitgifte = Trace(r);
  const std::string huisarts = BodyJson(r).value("token", "");

  const std::string stabiel = SubjectOf(registratie, "medewerker registreren");
  ASSERT_FALSE(stabiel.empty());
  EXPECT_EQ(SubjectOf(uitgifte, "token uitgeven"), stabiel);  // his other records link up

  const json melding = {{"soort", "melding"},
                        {"betrokkenen", {{{"bsn", "999920017"}, {"rol", "kind"}}}},
                        {"grond", "redelijk-vermoeden"},
                        {"omschrijving", "Brandwonden op de rug."}};
  std::set<std::string> per_zaak;
  for (int i = 0; i < 2; ++i) {
    r = Call(huisarts, "POST", "/api/v1/veilig-thuis/zaken", melding);
    ASSERT_EQ(r.status, 201) << r.body;
    const std::string trace = Trace(r);
    const json records = Records(trace);
    ASSERT_FALSE(records.empty());
    // No field of any record of the melding carries his stable pseudonym.
    EXPECT_EQ(records.dump().find(stabiel), std::string::npos) << records.dump();
    const std::string melder = SubjectOf(trace, "melding doen (melder)");
    EXPECT_NE(melder, stabiel);
    EXPECT_EQ(melder.size(), stabiel.size());  // still a pseudonym of the same form
    for (const json& v : records) {
      if (v["name"] == "melding doen (melder)") {
        EXPECT_EQ(v["attributes"]["dpl.core.data_subject_id_type"], "pseudoniem-melder");
        EXPECT_EQ(v["verwerkingsverantwoordelijke"], "afgeschermd");
      }
    }
    per_zaak.insert(melder);
  }
  // Two meldingen of the same professional do not link to each other either.
  EXPECT_EQ(per_zaak.size(), 2u);
}

}  // namespace
}  // namespace jh::testing
