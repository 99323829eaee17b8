// Every administration endpoint of API.md over real HTTP against the real binary, with the
// unhappy paths: 401, 403, 400 (bad JSON, unknown field, wrong type, BSN-01), 404, 409,
// 413, 415, 422.
#include <gtest/gtest.h>

#include <cctype>

#include "support/server_process.h"

namespace jh::testing {
namespace {

using nlohmann::json;

class AdminApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = ServerProcess::Start().release(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  HttpResponse Call(std::string_view method, std::string_view target, const json& body,
                    const std::string& token) {
    return JsonRequest(*client_, method, target, body, token);
  }
  HttpResponse Admin(std::string_view method, std::string_view target, const json& body) {
    return Call(method, target, body, server_->beheerder_token());
  }
  std::string CreateOrg(const std::string& soort, const std::string& naam = "Org") {
    auto r = Admin("POST", "/api/v1/organisaties",
                   {{"naam", naam}, {"soort", soort}, {"gemeentecode", "GM0363"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", "");
  }
  std::string CreateMedewerker(const std::string& org, const std::string& rol) {
    auto r = Admin("POST", "/api/v1/medewerkers",
                   {{"organisatieId", org},
                    {"naam", "Mw. Test"},
                    {"rol", rol},
                    {"telefoon", "020 123 4567"},
                    {"email", "t@example.nl"},
                    {"meldingsbevoegd", true}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", "");
  }
  json Person(const std::string& bsn, const std::string& geboren = "2010-05-05") {
    return {{"bsn", bsn},
            {"voornamen", "Kim"},
            {"geslachtsnaam", "Test"},
            {"geboortedatum", geboren},
            {"geslacht", "O"},
            {"gemeentecode", "GM0363"},
            {"adres", {{"postcode", "1234AB"}, {"huisnummer", 5}}}};
  }

  static ServerProcess* server_;
  std::unique_ptr<HttpClient> client_;
};
ServerProcess* AdminApi::server_ = nullptr;

void ExpectProblem(const HttpResponse& r, int status, const std::string& field = "",
                   const std::string& regel = "") {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
  json p = BodyJson(r);
  ASSERT_TRUE(p.is_object()) << r.body;
  EXPECT_EQ(p["status"], status);
  EXPECT_TRUE(p.contains("title") && p.contains("detail") && p.contains("type"));
  if (!field.empty()) {
    bool named = false;
    for (const auto& ip : p.value("invalidParams", json::array())) named |= ip["name"] == field;
    EXPECT_TRUE(named) << "field " << field << " not named in " << r.body;
  }
  if (!regel.empty()) {
    EXPECT_EQ(p.value("regel", ""), regel) << r.body;
  }
  EXPECT_EQ(r.Header("api-version"), "1.0.0");
}

TEST_F(AdminApi, OrganisatiesAndConvenanten) {
  auto r = Admin("POST", "/api/v1/organisaties",
                 {{"naam", "Huisartsen Oost"},
                  {"soort", "huisartsenpraktijk"},
                  {"gemeentecode", "GM0363"},
                  {"agbCode", "01234567"}});
  ASSERT_EQ(r.status, 201) << r.body;
  json org = BodyJson(r);
  EXPECT_EQ(org["agbCode"], "01234567");
  std::string id = org["id"];

  r = Admin("GET", "/api/v1/organisaties/" + id, nullptr);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(BodyJson(r)["naam"], "Huisartsen Oost");
  r = Admin("GET", "/api/v1/organisaties?pagina=1&paginaGrootte=100", nullptr);
  EXPECT_EQ(r.status, 200);
  EXPECT_GE(BodyJson(r)["totaal"].get<int>(), 2);  // the beheer organisation too
  ExpectProblem(Admin("GET", "/api/v1/organisaties?paginaGrootte=1000", nullptr), 400,
                "paginaGrootte");
  ExpectProblem(Admin("GET", "/api/v1/organisaties?bsn=999990019", nullptr), 400, "bsn");
  ExpectProblem(Admin("GET", "/api/v1/organisaties/00000000-0000-4000-8000-000000000000", nullptr),
                404);

  r = Admin(
      "POST", "/api/v1/organisaties/" + id + "/convenanten",
      {{"gemeentecode", "GM0363"}, {"geldigVanaf", "2025-01-01"}, {"geldigTot", "2027-12-31"}});
  EXPECT_EQ(r.status, 201) << r.body;
  ExpectProblem(Admin("POST", "/api/v1/organisaties/" + id + "/convenanten",
                      {{"gemeentecode", "GM0363"}, {"geldigVanaf", "2025-02-30"}}),
                400, "geldigVanaf");
  ExpectProblem(
      Admin(
          "POST", "/api/v1/organisaties/" + id + "/convenanten",
          {{"gemeentecode", "GM0363"}, {"geldigVanaf", "2025-01-01"}, {"geldigTot", "2024-01-01"}}),
      422, "geldigTot");
  ExpectProblem(
      Admin("POST", "/api/v1/organisaties/00000000-0000-4000-8000-000000000000/convenanten",
            {{"gemeentecode", "GM0363"}, {"geldigVanaf", "2025-01-01"}}),
      404);
}

TEST_F(AdminApi, MedewerkersAndTokens) {
  std::string school = CreateOrg("school");
  std::string mw = CreateMedewerker(school, "leerkracht");
  auto r = Admin("GET", "/api/v1/medewerkers/" + mw, nullptr);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(BodyJson(r)["email"], "t@example.nl");

  r = Admin("POST", "/api/v1/medewerkers/" + mw + "/tokens", json::object());
  ASSERT_EQ(r.status, 201) << r.body;
  std::string token = BodyJson(r)["token"];
  EXPECT_EQ(token.size(), 64u);
  // A leerkracht is no beheerder: authenticated, but refused.
  ExpectProblem(Call("GET", "/api/v1/organisaties", nullptr, token), 403);
  // The token is stored only as a hash.
  auto [code, out] = ServerProcess::Run(
      {"admin", "--data", server_->data_dir().string(), "GET", "/api/v1/medewerkers/" + mw});
  EXPECT_EQ(code, 0) << out;

  ExpectProblem(Admin("POST", "/api/v1/medewerkers",
                      {{"organisatieId", school},
                       {"naam", "X"},
                       {"rol", "huisarts"},
                       {"telefoon", "020 1234567"},
                       {"email", "x@example.nl"},
                       {"meldingsbevoegd", true}}),
                422, "rol");
  ExpectProblem(Admin("POST", "/api/v1/medewerkers",
                      {{"organisatieId", "00000000-0000-4000-8000-000000000000"},
                       {"naam", "X"},
                       {"rol", "leerkracht"},
                       {"telefoon", "020 1234567"},
                       {"email", "x@example.nl"},
                       {"meldingsbevoegd", true}}),
                422, "organisatieId");
  ExpectProblem(Admin("POST", "/api/v1/medewerkers",
                      {{"organisatieId", school},
                       {"naam", "X"},
                       {"rol", "leerkracht"},
                       {"telefoon", "020 1234567"},
                       {"email", "geen-email"},
                       {"meldingsbevoegd", "ja"}}),
                400, "meldingsbevoegd");
  ExpectProblem(Admin("POST", "/api/v1/medewerkers/00000000-0000-4000-8000-000000000000/tokens",
                      json::object()),
                404);
}

TEST_F(AdminApi, PersonenGezagAndBurgerTokens) {
  auto r = Admin("POST", "/api/v1/personen", Person("999990019"));
  ASSERT_EQ(r.status, 201) << r.body;
  json kind = BodyJson(r);
  EXPECT_FALSE(kind.contains("bsn"));  // BSN-02: never returned
  r = Admin("POST", "/api/v1/personen", Person("123456782", "1980-01-01"));
  ASSERT_EQ(r.status, 201) << r.body;
  std::string ouder = BodyJson(r)["id"];
  std::string kind_id = kind["id"];

  ExpectProblem(Admin("POST", "/api/v1/personen", Person("999990019")), 409);
  ExpectProblem(Admin("POST", "/api/v1/personen", Person("123456789")), 400, "bsn", "BSN-01");
  ExpectProblem(Admin("POST", "/api/v1/personen", Person("000000000")), 400, "bsn", "BSN-01");
  json bad = Person("111222333");
  bad["adres"]["postcode"] = "1234 ab";
  bad["geslacht"] = "X";
  ExpectProblem(Admin("POST", "/api/v1/personen", bad), 400, "adres.postcode");
  ExpectProblem(Admin("POST", "/api/v1/personen", Person("111222333", "2999-01-01")), 422,
                "geboortedatum");

  r = Admin("POST", "/api/v1/personen/" + kind_id + "/gezagsrelaties", {{"ouderId", ouder}});
  EXPECT_EQ(r.status, 201) << r.body;
  ExpectProblem(
      Admin("POST", "/api/v1/personen/" + kind_id + "/gezagsrelaties", {{"ouderId", ouder}}), 409);
  ExpectProblem(
      Admin("POST", "/api/v1/personen/" + ouder + "/gezagsrelaties", {{"ouderId", kind_id}}), 422,
      "ouderId");

  r = Admin("PATCH", "/api/v1/personen/" + kind_id,
            {{"gemeentecode", "GM0599"}, {"adres", {{"postcode", "3011AA"}, {"huisnummer", 2}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["gemeentecode"], "GM0599");
  EXPECT_EQ(BodyJson(r)["adres"]["postcode"], "3011AA");
  ExpectProblem(Admin("PATCH", "/api/v1/personen/" + kind_id, json::object()), 400, "body");
  ExpectProblem(Admin("PATCH", "/api/v1/personen/" + kind_id, {{"bsn", "999990019"}}), 400, "bsn");
  ExpectProblem(Admin("PATCH", "/api/v1/personen/" + kind_id, {{"overlijdensdatum", "2000-01-01"}}),
                422, "overlijdensdatum");

  r = Admin("POST", "/api/v1/burgers/tokens", {{"bsn", "123456782"}});
  ASSERT_EQ(r.status, 201) << r.body;
  std::string burger = BodyJson(r)["token"];
  ExpectProblem(Call("GET", "/api/v1/organisaties", nullptr, burger), 403);
  ExpectProblem(Admin("POST", "/api/v1/burgers/tokens", {{"bsn", "111222333"}}), 422, "bsn");
}

TEST_F(AdminApi, ToegangAndContracten) {
  auto r = Admin("PUT", "/api/v1/gemeenten/GM0363/toegang", {{"toegangsteam", "jeugdteam"}});
  ASSERT_EQ(r.status, 200) << r.body;
  r = Admin("PUT", "/api/v1/gemeenten/GM0363/toegang", {{"toegangsteam", "cjg"}});
  EXPECT_EQ(BodyJson(r)["toegangsteam"], "cjg");
  ExpectProblem(Admin("PUT", "/api/v1/gemeenten/GM0363/toegang", {{"toegangsteam", "politie"}}),
                400, "toegangsteam");
  ExpectProblem(Admin("PUT", "/api/v1/gemeenten/363/toegang", {{"toegangsteam", "cjg"}}), 400,
                "gemeentecode");

  std::string gi = CreateOrg("gecertificeerde-instelling");
  r = Admin("POST", "/api/v1/contracten",
            {{"gemeentecode", "GM0363"},
             {"aanbiederId", gi},
             {"productcategorieen", {"47", "48"}},
             {"geldigVanaf", "2025-01-01"}});
  ASSERT_EQ(r.status, 201) << r.body;
  std::string school = CreateOrg("school");
  ExpectProblem(Admin("POST", "/api/v1/contracten",
                      {{"gemeentecode", "GM0363"},
                       {"aanbiederId", school},
                       {"productcategorieen", {"45"}},
                       {"geldigVanaf", "2025-01-01"}}),
                422, "aanbiederId");
  ExpectProblem(Admin("POST", "/api/v1/contracten",
                      {{"gemeentecode", "GM0363"},
                       {"aanbiederId", gi},
                       {"productcategorieen", {"4"}},
                       {"geldigVanaf", "2025-01-01"}}),
                400, "productcategorieen[0]");
}

TEST_F(AdminApi, TransportLevelRefusals) {
  // 401: none, malformed, unknown.
  ExpectProblem(Call("GET", "/api/v1/organisaties", nullptr, ""), 401);
  auto r = client_->Request("GET", "/api/v1/organisaties", "", {{"Authorization", "Basic x"}});
  ExpectProblem(r, 401);
  EXPECT_EQ(r.Header("www-authenticate"), "Bearer");
  ExpectProblem(Call("GET", "/api/v1/organisaties", nullptr, std::string(64, 'a')), 401);
  // The scheme is case-insensitive (RFC 9110 11.1); the token itself is not.
  for (const char* scheme : {"bearer ", "BEARER ", "bEaReR  "}) {
    r = client_->Request("GET", "/api/v1/organisaties", "",
                         {{"Authorization", scheme + server_->beheerder_token()}});
    EXPECT_EQ(r.status, 200) << scheme << r.body;
  }
  std::string upper = server_->beheerder_token();
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  ExpectProblem(
      client_->Request("GET", "/api/v1/organisaties", "", {{"Authorization", "Bearer " + upper}}),
      401);
  ExpectProblem(client_->Request("GET", "/api/v1/organisaties", "",
                                 {{"Authorization", "Bearer" + server_->beheerder_token()}}),
                401);
  // 400: malformed JSON, not an object, wrong type, unknown field, deep nesting.
  HeaderList h = {{"Content-Type", "application/json"},
                  {"Authorization", "Bearer " + server_->beheerder_token()}};
  ExpectProblem(client_->Request("POST", "/api/v1/organisaties", "{\"naam\":", h), 400, "body");
  ExpectProblem(client_->Request("POST", "/api/v1/organisaties", "[1,2]", h), 400, "body");
  ExpectProblem(client_->Request("POST", "/api/v1/organisaties", std::string(1000, '['), h), 400,
                "body");
  ExpectProblem(Admin("POST", "/api/v1/organisaties",
                      {{"naam", 5}, {"soort", "school"}, {"gemeentecode", "GM0363"}}),
                400, "naam");
  ExpectProblem(
      Admin("POST", "/api/v1/organisaties",
            {{"naam", "A"}, {"soort", "school"}, {"gemeentecode", "GM0363"}, {"reden", "zorgen"}}),
      400, "reden");
  // 415: not JSON.
  ExpectProblem(client_->Request("POST", "/api/v1/organisaties", "naam=A",
                                 {{"Content-Type", "application/x-www-form-urlencoded"},
                                  {"Authorization", "Bearer " + server_->beheerder_token()}}),
                415);
  // 413: over 1 MiB.
  std::string big = "{\"naam\":\"" + std::string((1 << 20) + 10, 'a') + "\"}";
  ExpectProblem(client_->Request("POST", "/api/v1/organisaties", big, h), 413);
  // 404 and 405.
  client_ = std::make_unique<HttpClient>(server_->port());
  ExpectProblem(Admin("GET", "/api/v1/bestaat-niet", nullptr), 404);
  ExpectProblem(Admin("DELETE", "/api/v1/organisaties", nullptr), 405);
}

TEST_F(AdminApi, HealthOpenApiAndMetrics) {
  auto r = client_->Request("GET", "/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(BodyJson(r), json({{"status", "ok"}}));
  for (const char* header : {"api-version", "cache-control", "x-content-type-options",
                             "x-frame-options", "content-security-policy", "traceparent"}) {
    EXPECT_FALSE(r.Header(header).empty()) << header;
  }
  r = client_->Request("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  json doc = BodyJson(r);
  auto [code, printed] = ServerProcess::Run({"openapi"});
  EXPECT_EQ(code, 0);
  EXPECT_EQ(doc, json::parse(printed)) << "served and printed documents differ";
  for (const char* path :
       {"/organisaties", "/organisaties/{id}/convenanten", "/medewerkers",
        "/medewerkers/{id}/tokens", "/personen", "/personen/{id}", "/personen/{id}/gezagsrelaties",
        "/burgers/tokens", "/gemeenten/{gemeentecode}/toegang", "/contracten", "/health",
        "/metrics"}) {
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
  }
  r = client_->Request("GET", "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("jeugdhulp_http_requests_total"), std::string::npos);
  EXPECT_NE(r.body.find("route=\"/health\""), std::string::npos);
}

// Every server of this suite runs with the smallest cache (ServerProcess); below it serve
// refuses before opening anything.
TEST(ServeCli, CacheBelowEightMibIsRefused) {
  auto r = ServerProcess::RunWithInput({"serve", "--data", "/nonexistent", "--cache-mib", "7"});
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("--cache-mib"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace jh::testing
