// `jeugdhulp import` against a running server on the same data directory: imported persons
// are read, refused and erased through the API exactly like registered ones, refused lines
// are reported by line and field without their BSN, the exit codes, and `audit verify`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/server_process.h"
#include "support/sqlite_peek.h"

namespace jh::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kToday = "2026-11-01";
constexpr const char* kHeader =
    "bsn,voornamen,geslachtsnaam,geboortedatum,geslacht,gemeentecode,postcode,huisnummer,"
    "ouderBsn\n";

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start({.today = kToday});
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  ServerProcess::RunResult RunImport(const std::string& content, const std::string& name,
                                     std::vector<std::string> extra = {}) {
    const fs::path file = server_->data_dir().parent_path() / name;
    std::ofstream(file, std::ios::binary) << content;
    std::vector<std::string> args = {"import",  "--data", server_->data_dir().string(),
                                     "--today", kToday,   file.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return ServerProcess::RunWithInput(args);
  }

  // The internal id of the person with this BSN: through the keyed index, as the API finds
  // it, by issuing a burger token (201 only for a stored, not erased person) and reading the
  // token's person.
  std::string IdOf(const std::string& bsn) {
    auto r = JsonRequest(*client_, "POST", "/api/v1/burgers/tokens", {{"bsn", bsn}},
                         server_->beheerder_token());
    if (r.status != 201) return "";
    // The newest row: SQLite's rowid, PostgreSQL's ctid (tokens are only inserted here).
    auto rows = Peek(server_->data_dir() / "jeugdhulp.db",
                     std::string("SELECT persoon_id FROM tokens WHERE persoon_id IS NOT NULL "
                                 "ORDER BY ") +
                         (ServerProcess::OnPostgres() ? "ctid" : "rowid") + " DESC LIMIT 1");
    return rows.empty() ? "" : rows[0][0];
  }

  HttpResponse Admin(std::string_view method, const std::string& target, const json& body) {
    return JsonRequest(*client_, method, target, body, server_->beheerder_token());
  }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

TEST_F(ImportTest, CsvPersonsAreStoredAsTheApiStoresThem) {
  const std::string csv = std::string(kHeader) +
                          "910000001,Johan,\"Vries, de\",1980-03-12,M,GM0363,1234AB,5,\r\n"
                          "910000013,Noor,Vries,2016-05-02,V,GM0363,1234AB,5,910000001\r\n";
  auto r = RunImport(csv, "personen.csv");
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("IMPORTED=2 REFUSED=0"), std::string::npos) << r.out;

  const std::string ouder = IdOf("910000001");
  const std::string kind = IdOf("910000013");
  ASSERT_FALSE(ouder.empty());
  ASSERT_FALSE(kind.empty());
  auto got = Admin("GET", "/api/v1/personen/" + ouder, nullptr);
  ASSERT_EQ(got.status, 200) << got.body;
  json p = BodyJson(got);
  EXPECT_EQ(p["geslachtsnaam"], "Vries, de");
  EXPECT_EQ(p["geboortedatum"], "1980-03-12");
  EXPECT_EQ(p["adres"], json({{"postcode", "1234AB"}, {"huisnummer", 5}}));
  // The BSN index is the API's: registering the same BSN again is a conflict.
  auto again = Admin("POST", "/api/v1/personen",
                     {{"bsn", "910000001"},
                      {"voornamen", "X"},
                      {"geslachtsnaam", "Y"},
                      {"geboortedatum", "1980-01-01"},
                      {"geslacht", "M"},
                      {"gemeentecode", "GM0363"},
                      {"adres", {{"postcode", "1234AB"}, {"huisnummer", 5}}}});
  EXPECT_EQ(again.status, 409) << again.body;
  // The parent relation was imported: recording it again is a conflict.
  auto gezag = Admin("POST", "/api/v1/personen/" + kind + "/gezagsrelaties", {{"ouderId", ouder}});
  EXPECT_EQ(gezag.status, 409) << gezag.body;

  // Erasure works on an imported person as on any other.
  auto erased = Admin("DELETE", "/api/v1/personen/" + ouder, nullptr);
  EXPECT_EQ(erased.status, 200) << erased.body;
  EXPECT_EQ(Admin("GET", "/api/v1/personen/" + ouder, nullptr).status, 404);
  EXPECT_EQ(Admin("GET", "/api/v1/personen/" + kind, nullptr).status, 200);

  // Every imported person has a processing record; the chains verify.
  auto logged = Peek(server_->data_dir() / "jeugdhulp.db",
                     "SELECT COUNT(*) FROM verwerkingen WHERE name = 'persoon importeren'");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0][0], "2");
  ASSERT_EQ(server_->Stop(), 0);
  auto [code, out] = ServerProcess::Run({"audit", "verify", "--data", server_->data_dir()});
  EXPECT_EQ(code, 0) << out;
}

TEST_F(ImportTest, JsonlFromStdin) {
  const std::string jsonl =
      R"({"bsn":"910000025","voornamen":"Zoë","geslachtsnaam":"Martens","geboortedatum":"1978-05-05","geslacht":"O","gemeentecode":"GM0599","postcode":"3011AA","huisnummer":40})"
      "\n"
      R"({"bsn":"910000037","voornamen":"Luca","geslachtsnaam":"Martens","geboortedatum":"2013-10-12","geslacht":"M","gemeentecode":"GM0599","postcode":"3011AA","huisnummer":40,"ouderBsn":"910000025"})"
      "\n\n";
  auto r = ServerProcess::RunWithInput({"import", "--data", server_->data_dir().string(), "--today",
                                        kToday, "--format", "jsonl", "-"},
                                       jsonl);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("IMPORTED=2 REFUSED=0"), std::string::npos) << r.out;
  const std::string id = IdOf("910000037");
  ASSERT_FALSE(id.empty());
  auto got = Admin("GET", "/api/v1/personen/" + id, nullptr);
  EXPECT_EQ(BodyJson(got)["voornamen"], "Luca") << got.body;
}

TEST_F(ImportTest, BadLinesAreReportedByLineAndFieldWithoutTheirBsn) {
  auto first = RunImport(
      std::string(kHeader) + "910000049,Anna,Bos,1990-01-01,V,GM0363,1234AB,1,\n", "eerst.csv");
  ASSERT_EQ(first.code, 0) << first.err;
  const std::string csv = std::string(kHeader) +
                          "910000050,Piet,Bos,1990-01-01,M,GM0363,1234AB,1,\n"  // 2 ok
                          "910000051,Piet,Bos,1990-01-01,M,GM0363,1234AB,1,\n"  // 3 elfproef
                          "910000062,,Bos,1990-01-01,M,GM0363,1234AB,1,\n"      // 4 missing
                          "910000074,Piet,Bos,1990-02-30,M,GM0363,1234AB,1,\n"  // 5 date
                          "910000050,Piet,Bos,1990-01-01,M,GM0363,1234AB,1,\n"  // 6 dup (file)
                          "910000049,Anna,Bos,1990-01-01,V,GM0363,1234AB,1,\n"  // 7 dup (store)
                          "910000086,Kim,Bos,2010-01-01,X,GM0363,1234AB,1,\n"   // 8 geslacht
                          "910000098,Kim,Bos,2010-01-01,V,GM0363,1234AB,1,910000104\n"   // 9 parent
                          "910000116,Kim,Bos,2010-01-01,V,GM0363,1234AB,1,910000050\n";  // 10 ok
  auto r = RunImport(csv, "fout.csv");
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("IMPORTED=2 REFUSED=7"), std::string::npos) << r.out;
  for (const char* expected :
       {"regel 3: veld bsn: ", "regel 4: veld voornamen: ", "regel 5: veld geboortedatum: ",
        "regel 6: veld bsn: ", "regel 7: veld bsn: ", "regel 8: veld geslacht: ",
        "regel 9: veld ouderBsn: "}) {
    EXPECT_NE(r.err.find(expected), std::string::npos) << expected << " in\n" << r.err;
  }
  EXPECT_EQ(r.err.find("regel 2:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("regel 10:"), std::string::npos) << r.err;
  for (const char* bsn : {"91000005", "910000049", "910000062", "910000104", "910000098"}) {
    EXPECT_EQ(r.err.find(bsn), std::string::npos) << bsn << " leaked:\n" << r.err;
    EXPECT_EQ(r.out.find(bsn), std::string::npos) << bsn << " leaked:\n" << r.out;
  }
  EXPECT_EQ(server_->Output().find("91000005"), std::string::npos);
}

TEST_F(ImportTest, AnUnknownColumnRefusesTheHeader) {
  auto r = RunImport("bsn,voornaam,geslachtsnaam\n910000001,A,B\n", "kop.csv");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("regel 1: veld voornaam: Onbekende kolom."), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("IMPORTED=0 REFUSED=1"), std::string::npos) << r.out;
  // A header that is really a data line: its "column" is not echoed.
  r = RunImport("910000001,A\n", "geen-kop.csv");
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err.find("910000001"), std::string::npos) << r.err;

  const std::string unknown =
      R"({"bsn":"910000025","voornamen":"A","geslachtsnaam":"B","geboortedatum":"1978-05-05","geslacht":"O","gemeentecode":"GM0599","postcode":"3011AA","huisnummer":40,"reden":"x"})"
      "\n";
  r = RunImport(unknown, "extra.jsonl");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("regel 1: veld reden: Onbekend veld."), std::string::npos) << r.err;
}

TEST_F(ImportTest, UsageErrorsExitTwo) {
  EXPECT_EQ(ServerProcess::RunWithInput({"import", "x.csv"}).code, 2);  // no --data
  EXPECT_EQ(RunImport("", "personen.txt").code, 2);                     // unknown format
  auto r =
      ServerProcess::RunWithInput({"import", "--data", "/nonexistent/jh", "-", "--format", "csv"});
  EXPECT_EQ(r.code, 2) << r.err;
  r = ServerProcess::RunWithInput(
      {"import", "--data", server_->data_dir().string(), "/nonexistent/personen.csv"});
  EXPECT_EQ(r.code, 2) << r.err;
  // An empty file: the message says why, not only which field was wrong.
  r = RunImport("", "leeg.csv");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("bestand: Het CSV-bestand heeft geen kopregel."), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace jh::testing
