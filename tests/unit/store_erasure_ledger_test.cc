// The erasure ledger: entries come back in order across reopening, a line torn by a crash is
// skipped without gluing the next entry to it, and nothing but "soort id" is accepted.
#include "store/erasure_ledger.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.h"

namespace jh::store {
namespace {

const std::string kA = "01890a5d-ac96-774b-bcce-b302099a8057";
const std::string kB = "01890a5d-ac96-774b-bcce-b302099a8058";

std::vector<std::string> Lines(const std::filesystem::path& file) {
  auto read = ErasureLedger::Read(file);
  EXPECT_TRUE(read.ok());
  std::vector<std::string> out;
  if (read.ok()) {
    for (const Vernietigd& v : *read) out.push_back(v.soort + " " + v.id);
  }
  return out;
}

TEST(ErasureLedger, KeepsEntriesInOrderAcrossReopening) {
  ::jh::testing::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const auto file = dir.path() / "vernietigingen.ledger";
  EXPECT_EQ(Lines(file), std::vector<std::string>{});  // none yet: no entries
  {
    auto ledger = ErasureLedger::Open(file);
    ASSERT_TRUE(ledger.ok());
    ASSERT_TRUE((*ledger)->Append({"persoon", kA}).ok());
  }
  auto ledger = ErasureLedger::Open(file);
  ASSERT_TRUE(ledger.ok());
  ASSERT_TRUE((*ledger)->Append({"vt-zaak", kB}).ok());
  EXPECT_EQ(Lines(file), (std::vector<std::string>{"persoon " + kA, "vt-zaak " + kB}));
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST(ErasureLedger, ATornLineDoesNotSwallowTheNextEntry) {
  ::jh::testing::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const auto file = dir.path() / "vernietigingen.ledger";
  {
    std::ofstream out(file);
    out << "persoon " << kA << "\npersoon 01890a5d-ac96";  // the crash cut the last write
  }
  auto ledger = ErasureLedger::Open(file);
  ASSERT_TRUE(ledger.ok());
  ASSERT_TRUE((*ledger)->Append({"jw-dossier", kB}).ok());
  EXPECT_EQ(Lines(file), (std::vector<std::string>{"persoon " + kA, "jw-dossier " + kB}));
}

TEST(ErasureLedger, RefusesAnythingButAKindAndAnId) {
  ::jh::testing::TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  auto ledger = ErasureLedger::Open(dir.path() / "vernietigingen.ledger");
  ASSERT_TRUE(ledger.ok());
  EXPECT_FALSE((*ledger)->Append({"bsn", kA}).ok());
  EXPECT_FALSE((*ledger)->Append({"persoon", "999990019 Anna"}).ok());
  EXPECT_FALSE((*ledger)->Append({"persoon", ""}).ok());
}

}  // namespace
}  // namespace jh::store
