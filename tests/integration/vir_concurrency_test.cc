// VIR-06 under concurrency: many melders registering the same youth at the same moment (each
// of them twice) produce exactly one registration per melder and each signal exactly once —
// every melder hears of every other melder once, the regie once per new registration.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <map>
#include <set>
#include <thread>

#include "support/server_process.h"

namespace jh::testing {
namespace {

using nlohmann::json;

constexpr int kMelders = 24;

std::string Must(HttpClient& c, const std::string& path, const json& body, const std::string& token,
                 const char* field) {
  auto r = JsonRequest(c, "POST", path, body, token);
  EXPECT_EQ(r.status, 201) << path << ": " << r.body;
  return BodyJson(r).value(field, "");
}

TEST(VirConcurrency, SimultaneousRegistrationsGiveEachSignalOnce) {
  auto server = ServerProcess::Start({.today = "2026-06-01"});
  ASSERT_NE(server, nullptr);
  HttpClient admin(server->port());
  const std::string& b = server->beheerder_token();
  std::string org = Must(
      admin, "/api/v1/organisaties",
      {{"naam", "Praktijk"}, {"soort", "huisartsenpraktijk"}, {"gemeentecode", "GM0363"}}, b, "id");
  Must(admin, "/api/v1/organisaties/" + org + "/convenanten",
       {{"gemeentecode", "GM0363"}, {"geldigVanaf", "2025-01-01"}}, b, "id");
  std::string gemeente =
      Must(admin, "/api/v1/organisaties",
           {{"naam", "Gemeente"}, {"soort", "gemeente"}, {"gemeentecode", "GM0363"}}, b, "id");
  std::string regie_id = Must(admin, "/api/v1/medewerkers",
                              {{"organisatieId", gemeente},
                               {"naam", "Regie"},
                               {"rol", "regievoerder"},
                               {"telefoon", "020 000 0000"},
                               {"email", "r@g.example"},
                               {"meldingsbevoegd", false}},
                              b, "id");
  std::string regie =
      Must(admin, "/api/v1/medewerkers/" + regie_id + "/tokens", json::object(), b, "token");
  std::vector<std::string> tokens;
  for (int i = 0; i < kMelders; ++i) {
    std::string id = Must(admin, "/api/v1/medewerkers",
                          {{"organisatieId", org},
                           {"naam", "Melder " + std::to_string(i)},
                           {"rol", "huisarts"},
                           {"telefoon", "020 000 0000"},
                           {"email", "m@p.example"},
                           {"meldingsbevoegd", true}},
                          b, "id");
    tokens.push_back(
        Must(admin, "/api/v1/medewerkers/" + id + "/tokens", json::object(), b, "token"));
  }
  Must(admin, "/api/v1/personen",
       {{"bsn", "999910012"},
        {"voornamen", "K"},
        {"geslachtsnaam", "J"},
        {"geboortedatum", "2016-03-10"},
        {"geslacht", "M"},
        {"gemeentecode", "GM0363"},
        {"adres", {{"postcode", "1011AB"}, {"huisnummer", 1}}}},
       b, "id");

  // Every melder twice, all at once.
  std::latch start(2 * kMelders);
  std::atomic<int> created{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 2 * kMelders; ++i) {
    threads.emplace_back([&, i] {
      HttpClient c(server->port(), std::chrono::seconds(30));
      start.arrive_and_wait();
      auto r =
          JsonRequest(c, "POST", "/api/v1/verwijsindex/meldingen",
                      {{"bsn", "999910012"}, {"redelijkVermoeden", true}}, tokens[i % kMelders]);
      (r.status == 201 ? created : r.status == 409 ? conflicts : other)++;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created, kMelders);
  EXPECT_EQ(conflicts, kMelders);
  EXPECT_EQ(other, 0);

  // Each melder heard of each other melder exactly once.
  for (int i = 0; i < kMelders; ++i) {
    auto r = JsonRequest(admin, "GET", "/api/v1/verwijsindex/signalen?paginaGrootte=100", json(),
                         tokens[i]);
    ASSERT_EQ(r.status, 200) << r.body;
    std::map<std::string, int> heard;
    const json body = BodyJson(r);  // not a temporary: the loop below refers into it
    for (const auto& s : body["resultaten"]) {
      for (const auto& p : s["betrokkenen"]) heard[p["naam"].get<std::string>()]++;
    }
    EXPECT_EQ(heard.size(), static_cast<size_t>(kMelders - 1)) << "melder " << i;
    for (const auto& [naam, n] : heard) EXPECT_EQ(n, 1) << naam << " for melder " << i;
    EXPECT_EQ(heard.count("Melder " + std::to_string(i)), 0u);
  }
  auto r =
      JsonRequest(admin, "GET", "/api/v1/verwijsindex/signalen?paginaGrootte=100", json(), regie);
  EXPECT_EQ(BodyJson(r)["totaal"], kMelders - 1);

  EXPECT_EQ(server->Stop(), 0);
  auto [code, out] = ServerProcess::Run({"audit", "verify", "--data", server->data_dir().string()});
  EXPECT_EQ(code, 0) << out;
}

}  // namespace
}  // namespace jh::testing
