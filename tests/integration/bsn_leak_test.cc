// BSN-02: a registered BSN (and the names that go with it) appears nowhere in the data
// directory (database, WAL, keys) nor in anything the server printed — also when requests
// carrying it are refused.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/server_process.h"

namespace jh::testing {
namespace {

using nlohmann::json;

std::vector<std::string> FilesContaining(const std::filesystem::path& dir,
                                         const std::string& needle) {
  std::vector<std::string> hits;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (ss.str().find(needle) != std::string::npos) hits.push_back(entry.path().string());
  }
  return hits;
}

TEST(Bsn02, NoPlaintextBsnOrNameInDataDirOrOutput) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  const std::string token = server->beheerder_token();
  const std::vector<std::string> bsns = {"999990019", "111222333", "123456782"};
  for (const auto& bsn : bsns) {
    auto r = JsonRequest(client, "POST", "/api/v1/personen",
                         {{"bsn", bsn},
                          {"voornamen", "Zwaluwstaart"},
                          {"geslachtsnaam", "Kwikstaartje"},
                          {"geboortedatum", "2012-03-04"},
                          {"geslacht", "V"},
                          {"gemeentecode", "GM0363"},
                          {"adres", {{"postcode", "1234AB"}, {"huisnummer", 9}}}},
                         token);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.body.find(bsn), std::string::npos);
    // Refused requests carrying the BSN: duplicate, unknown field, burger token.
    r = JsonRequest(client, "POST", "/api/v1/personen", {{"bsn", bsn}, {"x", 1}}, token);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body.find(bsn), std::string::npos) << r.body;
    r = JsonRequest(client, "POST", "/api/v1/burgers/tokens", {{"bsn", bsn}}, token);
    EXPECT_EQ(r.status, 201);
  }
  // An invalid BSN is not echoed either.
  auto r = JsonRequest(client, "POST", "/api/v1/burgers/tokens", {{"bsn", "123456789"}}, token);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body.find("123456789"), std::string::npos);
  // A BSN typed where an id or a method belongs: refused, and neither the hash-chained
  // decision log (which cannot be shredded) nor the access log keeps it.
  r = client.Request("GET", "/api/v1/personen/" + bsns[0], {},
                     {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(r.body.find(bsns[0]), std::string::npos) << r.body;
  r = client.Request("GET", "/api/v1/verwerkingsactiviteiten/" + bsns[1], {},
                     {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(r.status, 404) << r.body;
  r = client.Request(bsns[2], "/api/v1/personen", {}, {{"Authorization", "Bearer " + token}});
  EXPECT_GE(r.status, 400) << r.body;

  std::string output = server->Output();
  EXPECT_EQ(server->Stop(), 0);
  output += server->Output();
  for (const auto& needle : std::vector<std::string>{bsns[0], bsns[1], bsns[2], "123456789",
                                                     "Zwaluwstaart", "Kwikstaartje"}) {
    EXPECT_TRUE(FilesContaining(server->data_dir(), needle).empty())
        << needle << " found in " << FilesContaining(server->data_dir(), needle)[0];
    EXPECT_EQ(output.find(needle), std::string::npos) << needle << " in server output";
  }
  EXPECT_NE(output.find("\"event\":\"request\""), std::string::npos) << "no access log at all?";
  // The log is JSON lines: every line the server wrote to stderr parses.
  std::istringstream lines(output);
  int parsed = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("LISTENING=", 0) == 0) continue;
    EXPECT_FALSE(json::parse(line, nullptr, false).is_discarded()) << line;
    ++parsed;
  }
  EXPECT_GT(parsed, 3);
}

}  // namespace
}  // namespace jh::testing
