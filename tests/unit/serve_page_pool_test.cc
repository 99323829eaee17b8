// app::UseServePagePool: the page pool a server's SQLite caches take their pages from, set up
// before anything in the process starts SQLite, also when the demo initialises its data
// directory before it serves.
#include <gtest/gtest.h>

#include <cstdlib>

#include "app/data_dir.h"
#include "app/serve.h"
#include "core/clock.h"
#include "store/sqlite_page_pool.h"
#include "support/temp_dir.h"

namespace jh::app {
namespace {

using store::sqlite::PagePoolInUse;
using store::sqlite::UsePagePool;

// SQLite's configuration is process-wide and closes once SQLite starts, which other tests in
// this binary do; each case therefore runs in a fresh child process ("threadsafe" death-test
// style re-executes the binary for just that case).
class ServePagePoolTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

ServeOptions SmallServer(const std::filesystem::path& root) {
  ServeOptions options;
  options.dir.root = root / "d";
  options.writer_cache_mib = 8;
  return options;
}

// The demo's order: the pool first, then the initialisation that opens the store; serving
// afterwards calls it again and finds it in place.
int PoolFirstThenInit(const std::filesystem::path& root) {
  const ServeOptions options = SmallServer(root);
  UseServePagePool(options);
  if (!PagePoolInUse()) return 1;
  Clock clock;
  if (!InitDataDir(options.dir, clock, "GM9999").ok()) return 2;
  UseServePagePool(options);
  if (!PagePoolInUse()) return 3;
  return 0;
}

TEST_F(ServePagePoolTest, TakenBeforeTheDemoInitialisesAndHarmlessOnceMore) {
  EXPECT_EXIT(std::exit(testing::InTempDir(PoolFirstThenInit)), ::testing::ExitedWithCode(0), "");
}

// The order the demo had: once the initialisation has started SQLite the pool cannot go in,
// and the server runs on malloc.
int InitThenPool(const std::filesystem::path& root) {
  const ServeOptions options = SmallServer(root);
  Clock clock;
  if (!InitDataDir(options.dir, clock, "GM9999").ok()) return 1;
  UseServePagePool(options);
  if (PagePoolInUse()) return 2;
  return 0;
}

TEST_F(ServePagePoolTest, TooLateOnceTheStoreWasOpened) {
  EXPECT_EXIT(std::exit(testing::InTempDir(InitThenPool)), ::testing::ExitedWithCode(0), "");
}

// On PostgreSQL there are no SQLite caches: nothing is attempted, so the process could still
// take a pool afterwards.
TEST_F(ServePagePoolTest, NothingOnPostgresql) {
  EXPECT_EXIT(
      {
        ServeOptions options;
        options.dir.database_url = "postgresql:///jeugdhulp";
        UseServePagePool(options);
        if (PagePoolInUse()) std::exit(1);
        if (!UsePagePool(8 << 20).ok()) std::exit(2);
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace jh::app
