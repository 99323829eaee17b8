// Retention purges seen from the data directory (VT-08, JW-09): a Veilig Thuis case that
// serve destroys at start, twenty years after its last change, leaves its sealed key in no
// file — not in the table, not in an old page image in the database file or the WAL.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/server_process.h"
#include "support/sqlite_peek.h"

namespace jh::testing {
namespace {

using nlohmann::json;

std::string Created(HttpClient& client, const std::string& target, const json& body,
                    const std::string& token, const char* key = "id") {
  auto r = JsonRequest(client, "POST", target, body, token);
  EXPECT_EQ(r.status, 201) << target << ": " << r.body;
  return BodyJson(r).value(key, "");
}

TEST(Bewaring, Vt08PurgeLeavesTheDestroyedKeyInNoFile) {
  ServerProcess::Options options;
  options.today = "2026-06-01";
  auto server = ServerProcess::Start(options);
  ASSERT_NE(server, nullptr);
  const std::string& admin = server->beheerder_token();
  auto client = std::make_unique<HttpClient>(server->port());
  const std::string org = Created(
      *client, "/api/v1/organisaties",
      {{"naam", "Veilig Thuis"}, {"soort", "veilig-thuis"}, {"gemeentecode", "GM0363"}}, admin);
  const std::string mw = Created(*client, "/api/v1/medewerkers",
                                 {{"organisatieId", org},
                                  {"naam", "Vera Veilig"},
                                  {"rol", "vt-medewerker"},
                                  {"telefoon", "020 700 0001"},
                                  {"email", "vera@vt.example"},
                                  {"meldingsbevoegd", true}},
                                 admin);
  const std::string vt =
      Created(*client, "/api/v1/medewerkers/" + mw + "/tokens", json::object(), admin, "token");
  Created(*client, "/api/v1/personen",
          {{"bsn", "999990019"},
           {"voornamen", "Tom"},
           {"geslachtsnaam", "Test"},
           {"geboortedatum", "2012-02-03"},
           {"geslacht", "M"},
           {"gemeentecode", "GM0363"},
           {"adres", {{"postcode", "1234AB"}, {"huisnummer", 1}}}},
          admin);
  const std::string zaak =
      Created(*client, "/api/v1/veilig-thuis/zaken",
              {{"soort", "melding"},
               {"melder", {{"soort", "particulier"}, {"naam", "Bertha Buurvrouw"}}},
               {"betrokkenen", json::array({{{"bsn", "999990019"}, {"rol", "kind"}}})},
               {"grond", "redelijk-vermoeden"},
               {"omschrijving", "Een zin die alleen in deze zaak staat."}},
              vt);
  const std::filesystem::path db = server->data_dir() / "jeugdhulp.db";
  const std::string sealed = SealedKeyOf(db, zaak);
  ASSERT_EQ(sealed.size(), 72u);

  // Twenty years on, serve purges at start.
  ASSERT_EQ(server->Stop(), 0);
  server->SetToday("2046-06-01");
  ASSERT_TRUE(server->Restart());
  for (int waited = 0;
       server->Output().find("\"event\":\"purge\"") == std::string::npos && waited < 200;
       ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_NE(server->Output().find("\"vt_vernietigd\":1"), std::string::npos) << server->Output();
  EXPECT_EQ(Peek(db, "SELECT sealed IS NULL FROM data_keys WHERE owner_id = '" + zaak + "'"),
            (std::vector<std::vector<std::string>>{{"1"}}));
  // While the server runs: the WAL was checkpointed and truncated after the purge.
  EXPECT_EQ(FilesHolding(server->data_dir(), sealed), std::vector<std::filesystem::path>{});
}

}  // namespace
}  // namespace jh::testing
