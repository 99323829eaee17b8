// The AuthZEN evaluation API over real HTTP: every answer, allowing or refusing, is an
// authorisation decision in the decision log (ADL), with the rule that gave it — like the
// decisions of the endpoints themselves. (Allow and deny per action, next to the real
// endpoint, are in the scenarios authzen_*.scn.)
#include <gtest/gtest.h>

#include "support/server_process.h"
#include "support/sqlite_peek.h"

namespace jh::testing {
namespace {

using nlohmann::json;

class AuthZen : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start();
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
  }
  HttpResponse Admin(std::string_view method, std::string_view target, const json& body) {
    return client_->Request(method, target, body.dump(),
                            {{"Content-Type", "application/json"},
                             {"Authorization", "Bearer " + server_->beheerder_token()}});
  }
  // A medewerker with this role in a new organisation of this kind; returns his id.
  std::string Medewerker(const std::string& soort, const std::string& rol) {
    auto r = Admin("POST", "/api/v1/organisaties",
                   {{"naam", "Org " + rol}, {"soort", soort}, {"gemeentecode", "GM0363"}});
    EXPECT_EQ(r.status, 201) << r.body;
    r = Admin("POST", "/api/v1/medewerkers",
              {{"organisatieId", BodyJson(r).value("id", "")},
               {"naam", "Mw " + rol},
               {"rol", rol},
               {"telefoon", "020 555 1234"},
               {"email", "mw@org.example"},
               {"meldingsbevoegd", false}});
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", "");
  }
  std::vector<std::vector<std::string>> Besluiten(const HttpResponse& r) {
    return Peek(server_->data_dir() / "jeugdhulp.db",
                "SELECT decision, action, resource_type, rule, ground FROM besluiten "
                "WHERE trace_id = '" +
                    r.Header("traceparent").substr(3, 32) +
                    "' AND action LIKE 'evaluate:%' "
                    "ORDER BY seq");
  }
  static json Verwijzen(const std::string& subject) {
    return {{"subject", {{"type", "medewerker"}, {"id", subject}}},
            {"action", {{"name", "jw.verwijzen"}}},
            {"resource", {{"type", "jeugdige"}}}};
  }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

TEST_F(AuthZen, EveryAnswerAllowOrDenyIsInTheDecisionLog) {
  const std::string huisarts = Medewerker("huisartsenpraktijk", "huisarts");
  const std::string leerkracht = Medewerker("school", "leerkracht");
  auto r = Admin("POST", "/access/v1/evaluation", Verwijzen(huisarts));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["decision"], true);
  EXPECT_EQ(Besluiten(r),
            (std::vector<std::vector<std::string>>{
                {"allow", "evaluate:jw.verwijzen", "jeugdige", "JW-02", "Jw 2.6(1)(e)"}}));
  r = Admin("POST", "/access/v1/evaluations",
            {{"evaluations", json::array({Verwijzen(leerkracht), Verwijzen(huisarts)})}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["evaluations"][0]["decision"], false);
  EXPECT_EQ(BodyJson(r)["evaluations"][0]["context"]["regel"], "JW-02");
  EXPECT_EQ(BodyJson(r)["evaluations"][1]["decision"], true);
  auto rows = Besluiten(r);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "deny");
  EXPECT_EQ(rows[1][0], "allow");
}

TEST_F(AuthZen, UnknownActionIs400NamingTheAction) {
  json body = Verwijzen(Medewerker("huisartsenpraktijk", "huisarts"));
  body["action"]["name"] = "jw.alles";
  auto r = Admin("POST", "/access/v1/evaluation", body);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(BodyJson(r)["invalidParams"][0]["name"], "action.name");
}

}  // namespace
}  // namespace jh::testing
