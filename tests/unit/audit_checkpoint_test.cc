// The chain-head checkpoint file (two alternating slots), the store's after-commit hook, and
// the data directory that joins them.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "app/data_dir.h"
#include "audit/chain.h"
#include "audit/checkpoint.h"
#include "crypto/vault.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace jh::audit {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSlot = 256;

Head H(int64_t seq, char fill) { return Head{seq, std::string(32, fill)}; }

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

uint64_t GenerationAt(const std::string& file, size_t slot) {
  uint64_t g = 0;
  for (size_t i = 0; i < 8; ++i)
    g = (g << 8) | static_cast<unsigned char>(file.at(slot * kSlot + 8 + i));
  return g;
}

void ExpectHeads(const Result<std::optional<std::vector<Head>>>& read,
                 const std::vector<Head>& want) {
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_TRUE(read->has_value());
  ASSERT_EQ((*read)->size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ((**read)[i].seq, want[i].seq) << i;
    EXPECT_EQ((**read)[i].hash, want[i].hash) << i;
  }
}

class AuditCheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    file_ = dir_ / "audit.checkpoint";
  }
  void TearDown() override {}
  std::unique_ptr<Checkpoint> OpenIt() {
    auto c = Checkpoint::Open(file_);
    EXPECT_TRUE(c.ok()) << c.error().message;
    return c.ok() ? std::move(c).value() : nullptr;
  }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  fs::path file_;
};

TEST_F(AuditCheckpointTest, MissingFileReadsAsNone) {
  auto r = Checkpoint::Read(file_);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST_F(AuditCheckpointTest, RoundTripInAPrivateFile) {
  auto c = OpenIt();
  ASSERT_NE(c, nullptr);
  struct stat st {};
  ASSERT_EQ(::stat(file_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto empty = Checkpoint::Read(file_);
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->has_value()) << "a new file holds no valid slot";

  ASSERT_TRUE(c->Write({H(7, 'a'), H(0, '\0')}).ok());
  ExpectHeads(Checkpoint::Read(file_), {H(7, 'a'), H(0, '\0')});
  EXPECT_EQ(fs::file_size(file_), kSlot);  // only slot 0 written so far
}

TEST_F(AuditCheckpointTest, SlotsAlternateAndUnchangedHeadsAreNotRewritten) {
  auto c = OpenIt();
  ASSERT_TRUE(c->Write({H(1, 'a'), H(1, 'b')}).ok());
  ASSERT_TRUE(c->Write({H(2, 'c'), H(1, 'b')}).ok());
  std::string f = ReadAll(file_);
  ASSERT_EQ(f.size(), 2 * kSlot);
  EXPECT_EQ(GenerationAt(f, 0), 1u);
  EXPECT_EQ(GenerationAt(f, 1), 2u);
  ASSERT_TRUE(c->Write({H(3, 'd'), H(2, 'e')}).ok());
  f = ReadAll(file_);
  EXPECT_EQ(GenerationAt(f, 0), 3u);
  EXPECT_EQ(GenerationAt(f, 1), 2u);
  ExpectHeads(Checkpoint::Read(file_), {H(3, 'd'), H(2, 'e')});

  ASSERT_TRUE(c->Write({H(3, 'd'), H(2, 'e')}).ok());
  EXPECT_EQ(ReadAll(file_), f) << "the same heads again must not cost a write";
}

TEST_F(AuditCheckpointTest, TornNewestSlotFallsBackToTheOlderOne) {
  {
    auto c = OpenIt();
    ASSERT_TRUE(c->Write({H(1, 'a'), H(1, 'b')}).ok());  // generation 1, slot 0
    ASSERT_TRUE(c->Write({H(2, 'c'), H(2, 'd')}).ok());  // generation 2, slot 1
  }
  const std::string good = ReadAll(file_);
  // A bit flipped in the newest slot's heads.
  std::string flipped = good;
  flipped[kSlot + 40] ^= 0x01;
  WriteAll(file_, flipped);
  ExpectHeads(Checkpoint::Read(file_), {H(1, 'a'), H(1, 'b')});
  // The newest slot cut short, as by a crash during its write.
  WriteAll(file_, good.substr(0, kSlot + 100));
  ExpectHeads(Checkpoint::Read(file_), {H(1, 'a'), H(1, 'b')});
  // The next write goes into the damaged slot, never over the last good one.
  auto c = OpenIt();
  ASSERT_TRUE(c->Write({H(3, 'e'), H(3, 'f')}).ok());
  const std::string f = ReadAll(file_);
  EXPECT_EQ(f.substr(0, kSlot), good.substr(0, kSlot));
  EXPECT_EQ(GenerationAt(f, 1), 2u);
  ExpectHeads(Checkpoint::Read(file_), {H(3, 'e'), H(3, 'f')});
}

TEST_F(AuditCheckpointTest, GarbageReadsAsNone) {
  // Built one by one, not from a braced list: g++ 12 at -O3 with precompiled headers takes
  // the copy out of an initializer_list of strings for an out-of-bounds memcpy
  // (-Warray-bounds).
  std::vector<std::string> junks;
  junks.emplace_back();
  junks.emplace_back("hallo");
  junks.emplace_back(2 * kSlot, '\0');
  junks.emplace_back(2 * kSlot, '\xff');
  junks.push_back(std::string("JHAUDCP1") + std::string(600, 'x'));
  for (const std::string& junk : junks) {
    WriteAll(file_, junk);
    auto r = Checkpoint::Read(file_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_FALSE(r->has_value()) << junk.size();
  }
  // A file of junk is taken over: the first write makes a valid slot.
  auto c = OpenIt();
  ASSERT_TRUE(c->Write({H(1, 'a'), H(0, 'z')}).ok());
  ExpectHeads(Checkpoint::Read(file_), {H(1, 'a'), H(0, 'z')});
}

TEST_F(AuditCheckpointTest, RefusesMalformedHeads) {
  auto c = OpenIt();
  EXPECT_EQ(c->Write({H(1, 'a')}).error().code, ErrorCode::kInternal);
  EXPECT_EQ(c->Write({H(1, 'a'), Head{1, "kort"}}).error().code, ErrorCode::kInternal);
  EXPECT_EQ(c->Write({H(-1, 'a'), H(1, 'a')}).error().code, ErrorCode::kInternal);
}

TEST_F(AuditCheckpointTest, NeverMovesAHeadBackwards) {
  auto c = OpenIt();
  ASSERT_TRUE(c->Write({H(5, 'a'), H(5, 'b')}).ok());
  // Records cut off the database: keeping the old heads keeps the evidence.
  ASSERT_TRUE(c->Write({H(3, 'c'), H(6, 'd')}).ok());
  ExpectHeads(Checkpoint::Read(file_), {H(5, 'a'), H(5, 'b')});
}

TEST_F(AuditCheckpointTest, TwoWritersOnOneFileKeepCountingUp) {
  // As `serve` and `admin` on one data directory: each re-reads the file under its lock.
  auto first = OpenIt();
  auto second = OpenIt();
  ASSERT_TRUE(first->Write({H(1, 'a'), H(1, 'a')}).ok());
  ASSERT_TRUE(second->Write({H(2, 'b'), H(2, 'b')}).ok());
  ASSERT_TRUE(first->Write({H(3, 'c'), H(3, 'c')}).ok());
  const std::string f = ReadAll(file_);
  EXPECT_EQ(GenerationAt(f, 0), 3u);
  EXPECT_EQ(GenerationAt(f, 1), 2u);
  ExpectHeads(Checkpoint::Read(file_), {H(3, 'c'), H(3, 'c')});
}

std::vector<std::string> SomeBesluit() {
  std::vector<std::string> f;
  for (const auto& col : ChainColumns(Chain::kBesluiten)) f.push_back(col);
  return f;
}

TEST_F(AuditCheckpointTest, AfterCommitRunsAfterEachCommitBeforeTheCallerReturns) {
  std::atomic<int> calls{0};
  int64_t seen_head = -1;
  store::SqliteOptions options;
  options.after_commit = [&](store::Tx& tx) -> store::AfterCommitRest {
    ++calls;
    auto head = ReadHead(tx, Chain::kBesluiten);
    const int64_t seq = head.ok() ? head->seq : -2;
    if (seq == 2) throw std::runtime_error("hook faalt");  // must not reach the caller
    return [&seen_head, seq] { seen_head = seq; };
  };
  auto s = store::OpenSqlite(dir_ / "jh.db", options);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(calls, 0) << "the migrations run without the hook";
  for (int64_t i = 1; i <= 3; ++i) {
    Status w = (*s)->Write([](store::Tx& tx) -> Status {
      JH_TRY(Append(tx, Chain::kBesluiten, SomeBesluit()));
      return {};
    });
    ASSERT_TRUE(w.ok()) << w.error().message;
    EXPECT_EQ(calls, i);
    // The second commit's hook threw: no rest, and the caller is answered all the same.
    EXPECT_EQ(seen_head, i == 2 ? 1 : i) << "the hook's rest ran before Write returned";
  }
  // A refused Write still commits its (empty) batch: the hook runs and sees no new record.
  EXPECT_FALSE((*s)->Write([](store::Tx&) -> Status { return Error::Conflict("nee"); }).ok());
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(seen_head, 3);
}

TEST_F(AuditCheckpointTest, DataDirCheckpointsTheHeadsOfEveryCommit) {
  const app::DataDir dir{dir_};
  ASSERT_TRUE(crypto::Vault::CreateKeyFile(dir.KeyFile()).ok());
  {
    auto opened = app::OpenDataDir(dir);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    Head last;
    for (int i = 0; i < 3; ++i) {
      Status w = opened->store->Write([&](store::Tx& tx) -> Status {
        JH_ASSIGN_OR_RETURN(last, Append(tx, Chain::kBesluiten, SomeBesluit()));
        return {};
      });
      ASSERT_TRUE(w.ok()) << w.error().message;
      // Durable before Write returned: a crash now would still find these heads.
      ExpectHeads(Checkpoint::Read(dir.AuditCheckpoint()), {Head{0, std::string(32, '\0')}, last});
    }
    auto verified = Verify(*opened->store, *Checkpoint::Read(dir.AuditCheckpoint()));
    ASSERT_TRUE(verified.ok());
    EXPECT_FALSE(verified->first_break);
  }
  struct stat st {};
  ASSERT_EQ(::stat(dir.AuditCheckpoint().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace jh::audit
