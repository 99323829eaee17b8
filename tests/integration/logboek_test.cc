// Accountability over real HTTP: every processing of personal data lands in the processing
// log (LDV form) with the caller's trace; every authorisation decision, allow and deny, in
// the decision log (ADL form); a citizen reads his own log in plain language and nobody
// else's; the beheerder searches it; the register is public. Erasure (AVG-04) destroys the
// person's key and leaves the log intact.
#include <gtest/gtest.h>

#include "support/server_process.h"
#include "support/sqlite_peek.h"

namespace jh::testing {
namespace {

using nlohmann::json;

constexpr const char* kTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr const char* kParentSpan = "00f067aa0ba902b7";

class Logboek : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start();
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
  }
  HttpResponse Admin(std::string_view method, std::string_view target, const json& body,
                     HeaderList extra = {}) {
    HeaderList h = {{"Content-Type", "application/json"},
                    {"Authorization", "Bearer " + server_->beheerder_token()}};
    h.insert(h.end(), extra.begin(), extra.end());
    return client_->Request(method, target, body.is_null() ? "" : body.dump(), h);
  }
  std::string CreatePerson(const std::string& bsn, const std::string& naam, HeaderList extra = {}) {
    auto r = Admin("POST", "/api/v1/personen",
                   {{"bsn", bsn},
                    {"voornamen", naam},
                    {"geslachtsnaam", "Test"},
                    {"geboortedatum", "2011-02-03"},
                    {"geslacht", "V"},
                    {"gemeentecode", "GM0363"},
                    {"adres", {{"postcode", "1234AB"}, {"huisnummer", 1}}}},
                   extra);
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", "");
  }
  std::string BurgerToken(const std::string& bsn) {
    auto r = Admin("POST", "/api/v1/burgers/tokens", {{"bsn", bsn}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("token", "");
  }
  std::filesystem::path Db() const { return server_->data_dir() / "jeugdhulp.db"; }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

TEST_F(Logboek, ProcessingRecordCarriesTraceActivityAndPseudonymNeverTheBsn) {
  std::string traceparent = std::string("00-") + kTrace + "-" + kParentSpan + "-01";
  std::string id = CreatePerson("999990019", "Anna", {{"traceparent", traceparent}});
  auto rows = Peek(Db(), std::string("SELECT name, parent_span_id, activity_id, subject_id, "
                                     "subject_id_type, status_code, resource_name FROM "
                                     "verwerkingen WHERE trace_id = '") +
                             kTrace + "'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "persoon registreren");
  EXPECT_EQ(rows[0][1].size(), 16u);  // the server's span under the caller's
  EXPECT_EQ(rows[0][2], "https://jeugdhulp.example/api/v1/verwerkingsactiviteiten/brp-beheer");
  EXPECT_EQ(rows[0][3].size(), 64u);  // a pseudonym
  EXPECT_EQ(rows[0][3].find("999990019"), std::string::npos);
  EXPECT_NE(rows[0][3], id);  // not even the internal id
  EXPECT_EQ(rows[0][4], "pseudoniem-persoon");
  EXPECT_EQ(rows[0][5], "1");
  EXPECT_EQ(rows[0][6], "jeugdhulp");
  // The register entry it points to exists.
  auto r = client_->Request("GET", "/api/v1/verwerkingsactiviteiten/brp-beheer");
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(BodyJson(r)["grondslag"].get<std::string>().empty());
  EXPECT_EQ(client_->Request("GET", "/api/v1/verwerkingsactiviteiten/bestaat-niet").status, 404);
  EXPECT_GE(
      BodyJson(client_->Request("GET", "/api/v1/verwerkingsactiviteiten"))["resultaten"].size(),
      4u);
}

TEST_F(Logboek, EveryDecisionAllowAndDenyIsInTheDecisionLog) {
  std::string id = CreatePerson("999990019", "Anna");
  std::string burger = BurgerToken("999990019");
  // Deny: a burger may not search the log, nor read persons.
  auto r = client_->Request(
      "POST", "/api/v1/logboek/_zoeken", "{}",
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + burger}});
  EXPECT_EQ(r.status, 403);
  std::string deny_trace = r.Header("traceparent").substr(3, 32);
  auto rows = Peek(Db(),
                   "SELECT decision, subject_kind, action, resource_type, ruleset_version "
                   "FROM besluiten WHERE trace_id = '" +
                       deny_trace + "'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "deny");
  EXPECT_EQ(rows[0][1], "burger");
  EXPECT_EQ(rows[0][2], "zoekLogboek");
  EXPECT_EQ(rows[0][3], "logboek");
  EXPECT_FALSE(rows[0][4].empty());
  // Allow: the beheerder reads the person.
  r = Admin("GET", "/api/v1/personen/" + id, nullptr);
  ASSERT_EQ(r.status, 200);
  std::string allow_trace = r.Header("traceparent").substr(3, 32);
  rows = Peek(Db(),
              "SELECT decision, subject_kind, subject_rol, resource_id FROM besluiten "
              "WHERE trace_id = '" +
                  allow_trace + "'");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"allow", "medewerker", "beheerder", id}));
  // ... and the read itself is a processing.
  EXPECT_EQ(Peek(Db(), "SELECT name FROM verwerkingen WHERE trace_id = '" + allow_trace + "'"),
            (std::vector<std::vector<std::string>>{{"persoon inzien"}}));
  // A public request decides nothing.
  r = client_->Request("GET", "/health");
  EXPECT_TRUE(Peek(Db(), "SELECT 1 FROM besluiten WHERE trace_id = '" +
                             r.Header("traceparent").substr(3, 32) + "'")
                  .empty());
}

TEST_F(Logboek, CitizenReadsOnlyHisOwnLogInPlainLanguage) {
  CreatePerson("999990019", "Anna");
  std::string bram = CreatePerson("111222333", "Bram");
  Admin("GET", "/api/v1/personen/" + bram, nullptr);
  std::string anna = BurgerToken("999990019");
  auto r =
      client_->Request("GET", "/api/v1/mijn/logboek", "", {{"Authorization", "Bearer " + anna}});
  ASSERT_EQ(r.status, 200) << r.body;
  json page = BodyJson(r);
  ASSERT_EQ(page["totaal"], 2);  // registered, token issued; nothing of Bram's
  std::vector<std::string> wat;
  for (const auto& item : page["resultaten"]) {
    wat.push_back(item["wat"]);
    EXPECT_EQ(item["wie"], "Beheer (beheerder)");
    EXPECT_FALSE(item["waarom"].get<std::string>().empty());
  }
  EXPECT_EQ(wat, (std::vector<std::string>{"Er is een inlogcode voor u gemaakt.",
                                           "Uw gegevens zijn vastgelegd."}));
  // Reading it was logged, and shows the next time, as done by herself.
  r = client_->Request("GET", "/api/v1/mijn/logboek?paginaGrootte=1", "",
                       {{"Authorization", "Bearer " + anna}});
  page = BodyJson(r);
  EXPECT_EQ(page["totaal"], 3);
  EXPECT_EQ(page["resultaten"][0]["wie"], "uzelf");
  // A medewerker token is refused.
  EXPECT_EQ(Admin("GET", "/api/v1/mijn/logboek", nullptr).status, 403);
  EXPECT_EQ(client_->Request("GET", "/api/v1/mijn/logboek").status, 401);
}

TEST_F(Logboek, BeheerderSearchesByBsnTraceAndPeriod) {
  std::string traceparent = std::string("00-") + kTrace + "-" + kParentSpan + "-01";
  CreatePerson("999990019", "Anna", {{"traceparent", traceparent}});
  CreatePerson("111222333", "Bram");
  auto r = Admin("POST", "/api/v1/logboek/_zoeken", {{"betrokkeneBsn", "999990019"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json page = BodyJson(r);
  ASSERT_EQ(page["totaal"], 1);
  json rec = page["resultaten"][0];
  EXPECT_EQ(rec["traceId"], kTrace);
  EXPECT_EQ(rec["statusCode"], "STATUS_CODE_OK");
  EXPECT_TRUE(rec["attributes"].contains("dpl.core.processing_activity_id"));
  EXPECT_EQ(r.body.find("999990019"), std::string::npos);

  r = Admin("POST", "/api/v1/logboek/_zoeken", {{"traceId", kTrace}});
  EXPECT_EQ(BodyJson(r)["totaal"], 1);
  r = Admin("POST", "/api/v1/logboek/_zoeken", {{"van", "2000-01-01"}, {"tot", "2000-12-31"}});
  EXPECT_EQ(BodyJson(r)["totaal"], 0);
  r = Admin("POST", "/api/v1/logboek/_zoeken", {{"betrokkeneBsn", "123456782"}});
  EXPECT_EQ(BodyJson(r)["totaal"], 0);  // unknown person: nothing
  EXPECT_EQ(Admin("POST", "/api/v1/logboek/_zoeken", {{"betrokkeneBsn", "123456789"}}).status, 400);
  EXPECT_EQ(Admin("POST", "/api/v1/logboek/_zoeken", {{"traceId", "XYZ"}}).status, 400);
  EXPECT_EQ(Admin("POST", "/api/v1/logboek/_zoeken", {{"van", "2026-02-01"}, {"tot", "2026-01-01"}})
                .status,
            422);
  // The search about Anna is itself logged, as a processing of her data.
  r = Admin("POST", "/api/v1/logboek/_zoeken", {{"betrokkeneBsn", "999990019"}});
  EXPECT_EQ(BodyJson(r)["totaal"], 2);
}

TEST_F(Logboek, Avg04ErasureDestroysTheKeyAndKeepsTheLog) {
  std::string anna = CreatePerson("999990019", "Anna");
  std::string ouder = CreatePerson("123456782", "Ouder");
  Admin("POST", "/api/v1/personen/" + anna + "/gezagsrelaties", {{"ouderId", ouder}});
  std::string burger = BurgerToken("999990019");
  auto before = Peek(Db(), "SELECT COUNT(*) FROM verwerkingen")[0][0];
  const std::string sealed = SealedKeyOf(Db(), anna);
  ASSERT_EQ(sealed.size(), 72u);  // nonce 24 + key 32 + tag 16

  auto r = Admin("DELETE", "/api/v1/personen/" + anna, nullptr);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(BodyJson(r)["vernietigdOp"].get<std::string>().empty());
  // The sealed key is in no file of the data directory any more: not in the table (zeroed by
  // secure_delete), not in old WAL frames (the WAL was checkpointed and truncated).
  EXPECT_EQ(FilesHolding(server_->data_dir(), sealed), std::vector<std::filesystem::path>{});
  EXPECT_EQ(Admin("DELETE", "/api/v1/personen/" + anna, nullptr).status, 409);
  EXPECT_EQ(Admin("GET", "/api/v1/personen/" + anna, nullptr).status, 404);
  // Her token no longer works; her BSN no longer finds anything.
  EXPECT_EQ(
      client_->Request("GET", "/api/v1/mijn/logboek", "", {{"Authorization", "Bearer " + burger}})
          .status,
      401);
  EXPECT_EQ(Admin("POST", "/api/v1/burgers/tokens", {{"bsn", "999990019"}}).status, 422);
  EXPECT_EQ(BodyJson(Admin("POST", "/api/v1/logboek/_zoeken",
                           {{"betrokkeneBsn", "999990019"}}))["totaal"],
            0);
  // The key is gone, every plaintext attribute and index cleared, the relation removed.
  EXPECT_EQ(Peek(Db(),
                 "SELECT sealed IS NULL, vernietigd_op IS NOT NULL FROM data_keys "
                 "WHERE owner_id = '" +
                     anna + "'"),
            (std::vector<std::vector<std::string>>{{"1", "1"}}));
  EXPECT_EQ(
      Peek(Db(),
           "SELECT bsn_index, bsn_enc, voornamen_enc, geboortedatum, adres_index "
           "FROM personen WHERE id = '" +
               anna + "'"),
      (std::vector<std::vector<std::string>>{{"<null>", "<null>", "<null>", "<null>", "<null>"}}));
  EXPECT_TRUE(Peek(Db(), "SELECT 1 FROM gezagsrelaties WHERE kind_id = '" + anna + "'").empty());
  // The log is intact: nothing removed, the erasure added.
  auto after = Peek(Db(), "SELECT COUNT(*) FROM verwerkingen")[0][0];
  EXPECT_GT(std::stoi(after), std::stoi(before));
  EXPECT_EQ(
      Peek(Db(), "SELECT COUNT(*) FROM verwerkingen WHERE name = 'persoon vernietigen'")[0][0],
      "1");
  // The other person is untouched.
  EXPECT_EQ(Admin("GET", "/api/v1/personen/" + ouder, nullptr).status, 200);
  // The chains still verify.
  EXPECT_EQ(server_->Stop(), 0);
  auto [code, out] =
      ServerProcess::Run({"audit", "verify", "--data", server_->data_dir().string()});
  EXPECT_EQ(code, 0) << out;
}

}  // namespace
}  // namespace jh::testing
