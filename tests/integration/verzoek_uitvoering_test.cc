// A granted request carried out, seen from the outside: a Veilig Thuis destruction (VT-09)
// leaves the case's sealed key in no file of the data directory, the case unreadable, and
// both hash chains intact; a correction's history is on the printable inspection page,
// escaped.
#include <gtest/gtest.h>

#include "support/server_process.h"
#include "support/sqlite_peek.h"

namespace jh::testing {
namespace {

using nlohmann::json;

class VerzoekUitvoering : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start();
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
    admin_ = server_->beheerder_token();
  }
  HttpResponse Call(std::string_view method, std::string_view target, const std::string& token,
                    const json& body, const std::string& accept = "") {
    HeaderList h = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}};
    if (!accept.empty()) h.emplace_back("Accept", accept);
    return client_->Request(method, target, body.is_null() ? "" : body.dump(), h);
  }
  // POSTs and expects 201; the response's `key` member.
  std::string Created(std::string_view target, const std::string& token, const json& body,
                      const char* key = "id") {
    auto r = Call("POST", target, token, body);
    EXPECT_EQ(r.status, 201) << target << ": " << r.body;
    return BodyJson(r).value(key, "");
  }
  std::string Persoon(const std::string& bsn, const std::string& naam) {
    Created("/api/v1/personen", admin_,
            {{"bsn", bsn},
             {"voornamen", naam},
             {"geslachtsnaam", "Test"},
             {"geboortedatum", "2008-02-03"},
             {"geslacht", "M"},
             {"gemeentecode", "GM0363"},
             {"adres", {{"postcode", "1234AB"}, {"huisnummer", 1}}}});
    return Created("/api/v1/burgers/tokens", admin_, {{"bsn", bsn}}, "token");
  }
  std::string Besluit(const std::string& burger, const std::string& soort, const std::string& bsn,
                      const json& besluit) {
    const std::string id =
        Created("/api/v1/verzoeken", burger,
                {{"soort", soort}, {"context", "veilig-thuis"}, {"betrokkeneBsn", bsn}});
    Created("/api/v1/verzoeken/" + id + "/besluiten", admin_, besluit);
    return id;
  }
  std::filesystem::path Db() const { return server_->data_dir() / "jeugdhulp.db"; }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
  std::string admin_;
};

TEST_F(VerzoekUitvoering, Vt09DestructionShredsTheCaseKeyAndTheChainsVerify) {
  const std::string org =
      Created("/api/v1/organisaties", admin_,
              {{"naam", "Veilig Thuis"}, {"soort", "veilig-thuis"}, {"gemeentecode", "GM0363"}});
  const std::string mw = Created("/api/v1/medewerkers", admin_,
                                 {{"organisatieId", org},
                                  {"naam", "Vera Veilig"},
                                  {"rol", "vt-medewerker"},
                                  {"telefoon", "020 700 0001"},
                                  {"email", "vera@vt.example"},
                                  {"meldingsbevoegd", true}});
  const std::string vt =
      Created("/api/v1/medewerkers/" + mw + "/tokens", admin_, json::object(), "token");
  const std::string tom = Persoon("999990019", "Tom");
  const std::string zaak =
      Created("/api/v1/veilig-thuis/zaken", vt,
              {{"soort", "melding"},
               {"melder", {{"soort", "particulier"}, {"naam", "Bertha Buurvrouw"}}},
               {"betrokkenen", json::array({{{"bsn", "999990019"}, {"rol", "kind"}}})},
               {"grond", "redelijk-vermoeden"},
               {"omschrijving", "Een zin die alleen in deze zaak staat."}});
  ASSERT_EQ(
      Call("POST", "/api/v1/veilig-thuis/zaken/" + zaak + "/afsluiting", vt, json::object()).status,
      200);
  const std::string sealed = SealedKeyOf(Db(), zaak);
  ASSERT_EQ(sealed.size(), 72u);

  const std::string id = Created(
      "/api/v1/verzoeken", tom,
      {{"soort", "verwijdering"}, {"context", "veilig-thuis"}, {"betrokkeneBsn", "999990019"}});
  auto r = Call("POST", "/api/v1/verzoeken/" + id + "/besluiten", admin_,
                {{"besluit", "toegewezen"}, {"reden", "Vernietigd op verzoek."}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(BodyJson(r)["uitvoering"]["veiligThuisZakenVernietigd"], 1);

  // The case's key is in no file of the data directory (table zeroed, WAL truncated).
  EXPECT_EQ(FilesHolding(server_->data_dir(), sealed), std::vector<std::filesystem::path>{});
  EXPECT_EQ(Peek(Db(), "SELECT sealed IS NULL FROM data_keys WHERE owner_id = '" + zaak + "'"),
            (std::vector<std::vector<std::string>>{{"1"}}));
  EXPECT_EQ(Peek(Db(), "SELECT status, omschrijving_enc, melder_enc FROM vt_zaken WHERE id = '" +
                           zaak + "'"),
            (std::vector<std::vector<std::string>>{{"vernietigd", "<null>", "<null>"}}));
  EXPECT_TRUE(Peek(Db(), "SELECT 1 FROM vt_betrokkenen WHERE zaak_id = '" + zaak + "'").empty());
  EXPECT_EQ(Call("GET", "/api/v1/veilig-thuis/zaken/" + zaak, vt, nullptr).status, 404);
  // Nothing of the case in any response of the requester's inspection.
  const std::string inz =
      Besluit(tom, "inzage", "999990019", {{"besluit", "toegewezen"}, {"reden", "Inzage."}});
  r = Call("GET", "/api/v1/verzoeken/" + inz + "/inzage", tom, nullptr);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["gegevens"], json::array());
  EXPECT_EQ(r.body.find("Bertha"), std::string::npos);

  ASSERT_EQ(server_->Stop(), 0) << server_->Output();
  auto [code, out] =
      ServerProcess::Run({"audit", "verify", "--data", server_->data_dir().string()});
  EXPECT_EQ(code, 0) << out;
}

TEST_F(VerzoekUitvoering, CorrectionHistoryIsOnThePrintablePage) {
  const std::string tom = Persoon("999990019", "Tom");
  const std::string corr =
      Created("/api/v1/verzoeken", tom,
              {{"soort", "correctie"}, {"context", "jeugdhulp"}, {"betrokkeneBsn", "999990019"}});
  Created("/api/v1/verzoeken/" + corr + "/besluiten", admin_,
          {{"besluit", "toegewezen"},
           {"reden", "Volgens de akte."},
           {"correcties", json::array({{{"veld", "geslachtsnaam"}, {"waarde", "<O'Brien>"}}})}});
  const std::string inz =
      Created("/api/v1/verzoeken", tom,
              {{"soort", "inzage"}, {"context", "jeugdhulp"}, {"betrokkeneBsn", "999990019"}});
  Created("/api/v1/verzoeken/" + inz + "/besluiten", admin_,
          {{"besluit", "toegewezen"}, {"reden", "Inzage."}});
  auto r = Call("GET", "/api/v1/verzoeken/" + inz + "/inzage", tom, nullptr, "text/html");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Gecorrigeerde gegevens"), std::string::npos);
  EXPECT_NE(r.body.find("<td>geslachtsnaam</td><td>Test</td><td>&lt;O&#39;Brien&gt;</td>"),
            std::string::npos)
      << r.body;
  EXPECT_EQ(r.body.find("<O'Brien>"), std::string::npos);
  EXPECT_EQ(r.body.find("999990019"), std::string::npos);
}

}  // namespace
}  // namespace jh::testing
