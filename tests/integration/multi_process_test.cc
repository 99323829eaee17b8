// Many server processes on one PostgreSQL database (issue "PostgreSQL and many server
// processes"): two `serve` processes take more than 1000 concurrent, conflicting writes —
// the same person created on both, the same youths registered by many melders on both at
// once, the same tokens used on both — and the end state is what one process would produce
// serially: no duplicates, every acknowledged write and its log record present, each signal
// once, both chains intact. Correctness comes from constraints and transactions only.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <latch>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "support/server_process.h"
#include "support/sqlite_peek.h"
#include "support/test_bsns.h"

namespace jh::testing {
namespace {

using nlohmann::json;

constexpr int kProcesMelders = 20;
constexpr int kJeugdigen = 10;
constexpr int kPersonen = 200;

// Each person at an address of his own, so that only same-youth matches arise (VIR-06).
json ProcesPersoon(const std::string& bsn) {
  return {{"bsn", bsn},
          {"voornamen", "M"},
          {"geslachtsnaam", "P"},
          {"geboortedatum", "2014-01-01"},
          {"geslacht", "V"},
          {"gemeentecode", "GM0363"},
          {"adres", {{"postcode", "1011AB"}, {"huisnummer", std::stoi(bsn.substr(4))}}}};
}

TEST(MultiProcess, ConflictingWritesOnTwoProcessesEndAsIfSerial) {
  if (!ServerProcess::OnPostgres()) {
    GTEST_SKIP() << "many processes share a PostgreSQL database; SQLite has one server per file "
                    "(scripts/test-pg runs this)";
  }
  auto a = ServerProcess::Start({.today = "2026-06-01"});
  ASSERT_NE(a, nullptr);
  auto b = a->Sibling();
  ASSERT_NE(b, nullptr);
  HttpClient admin(a->port());
  const std::string& beheer = a->beheerder_token();
  auto must = [&](const std::string& path, const json& body, const char* field) {
    auto r = JsonRequest(admin, "POST", path, body, beheer);
    EXPECT_EQ(r.status, 201) << path << ": " << r.body;
    return BodyJson(r).value(field, "");
  };
  const std::string org = must(
      "/api/v1/organisaties",
      {{"naam", "Praktijk"}, {"soort", "huisartsenpraktijk"}, {"gemeentecode", "GM0363"}}, "id");
  must("/api/v1/organisaties/" + org + "/convenanten",
       {{"gemeentecode", "GM0363"}, {"geldigVanaf", "2025-01-01"}}, "id");
  std::vector<std::string> melders;
  for (int i = 0; i < kProcesMelders; ++i) {
    const std::string id = must("/api/v1/medewerkers",
                                {{"organisatieId", org},
                                 {"naam", "Melder " + std::to_string(i)},
                                 {"rol", "huisarts"},
                                 {"telefoon", "020 000 0000"},
                                 {"email", "m@p.example"},
                                 {"meldingsbevoegd", true}},
                                "id");
    melders.push_back(must("/api/v1/medewerkers/" + id + "/tokens", json::object(), "token"));
  }
  const auto jeugdigen = ValidBsns(999920000, kJeugdigen);
  for (const auto& bsn : jeugdigen) must("/api/v1/personen", ProcesPersoon(bsn), "id");
  const auto nieuw = ValidBsns(999930000, kPersonen);

  // The work: every request goes to both processes at once.
  struct Job {
    uint16_t port;
    std::string method, path, token;
    json body;
    std::string kind;
  };
  std::vector<Job> jobs;
  for (uint16_t port : {a->port(), b->port()}) {
    for (const auto& bsn : nieuw) {
      jobs.push_back({port, "POST", "/api/v1/personen", beheer, ProcesPersoon(bsn), "persoon"});
    }
    for (const auto& bsn : jeugdigen) {
      for (const auto& t : melders) {
        jobs.push_back({port,
                        "POST",
                        "/api/v1/verwijsindex/meldingen",
                        t,
                        {{"bsn", bsn}, {"redelijkVermoeden", true}},
                        "melding"});
      }
    }
    for (int i = 0; i < 120; ++i) {  // the same tokens, read on both
      jobs.push_back({port, "GET", "/api/v1/verwijsindex/meldingen", melders[i % kProcesMelders],
                      json(), "lezen"});
    }
  }
  ASSERT_GE(jobs.size(), 1000u);
  std::mt19937 rng(7);
  std::shuffle(jobs.begin(), jobs.end(), rng);

  std::atomic<size_t> next{0};
  std::mutex mu;
  std::map<std::string, std::map<int, int>> statuses;  // kind → status → count
  constexpr int kThreads = 32;
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      std::map<uint16_t, std::unique_ptr<HttpClient>> clients;
      start.arrive_and_wait();
      for (size_t i = next++; i < jobs.size(); i = next++) {
        const Job& j = jobs[i];
        auto& c = clients[j.port];
        if (!c) c = std::make_unique<HttpClient>(j.port, std::chrono::seconds(60));
        auto r = JsonRequest(*c, j.method, j.path, j.body, j.token);
        std::lock_guard lock(mu);
        statuses[j.kind][r.status]++;
      }
    });
  }
  for (auto& t : threads) t.join();

  // Serially: each person once (the other attempt 409), each (melder, youth) once, reads fine.
  EXPECT_EQ(statuses["persoon"][201], kPersonen);
  EXPECT_EQ(statuses["persoon"][409], kPersonen);
  EXPECT_EQ(statuses["melding"][201], kProcesMelders * kJeugdigen);
  EXPECT_EQ(statuses["melding"][409], kProcesMelders * kJeugdigen);
  EXPECT_EQ(statuses["lezen"][200], 240);
  for (const auto& [kind, by] : statuses) {
    for (const auto& [status, n] : by) {
      EXPECT_TRUE(status == 200 || status == 201 || status == 409)
          << kind << " " << status << " × " << n;
    }
  }
  // Every melder heard of every other melder once per youth, through either process.
  HttpClient via_b(b->port());
  for (int i = 0; i < kProcesMelders; ++i) {
    std::map<std::string, int> heard;
    for (int pagina = 1;; ++pagina) {
      auto r = JsonRequest(
          via_b, "GET",
          "/api/v1/verwijsindex/signalen?paginaGrootte=100&pagina=" + std::to_string(pagina),
          json(), melders[i]);
      const json body = BodyJson(r);
      for (const auto& s : body["resultaten"]) {
        for (const auto& p : s["betrokkenen"]) heard[p["naam"].get<std::string>()]++;
      }
      if (body["resultaten"].empty() || pagina * 100 >= body["totaal"].get<int>()) break;
    }
    EXPECT_EQ(heard.size(), static_cast<size_t>(kProcesMelders - 1)) << "melder " << i;
    for (const auto& [naam, n] : heard) EXPECT_EQ(n, kJeugdigen) << naam << " for melder " << i;
  }
  ASSERT_EQ(b->Stop(), 0);
  ASSERT_EQ(a->Stop(), 0);
  // No acknowledged write without its processing record.
  auto rows = Peek(a->data_dir() / "jeugdhulp.db",
                   "SELECT COUNT(*) FROM verwerkingen WHERE name = 'melding in de verwijsindex'");
  EXPECT_EQ(rows.at(0).at(0), std::to_string(kProcesMelders * kJeugdigen));
  rows = Peek(a->data_dir() / "jeugdhulp.db",
              "SELECT COUNT(*) FROM verwerkingen WHERE name = 'persoon registreren'");
  EXPECT_EQ(rows.at(0).at(0), std::to_string(kPersonen + kJeugdigen));
  auto [code, out] = ServerProcess::Run({"audit", "verify", "--data", a->data_dir().string()});
  EXPECT_EQ(code, 0) << out;
  // Each process appended to a lane of its own (audit/chain.h), so neither waited for the
  // other's appends.
  EXPECT_NE(out.find("verwerkingen records="), std::string::npos) << out;
  EXPECT_NE(out.find("lanes=2"), std::string::npos) << out;
}

}  // namespace
}  // namespace jh::testing
