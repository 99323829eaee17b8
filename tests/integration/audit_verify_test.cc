// `jeugdhulp audit verify` on the data directory of a real server: intact after ordinary
// requests (also after the server was killed mid-flight), and broken, naming the chain and
// the record, after tampering with the database file directly (the SQLite C API, as an
// insider with file access would).
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "app/data_dir.h"
#include "audit/chain.h"
#include "support/server_process.h"

namespace jh::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Runs SQL on the database file (or the server's PostgreSQL database), outside the server;
// returns the first column of the first
// row as an integer (0 without rows), or -1 on error.
int64_t Sql(const fs::path& db_file, const std::string& sql) {
  if (std::string url = DatabaseUrlOf(db_file.parent_path()); !url.empty()) {
    PGconn* c = PQconnectdb(url.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    const ExecStatusType status = PQresultStatus(r);
    int64_t value = status == PGRES_TUPLES_OK && PQntuples(r) > 0 && PQgetisnull(r, 0, 0) == 0
                        ? std::stoll(PQgetvalue(r, 0, 0))
                        : 0;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) value = -1;
    PQclear(r);
    PQfinish(c);
    return value;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(db);
    return -1;
  }
  int64_t value = 0;
  auto first = [](void* out, int n, char** cols, char**) {
    if (n > 0 && cols[0] != nullptr) *static_cast<int64_t*>(out) = std::stoll(cols[0]);
    return 0;
  };
  const int rc = sqlite3_exec(db, sql.c_str(), first, &value, nullptr);
  sqlite3_close_v2(db);
  return rc == SQLITE_OK ? value : -1;
}

std::pair<int, std::string> Verify(const fs::path& data) {
  return ServerProcess::Run({"audit", "verify", "--data", data.string()});
}

// The server writes audit records for every authenticated request. Should a chain still be
// empty (the requests wrote none), records are appended through the data directory, so that
// its checkpoint follows them as the server's would.
void EnsureBothChainsHaveRecords(const fs::path& data) {
  const app::DataDir dir{data, DatabaseUrlOf(data)};
  for (audit::Chain chain : {audit::Chain::kVerwerkingen, audit::Chain::kBesluiten}) {
    const std::string name(audit::ChainName(chain));
    if (Sql(dir.Database(), "SELECT COUNT(*) FROM " + name) > 0) continue;
    auto opened = app::OpenDataDir(dir);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    for (int i = 0; i < 3; ++i) {
      Status w = opened->store->Write([&](store::Tx& tx) -> Status {
        std::vector<std::string> fields;
        for (const auto& col : audit::ChainColumns(chain)) {
          fields.push_back(col == "status_code" ? "1" : col);
        }
        JH_TRY(audit::Append(tx, chain, fields));
        return {};
      });
      ASSERT_TRUE(w.ok()) << w.error().message;
    }
  }
}

// Organisations (besluiten: the role checks) with a medewerker each (also verwerkingen:
// registering a medewerker processes personal data).
void CreateOrganisaties(ServerProcess& server, int n) {
  HttpClient client(server.port());
  for (int i = 0; i < n; ++i) {
    auto r = JsonRequest(client, "POST", "/api/v1/organisaties",
                         {{"naam", "Org " + std::to_string(i)},
                          {"soort", "jeugdhulpaanbieder"},
                          {"gemeentecode", "GM0363"}},
                         server.beheerder_token());
    ASSERT_EQ(r.status, 201) << r.body;
    r = JsonRequest(client, "POST", "/api/v1/medewerkers",
                    {{"organisatieId", BodyJson(r).value("id", "")},
                     {"naam", "Mw. Test"},
                     {"rol", "jeugdhulpverlener"},
                     {"telefoon", "020 123 4567"},
                     {"email", "t@example.nl"},
                     {"meldingsbevoegd", false}},
                    server.beheerder_token());
    EXPECT_EQ(r.status, 201) << r.body;
  }
}

TEST(AuditVerify, UsageErrorsExitTwo) {
  EXPECT_EQ(ServerProcess::Run({"audit", "verify"}).first, 2);
  EXPECT_EQ(Verify("/nonexistent/jeugdhulp-data").first, 2);
}

// A database that is garbage is not intact: exit 1 (API.md), with what is wrong, not the
// usage error's 2.
TEST(AuditVerify, AnUnreadableDatabaseIsBrokenNotAUsageError) {
  if (ServerProcess::OnPostgres()) GTEST_SKIP() << "the SQLite file is what is damaged here";
  char tmpl[] = "/tmp/jh-verify-XXXXXX";
  const fs::path data = mkdtemp(tmpl);
  std::ofstream(data / "jeugdhulp.db", std::ios::binary) << std::string(8192, 'x');
  auto [code, out] = Verify(data);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("BROKEN database"), std::string::npos) << out;
  fs::remove_all(data);
}

TEST(AuditVerify, IntactAfterRequestsAndBrokenAfterTampering) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  CreateOrganisaties(*server, 3);
  ASSERT_EQ(server->Stop(), 0) << server->Output();
  const fs::path data = server->data_dir();
  const app::DataDir dir{data};
  EnsureBothChainsHaveRecords(data);

  auto [code, out] = Verify(data);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("OK"), std::string::npos) << out;
  EXPECT_NE(out.find("verwerkingen"), std::string::npos) << out;

  // Without the checkpoints the end of a chain cannot be vouched for. (On SQLite the one of
  // lane 0; on PostgreSQL the one of the lane the server appended to, audit/chain.h.)
  std::vector<std::string> checkpoints;
  for (const auto& f : fs::directory_iterator(data)) {
    const std::string name = f.path().filename().string();
    if (name.starts_with("audit.checkpoint")) checkpoints.push_back(name);
  }
  ASSERT_FALSE(checkpoints.empty());
  for (const auto& name : checkpoints) fs::rename(data / name, data / (name + ".bak"));
  std::tie(code, out) = Verify(data);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("checkpoint ontbreekt"), std::string::npos) << out;
  for (const auto& name : checkpoints) fs::rename(data / (name + ".bak"), data / name);

  // The newest besluit cut off: found through the checkpoint.
  const int64_t head = Sql(dir.Database(), "SELECT MAX(seq) FROM besluiten");
  ASSERT_GT(head, 0);
  ASSERT_EQ(Sql(dir.Database(), "DELETE FROM besluiten WHERE seq = " + std::to_string(head)), 0);
  std::tie(code, out) = Verify(data);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("BROKEN chain=besluiten seq=" + std::to_string(head) + ":"), std::string::npos)
      << out;

  // A processing record altered: verwerkingen is checked first, so it is the first break.
  const int64_t first = Sql(dir.Database(), "SELECT MIN(seq) FROM verwerkingen");
  ASSERT_EQ(Sql(dir.Database(),
                "UPDATE verwerkingen SET name = 'x' WHERE seq = " + std::to_string(first)),
            0);
  std::tie(code, out) = Verify(data);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("BROKEN chain=verwerkingen seq=" + std::to_string(first) + ":"),
            std::string::npos)
      << out;
}

TEST(AuditVerify, IntactAfterTheServerWasKilled) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  CreateOrganisaties(*server, 5);
  // No shutdown code runs: every answered request's records and checkpoint are on disk
  // already, and the checkpoint never names a record that was not committed.
  server->Kill();
  auto [code, out] = Verify(server->data_dir());
  EXPECT_EQ(code, 0) << out;
}

}  // namespace
}  // namespace jh::testing

namespace jh::testing {
namespace {

// Records cut off while the server was stopped are reported the moment it starts again,
// without waiting for the next `audit verify`; an intact restart reports nothing.
TEST(AuditVerify, StartUpReportsAChainCutOffWhileStopped) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  CreateOrganisaties(*server, 2);
  ASSERT_EQ(server->Stop(), 0) << server->Output();
  ASSERT_TRUE(server->Restart());
  ASSERT_EQ(server->Stop(), 0);
  EXPECT_EQ(server->Output().find("audit-checkpoint-mismatch"), std::string::npos)
      << server->Output();

  const app::DataDir dir{server->data_dir()};
  const int64_t head = Sql(dir.Database(), "SELECT MAX(seq) FROM besluiten");
  ASSERT_GT(head, 0);
  ASSERT_EQ(Sql(dir.Database(), "DELETE FROM besluiten WHERE seq = " + std::to_string(head)), 0);
  ASSERT_TRUE(server->Restart());
  ASSERT_EQ(server->Stop(), 0);
  const std::string out = server->Output();
  EXPECT_NE(out.find("audit-checkpoint-mismatch"), std::string::npos) << out;
  EXPECT_NE(out.find("\"chain\":\"besluiten\""), std::string::npos) << out;
}

}  // namespace
}  // namespace jh::testing
