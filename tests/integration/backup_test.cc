// jeugdhulp backup and restore (SQLite): a backup taken under a write load restores to a
// store that serves and verifies; what came after the backup is gone, and the restore says
// so in the decision log. A restore is refused, saying why, with the wrong master key and
// while a server runs on the directory. An erasure made after the backup survives its
// restore (AVG-04). And init refuses a gemeentecode the API would.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/server_process.h"

namespace jh::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json BackupPersoon(const std::string& bsn) {
  return {{"bsn", bsn},
          {"voornamen", "Back"},
          {"geslachtsnaam", "Up"},
          {"geboortedatum", "2012-03-04"},
          {"geslacht", "V"},
          {"gemeentecode", "GM0363"},
          {"adres", {{"postcode", "1234AB"}, {"huisnummer", 1}}}};
}

TEST(Backup, RestoresAConsistentSnapshotTakenUnderLoad) {
  if (ServerProcess::OnPostgres()) {
    GTEST_SKIP()
        << "backup/restore are SQLite's; PostgreSQL uses pg_basebackup (docs/operations.md)";
  }
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  const std::string& token = server->beheerder_token();
  auto before = JsonRequest(client, "POST", "/api/v1/personen", BackupPersoon("999910012"), token);
  ASSERT_EQ(before.status, 201) << before.body;
  const std::string kept = BodyJson(before)["id"];

  // Writes go on while the backup runs.
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread load([&] {
    HttpClient c(server->port());
    for (int i = 0; !stop; ++i) {
      auto r = JsonRequest(
          c, "POST", "/api/v1/organisaties",
          {{"naam", "Org " + std::to_string(i)}, {"soort", "school"}, {"gemeentecode", "GM0363"}},
          token);
      if (r.status == 201) ++written;
    }
  });
  const std::string file = (server->data_dir().parent_path() / "backup.db").string();
  auto [code, out] =
      ServerProcess::Run({"backup", "--data", server->data_dir().string(), "--to", file});
  stop = true;
  load.join();
  ASSERT_EQ(code, 0) << out;
  EXPECT_GT(written, 0);

  // After the backup: a person that the restore will take away.
  auto after = JsonRequest(client, "POST", "/api/v1/personen", BackupPersoon("999910024"), token);
  ASSERT_EQ(after.status, 201);
  const std::string lost = BodyJson(after)["id"];

  // Not while the server runs.
  std::tie(code, out) =
      ServerProcess::Run({"restore", "--data", server->data_dir().string(), "--from", file});
  EXPECT_EQ(code, 1) << out;

  ASSERT_EQ(server->Stop(), 0);
  std::tie(code, out) =
      ServerProcess::Run({"restore", "--data", server->data_dir().string(), "--from", file});
  ASSERT_EQ(code, 0) << out;
  std::tie(code, out) =
      ServerProcess::Run({"audit", "verify", "--data", server->data_dir().string()});
  EXPECT_EQ(code, 0) << out;

  ASSERT_TRUE(server->Restart());
  HttpClient again(server->port());
  EXPECT_EQ(JsonRequest(again, "GET", "/api/v1/personen/" + kept, json(), token).status, 200);
  EXPECT_EQ(JsonRequest(again, "GET", "/api/v1/personen/" + lost, json(), token).status, 404);
  // The restored store takes new writes, and its chains verify after them.
  EXPECT_EQ(
      JsonRequest(again, "POST", "/api/v1/personen", BackupPersoon("999910036"), token).status,
      201);
  ASSERT_EQ(server->Stop(), 0);
  std::tie(code, out) =
      ServerProcess::Run({"audit", "verify", "--data", server->data_dir().string()});
  EXPECT_EQ(code, 0) << out;
}

// init checks --gemeentecode as the API checks a gemeentecode, before it creates anything.
TEST(Init, RefusesAGemeentecodeTheApiWouldRefuse) {
  char tmpl[] = "/tmp/jh-init-XXXXXX";
  const fs::path root = mkdtemp(tmpl);
  for (const char* code : {"XX", "GM363", "gm0363", "GM03634"}) {
    auto r = ServerProcess::RunWithInput(
        {"init", "--data", (root / code).string(), "--gemeentecode", code});
    EXPECT_EQ(r.code, 2) << code << ": " << r.err;
    EXPECT_NE(r.err.find("gemeentecode: Verwacht GM gevolgd door 4 cijfers"), std::string::npos)
        << r.err;
    EXPECT_FALSE(fs::exists(root / code / "master.key")) << code;
  }
  if (!ServerProcess::OnPostgres()) {  // there the shared database is already initialised
    auto r = ServerProcess::RunWithInput(
        {"init", "--data", (root / "goed").string(), "--gemeentecode", "GM0363"});
    EXPECT_EQ(r.code, 0) << r.err;
  }
  fs::remove_all(root);
}

TEST(Backup, RefusesAMasterKeyThatDoesNotFit) {
  if (ServerProcess::OnPostgres()) {
    GTEST_SKIP()
        << "backup/restore are SQLite's; PostgreSQL uses pg_basebackup (docs/operations.md)";
  }
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  ASSERT_EQ(JsonRequest(client, "POST", "/api/v1/personen", BackupPersoon("999910012"),
                        server->beheerder_token())
                .status,
            201);
  const auto root = server->data_dir().parent_path();
  const std::string file = (root / "backup.db").string();
  auto [code, out] =
      ServerProcess::Run({"backup", "--data", server->data_dir().string(), "--to", file});
  ASSERT_EQ(code, 0) << out;
  const std::string other = (root / "other").string();
  std::tie(code, out) = ServerProcess::Run({"init", "--data", other});
  ASSERT_EQ(code, 0) << out;
  // Each refusal says why: the key, or that the file is no database.
  auto r = ServerProcess::RunWithInput({"restore", "--data", other, "--from", file});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("past niet bij deze back-up"), std::string::npos) << r.err;
  // Not a database at all.
  r = ServerProcess::RunWithInput({"restore", "--data", other, "--from", other + "/master.key"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("Dit is geen leesbare SQLite-database."), std::string::npos) << r.err;
  std::tie(code, out) = ServerProcess::Run({"audit", "verify", "--data", other});
  EXPECT_EQ(code, 0) << out;  // untouched
}

TEST(Backup, Avg04AnErasureAfterTheBackupSurvivesItsRestore) {
  if (ServerProcess::OnPostgres()) {
    GTEST_SKIP()
        << "backup/restore are SQLite's; PostgreSQL uses pg_basebackup (docs/operations.md)";
  }
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  const std::string& token = server->beheerder_token();
  auto created = JsonRequest(client, "POST", "/api/v1/personen", BackupPersoon("999910012"), token);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string anna = BodyJson(created)["id"];
  auto issued =
      JsonRequest(client, "POST", "/api/v1/burgers/tokens", {{"bsn", "999910012"}}, token);
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string burger = BodyJson(issued)["token"];
  const auto root = server->data_dir().parent_path();
  const std::string file = (root / "backup.db").string();
  auto [code, out] =
      ServerProcess::Run({"backup", "--data", server->data_dir().string(), "--to", file});
  ASSERT_EQ(code, 0) << out;

  ASSERT_EQ(JsonRequest(client, "DELETE", "/api/v1/personen/" + anna, json(), token).status, 200);
  ASSERT_EQ(server->Stop(), 0);
  // The ledger names her by id only. A write's callback may run twice (Store::Write; `make
  // test-rerun` makes it), and the line with it: re-applying an erasure twice is harmless.
  std::ifstream in(server->data_dir() / "vernietigingen.ledger");
  std::stringstream ledger;
  ledger << in.rdbuf();
  std::istringstream lines(ledger.str());
  int named = 0;
  for (std::string line; std::getline(lines, line); ++named) EXPECT_EQ(line, "persoon " + anna);
  EXPECT_GE(named, 1);

  auto restored = ServerProcess::RunWithInput(
      {"restore", "--data", server->data_dir().string(), "--from", file});
  ASSERT_EQ(restored.code, 0) << restored.out << restored.err;
  EXPECT_NE(restored.err.find("restore-erasures-reapplied"), std::string::npos) << restored.err;
  EXPECT_EQ(restored.err.find("999910012"), std::string::npos);
  std::tie(code, out) =
      ServerProcess::Run({"audit", "verify", "--data", server->data_dir().string()});
  EXPECT_EQ(code, 0) << out;

  ASSERT_TRUE(server->Restart());
  HttpClient again(server->port());
  EXPECT_EQ(JsonRequest(again, "GET", "/api/v1/personen/" + anna, json(), token).status, 404);
  EXPECT_EQ(
      again.Request("GET", "/api/v1/mijn/logboek", "", {{"Authorization", "Bearer " + burger}})
          .status,
      401);
  EXPECT_EQ(
      JsonRequest(again, "POST", "/api/v1/burgers/tokens", {{"bsn", "999910012"}}, token).status,
      422);
  ASSERT_EQ(server->Stop(), 0);

  // Into a fresh directory with the master key and the ledger copied: erased there too.
  const auto fresh = root / "fresh";
  std::filesystem::create_directory(fresh);
  std::filesystem::permissions(fresh, std::filesystem::perms::owner_all);
  for (const char* name : {"master.key", "vernietigingen.ledger"}) {
    std::filesystem::copy_file(server->data_dir() / name, fresh / name);
  }
  restored = ServerProcess::RunWithInput({"restore", "--data", fresh.string(), "--from", file});
  ASSERT_EQ(restored.code, 0) << restored.out << restored.err;
  std::tie(code, out) =
      ServerProcess::Run({"admin", "--data", fresh.string(), "GET", "/api/v1/personen/" + anna});
  EXPECT_EQ(code, 1) << out;
  // The ledger does not grow with each restore: as it was after her erasure.
  std::ifstream again_in(fresh / "vernietigingen.ledger");
  std::stringstream after_restores;
  after_restores << again_in.rdbuf();
  EXPECT_EQ(after_restores.str(), ledger.str());

  // A restore that stopped between putting the backup in place and destroying its erasures
  // again leaves its marker, and nothing opens the directory until a restore finishes.
  EXPECT_FALSE(std::filesystem::exists(fresh / "herstel.onvoltooid"));
  std::ofstream(fresh / "herstel.onvoltooid").put('\n');
  auto refused = ServerProcess::RunWithInput({"purge", "--data", fresh.string()});
  EXPECT_NE(refused.code, 0) << refused.out;
  EXPECT_NE(refused.err.find("niet afgemaakt"), std::string::npos) << refused.err;
  restored = ServerProcess::RunWithInput({"restore", "--data", fresh.string(), "--from", file});
  ASSERT_EQ(restored.code, 0) << restored.out << restored.err;
  EXPECT_FALSE(std::filesystem::exists(fresh / "herstel.onvoltooid"));
  EXPECT_EQ(ServerProcess::RunWithInput({"purge", "--data", fresh.string()}).code, 0);
}

}  // namespace
}  // namespace jh::testing
