// Fault injection through the whole request pipeline: the API and the HTTP server run
// in-process on a store opened through the fault VFS (store/fault_vfs.h), wired as
// src/app/serve.cc wires them. When an fsync fails:
//   - the request gets 503 problem+json, never a 2xx: nothing is acknowledged whose data
//     and log records are not durable — also for a read, whose decision record is a write;
//   - nothing is half-written: neither the data nor a processing record of it is visible,
//     and the hash chains still verify;
//   - the server keeps serving: the next request succeeds.
// Filter: --gtest_filter='FaultInjection.*'.
#include <gtest/gtest.h>

#include <functional>

#include <filesystem>
#include <memory>
#include <string>

#include "audit/chain.h"
#include "core/clock.h"
#include "crypto/vault.h"
#include "http/api.h"
#include "http/server.h"
#include "services/medewerkers.h"
#include "services/organisaties.h"
#include "store/fault_vfs.h"
#include "store/store.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace jh::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using store::testing::FailNextSyncs;
using store::testing::FailNextWrites;

class FaultInjection : public ::testing::Test {
 protected:
  void SetUp() override {
    // The fault injection is a SQLite VFS shim under the store: PostgreSQL's disk is its own.
    if (ServerProcess::OnPostgres()) GTEST_SKIP() << "fault-injecting VFS exists only for SQLite";
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    store::SqliteOptions options;
    options.vfs = store::testing::FaultVfsName();
    auto opened = store::OpenSqlite(dir_ / "jeugdhulp.db", options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    vault_ = crypto::Vault::ForTesting("fault-injection");

    // A beheerder, made by the services directly (no trail: this is set-up, not a request).
    services::Env env{*store_, *vault_, clock_};
    services::Organisatie org;
    org.naam = "Beheer";
    org.soort = "gemeente";
    org.gemeentecode = "GM0363";
    auto created = services::CreateOrganisatie(env, org);
    ASSERT_TRUE(created.ok()) << created.error().message;
    beheer_org_ = created->id;
    services::Medewerker m;
    m.organisatie_id = created->id;
    m.naam = "Beheerder";
    m.rol = "beheerder";
    m.telefoon = "0800 0000";
    m.email = "beheer@jeugdhulp.example";
    auto mw = services::CreateMedewerker(env, m);
    ASSERT_TRUE(mw.ok()) << mw.error().message;
    auto token = services::IssueMedewerkerToken(env, mw->id);
    ASSERT_TRUE(token.ok()) << token.error().message;
    token_ = *token;

    // As src/app/serve.cc: the Api behind the HTTP server, on a free loopback port.
    api_ = std::make_unique<api::Api>(env, &metrics_, kApiVersion);
    api::RegisterAll(*api_);
    http::ServerOptions http;
    http.host = "127.0.0.1";
    http.port = 0;
    http.io_threads = 1;
    http.worker_threads = 4;
    server_ = std::make_unique<http::Server>(
        http, [this](http::Request& req) { return api_->Handle(req); }, &metrics_);
    ASSERT_TRUE(server_->Start().ok());
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  void ExpectLostWriteLeavesNothing(const std::function<void()>& inject);

  void TearDown() override {
    FailNextSyncs(0);
    FailNextWrites(0);
    client_.reset();
    if (server_) {
      server_->Stop();
      server_->Wait();
    }
    server_.reset();
    api_.reset();
    store_.reset();
  }

  HttpResponse Call(std::string_view method, std::string_view target, const json& body = nullptr) {
    return JsonRequest(*client_, method, target, body, token_);
  }

  // The trace id of a response (traceparent "00-<32 hex>-<16 hex>-<flags>"), which every
  // record the request wrote into either chain carries.
  static std::string TraceOf(const HttpResponse& r) {
    std::string tp = r.Header("traceparent");
    return tp.size() >= 35 ? tp.substr(3, 32) : "";
  }

  int64_t Count(const std::string& sql, std::vector<store::Value> params = {}) {
    int64_t n = -1;
    Status s = store_->Read([&](store::Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(sql, params));
      n = rows.at(0).Int(0);
      return {};
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return n;
  }

  // Both chains recomputed from the first record, and SQLite's own check of the file.
  void ExpectChainsAndFileIntact() {
    auto report = audit::Verify(*store_, std::nullopt);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_FALSE(report->first_break.has_value())
        << report->first_break->chain << " seq " << report->first_break->seq << ": "
        << report->first_break->reason;
    std::string check;
    Status s = store_->Read([&](store::Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("PRAGMA integrity_check"));
      check = rows.at(0).Text(0);
      return {};
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(check, "ok");
  }

  static void ExpectUnavailable(const HttpResponse& r) {
    EXPECT_EQ(r.status, 503) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
    EXPECT_EQ(BodyJson(r).value("status", 0), 503) << r.body;
  }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  Clock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<crypto::Vault> vault_;
  std::string beheer_org_;
  std::string token_;
  http::Metrics metrics_;
  std::unique_ptr<api::Api> api_;
  std::unique_ptr<http::Server> server_;
  std::unique_ptr<HttpClient> client_;
};

const json kOrg = {{"naam", "Verloren bij fsync"}, {"soort", "school"}, {"gemeentecode", "GM0363"}};

// The same story whether the disk refuses the write-back (fsync) or the write itself.
void FaultInjection::ExpectLostWriteLeavesNothing(const std::function<void()>& inject) {
  const int64_t orgs = Count("SELECT COUNT(*) FROM organisaties");
  inject();
  HttpResponse lost = Call("POST", "/api/v1/organisaties", kOrg);
  ExpectUnavailable(lost);
  const std::string trace = TraceOf(lost);
  ASSERT_EQ(trace.size(), 32u) << lost.Header("traceparent");

  EXPECT_EQ(Count("SELECT COUNT(*) FROM organisaties"), orgs);
  HttpResponse list = Call("GET", "/api/v1/organisaties?paginaGrootte=100");
  ASSERT_EQ(list.status, 200) << list.body;
  // Keep the parsed body alive: a range-for over a member of a temporary would dangle.
  const nlohmann::json page = BodyJson(list);
  for (const auto& o : page["resultaten"]) EXPECT_NE(o["naam"], kOrg["naam"]);
  // No processing record of the lost write. The decision log may hold the authorisation
  // decision (it was taken, and is flushed after the failed write), but nothing that names
  // a created organisation.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM verwerkingen WHERE trace_id = $1", {trace}), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM besluiten WHERE trace_id = $1 AND NOT ("
                  "action = 'createOrganisatie' AND resource_id = '' AND decision = 'allow')",
                  {trace}),
            0);
  ExpectChainsAndFileIntact();

  // The server keeps serving, and the same request now succeeds.
  HttpResponse kept = Call("POST", "/api/v1/organisaties", kOrg);
  ASSERT_EQ(kept.status, 201) << kept.body;
  const std::string id = BodyJson(kept).value("id", "");
  EXPECT_EQ(Call("GET", "/api/v1/organisaties/" + id).status, 200);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM organisaties"), orgs + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM besluiten WHERE trace_id = $1", {TraceOf(kept)}), 1);
  ExpectChainsAndFileIntact();
}

TEST_F(FaultInjection, FailedFsyncOfAWriteIs503AndLeavesNoOrganisation) {
  ExpectLostWriteLeavesNothing([] { FailNextSyncs(1); });
}

TEST_F(FaultInjection, FailedWriteOfAWriteIs503AndLeavesNoOrganisation) {
  ExpectLostWriteLeavesNothing([] { FailNextWrites(1); });
}

TEST_F(FaultInjection, FailedFsyncLeavesNeitherDataNorItsProcessingRecord) {
  // Registering a medewerker writes personal data (his own data key, encrypted fields) and
  // a processing record in the same transaction: all of it goes, or none.
  const json body = {{"organisatieId", beheer_org_}, {"naam", "Mw. Fsync"},
                     {"rol", "beheerder"},           {"telefoon", "020 123 4567"},
                     {"email", "f@example.nl"},      {"meldingsbevoegd", false}};
  const int64_t medewerkers = Count("SELECT COUNT(*) FROM medewerkers");
  const int64_t keys = Count("SELECT COUNT(*) FROM data_keys");
  const int64_t verwerkingen = Count("SELECT COUNT(*) FROM verwerkingen");
  FailNextSyncs(1);
  HttpResponse lost = Call("POST", "/api/v1/medewerkers", body);
  ExpectUnavailable(lost);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM medewerkers"), medewerkers);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM data_keys"), keys);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM verwerkingen"), verwerkingen);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM verwerkingen WHERE trace_id = $1", {TraceOf(lost)}), 0);
  ExpectChainsAndFileIntact();

  HttpResponse kept = Call("POST", "/api/v1/medewerkers", body);
  ASSERT_EQ(kept.status, 201) << kept.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM medewerkers"), medewerkers + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM verwerkingen WHERE trace_id = $1", {TraceOf(kept)}), 1);
  ExpectChainsAndFileIntact();
}

TEST_F(FaultInjection, ReadWhoseDecisionRecordCannotBeWrittenIs503) {
  // A read writes nothing of its own, but its authorisation decision must be in the log
  // before the answer goes out; if that commit fails the data is not handed out.
  ASSERT_EQ(Call("POST", "/api/v1/organisaties", kOrg).status, 201);
  FailNextSyncs(1);
  HttpResponse refused = Call("GET", "/api/v1/organisaties");
  ExpectUnavailable(refused);
  EXPECT_EQ(BodyJson(refused).value("resultaten", json()), json()) << refused.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM besluiten WHERE trace_id = $1", {TraceOf(refused)}), 0);

  HttpResponse served = Call("GET", "/api/v1/organisaties");
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM besluiten WHERE trace_id = $1", {TraceOf(served)}), 1);
  ExpectChainsAndFileIntact();
}

TEST_F(FaultInjection, ServerKeepsServingThroughRepeatedFailures) {
  for (int i = 0; i < 5; ++i) {
    FailNextSyncs(1);
    ExpectUnavailable(Call("POST", "/api/v1/organisaties", kOrg));
    EXPECT_EQ(Call("POST", "/api/v1/organisaties", kOrg).status, 201) << i;
  }
  EXPECT_EQ(Call("GET", "/health").status, 200);
  EXPECT_EQ(store_->Stats().failed_batches, 5);
  ExpectChainsAndFileIntact();
}

}  // namespace
}  // namespace jh::testing
