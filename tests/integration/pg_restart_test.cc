// PostgreSQL restarted under load (issue "Proof under load, faults and hostile input"): a
// `serve --database` process takes a steady write and read load while its PostgreSQL is
// stopped for three seconds and started again — once orderly (fast shutdown), once as in a
// crash (immediate, recovery from the WAL). During each outage every request is answered —
// 503 problem+json, never a 500 and never a hang; every acknowledged (201) write is there
// afterwards with its processing record; both chains verify; and the same process serves
// again by itself.
//
// Needs control of the cluster: runs under scripts/pg-tmp (scripts/test-pg), which exports
// JH_TEST_PG_DATA and JH_TEST_PG_CTL; skips otherwise.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/server_process.h"
#include "support/sqlite_peek.h"
#include "support/test_bsns.h"

namespace jh::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

// Stops and starts the throw-away cluster of scripts/pg-tmp (as `postgres` when root: the
// server refuses to run as root). The destructor starts it again should a test fail while it
// is down, so that later tests still have their database.
class Cluster {
 public:
  static std::unique_ptr<Cluster> FromEnv() {
    const char* data = std::getenv("JH_TEST_PG_DATA");
    const char* ctl = std::getenv("JH_TEST_PG_CTL");
    if (data == nullptr || ctl == nullptr || *data == '\0' || *ctl == '\0') return nullptr;
    return std::unique_ptr<Cluster>(new Cluster(data, ctl));
  }
  ~Cluster() {
    if (down_) (void)Start();
  }
  // `mode` fast: sessions are terminated at once, as in an operator restart or failover;
  // immediate: the server quits without a shutdown checkpoint, as in a crash, and recovers
  // from its WAL when started.
  bool Stop(const std::string& mode) {
    down_ = Ctl("-m " + mode + " -w -t 30 stop");
    return down_;
  }
  bool Start() {
    const bool ok = Ctl("-l '" + data_ + "/../server.log' -w -t 60 start");
    if (ok) down_ = false;
    return ok;
  }

 private:
  Cluster(std::string data, std::string ctl) : data_(std::move(data)), ctl_(std::move(ctl)) {}
  bool Ctl(const std::string& args) const {
    const std::string as = geteuid() == 0 ? "runuser -u postgres -- " : "";
    const std::string cmd = as + "'" + ctl_ + "' -D '" + data_ + "' " + args + " >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
  }
  std::string data_;
  std::string ctl_;
  bool down_ = false;
};

json HerstartPersoon(const std::string& bsn) {
  return {{"bsn", bsn},
          {"voornamen", "Sam"},
          {"geslachtsnaam", "Herstart"},
          {"geboortedatum", "2014-01-01"},
          {"geslacht", "O"},
          {"gemeentecode", "GM0363"},
          {"adres", {{"postcode", "1011AB"}, {"huisnummer", std::stoi(bsn.substr(4))}}}};
}

struct Outcome {
  std::string bsn;  // a write's person; "" for a read
  int status = 0;
  std::string id;      // on 201
  std::string detail;  // on anything else
  SteadyClock::duration took{};
  bool read = false;
};

TEST(PgRestart, OutageIs503NothingAcknowledgedIsLostServiceResumes) {
  if (!ServerProcess::OnPostgres()) GTEST_SKIP() << "needs PostgreSQL (scripts/test-pg)";
  std::unique_ptr<Cluster> cluster = Cluster::FromEnv();
  if (!cluster) {
    GTEST_SKIP() << "JH_TEST_PG_DATA/JH_TEST_PG_CTL not set: the cluster cannot be restarted "
                    "(scripts/pg-tmp sets them)";
  }
  auto server = ServerProcess::Start({.today = "2026-06-01"});
  ASSERT_NE(server, nullptr);
  const std::string token = server->beheerder_token();

  // Four writers (each request a new person: one durable write with its log records) and
  // one reader (the organisations list).
  constexpr int kWriters = 4;
  const std::vector<std::string> bsns = ValidBsns(999950000, 6000);
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged{0};
  std::mutex mu;
  std::vector<Outcome> outcomes;
  auto record = [&](Outcome o, const HttpResponse& r, SteadyClock::time_point start) {
    o.took = SteadyClock::now() - start;
    o.status = r.status;
    if (r.status / 100 != 2)
      o.detail = r.status == 0 ? r.error : r.Header("content-type") + " " + r.body;
    std::lock_guard lock(mu);
    outcomes.push_back(std::move(o));
  };
  std::vector<std::thread> load;
  for (int t = 0; t < kWriters; ++t) {
    load.emplace_back([&] {
      // A client timeout well above the store's: a hang shows as status 0.
      HttpClient c(server->port(), 15s);
      while (!stop) {
        const size_t i = next++;
        if (i >= bsns.size()) return;
        Outcome o{bsns[i]};
        const SteadyClock::time_point start = SteadyClock::now();
        HttpResponse r = JsonRequest(c, "POST", "/api/v1/personen", HerstartPersoon(o.bsn), token);
        if (r.status == 201) {
          o.id = BodyJson(r).value("id", "");
          ++acknowledged;
        } else if (r.status == 0 || r.status >= 500) {
          std::this_thread::sleep_for(20ms);
        }
        record(std::move(o), r, start);
      }
    });
  }
  load.emplace_back([&] {
    HttpClient c(server->port(), 15s);
    while (!stop) {
      const SteadyClock::time_point start = SteadyClock::now();
      HttpResponse r = JsonRequest(c, "GET", "/api/v1/organisaties", json(), token);
      record(Outcome{"", 0, "", "", {}, true}, r, start);
      std::this_thread::sleep_for(20ms);
    }
  });
  auto answered = [&] {
    std::lock_guard lock(mu);
    return outcomes.size();
  };
  auto wait_for = [&](auto cond, std::chrono::seconds limit) {
    for (SteadyClock::time_point end = SteadyClock::now() + limit;
         SteadyClock::now() < end && !cond();) {
      std::this_thread::sleep_for(20ms);
    }
    return cond();
  };

  // Load first, then two outages of three seconds each: an orderly fast shutdown, and an
  // immediate one (PostgreSQL recovers from its WAL). After each, service resumes in the same
  // jeugdhulp process: writes are acknowledged again.
  std::vector<std::pair<size_t, size_t>> outages;  // [from, to) in `outcomes`
  for (const char* mode : {"fast", "immediate"}) {
    const int before = acknowledged;
    EXPECT_TRUE(wait_for([&] { return acknowledged >= before + 20; }, 30s))
        << "no writes acknowledged before the " << mode << " stop";
    ASSERT_TRUE(cluster->Stop(mode)) << mode;
    const size_t from = answered();
    std::this_thread::sleep_for(3s);
    outages.emplace_back(from, answered());
    ASSERT_TRUE(cluster->Start()) << "after the " << mode << " stop";
  }
  const int before = acknowledged;
  EXPECT_TRUE(wait_for([&] { return acknowledged >= before + 20; }, 30s))
      << "no writes acknowledged after PostgreSQL came back";
  stop = true;
  for (std::thread& t : load) t.join();

  // Every request answered in time, with 2xx or 503 problem+json; while PostgreSQL was down,
  // only 503 (less those in flight when it stopped: their answer may be a 201 committed just
  // before).
  std::map<int, int> by_status;
  {
    std::lock_guard lock(mu);
    for (size_t i = 0; i < outcomes.size(); ++i) {
      const Outcome& o = outcomes[i];
      ++by_status[o.status];
      EXPECT_TRUE(o.status == (o.read ? 200 : 201) || o.status == 503)
          << o.status << ": " << o.detail;
      if (o.status == 503) {
        EXPECT_EQ(o.detail.rfind("application/problem+json", 0), 0u) << o.detail;
        EXPECT_NE(o.detail.find("niet-beschikbaar"), std::string::npos) << o.detail;
        if (!o.read) {
          EXPECT_EQ(o.detail.find(o.bsn), std::string::npos);  // BSN-02
        }
      }
      EXPECT_LT(o.took, 10s)
          << "request " << i << " took "
          << std::chrono::duration_cast<std::chrono::milliseconds>(o.took).count() << " ms";
      for (const auto& [from, to] : outages) {
        if (i >= from + kWriters + 1 && i < to) {
          EXPECT_EQ(o.status, 503) << "during an outage";
        }
      }
    }
  }
  for (const auto& [from, to] : outages) {
    EXPECT_GT(to, from + kWriters + 1) << "hardly any request was answered during an outage";
  }
  for (const auto& [status, n] : by_status) std::cout << "status " << status << ": " << n << "\n";

  // Nothing acknowledged is lost: every 201 reads back.
  HttpClient reader(server->port());
  std::vector<Outcome> acked;
  {
    std::lock_guard lock(mu);
    for (const Outcome& o : outcomes) {
      if (!o.read && o.status == 201) acked.push_back(o);
    }
  }
  for (const Outcome& o : acked) {
    HttpResponse r = JsonRequest(reader, "GET", "/api/v1/personen/" + o.id, json(), token);
    EXPECT_EQ(r.status, 200) << "acknowledged person " << o.id << " is gone";
  }
  const auto rows = Peek(server->data_dir() / "jeugdhulp.db",
                         "SELECT COUNT(*) FROM verwerkingen WHERE name = 'persoon registreren'");
  ASSERT_FALSE(rows.empty());
  EXPECT_GE(std::stoul(rows.at(0).at(0)), acked.size());  // each with its processing record

  ASSERT_EQ(server->Stop(), 0);
  auto [code, out] = ServerProcess::Run({"audit", "verify", "--data", server->data_dir().string()});
  EXPECT_EQ(code, 0) << out;
}

}  // namespace
}  // namespace jh::testing
