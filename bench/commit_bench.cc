// The cost of one durable write on a SQLite store whose writer cache is full and whose file
// is under 1 GiB: the case store/sqlite_truncate_shim.h is for. Each iteration is one Write
// of one row under a random key (one transaction, one fsync), as a lone request on a quiet
// server commits.
//
//   build/bench/commit_bench [--no-shim] [benchmark flags]
//
// --no-shim starts SQLite before the store opens, so the process runs on SQLite's page cache
// alone: the baseline. bench/commit runs both, one after the other, and prints the ratio.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/sqlite_truncate_shim.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using jh::store::Blob;
using jh::store::Tx;

constexpr int kCacheKib = 256 * 1024;  // the server's writer cache (app/serve.cc)
constexpr int kPreloadRows = 500'000;  // ~250 MB of table and index: fills that cache
constexpr int kRowsPerTx = 10'000;
constexpr size_t kPayload = 400;

std::string RandomKey(std::mt19937_64& rng) {
  std::string key(32, '\0');
  for (size_t i = 0; i < key.size(); i += 8) {
    const uint64_t v = rng();
    std::memcpy(key.data() + i, &v, 8);
  }
  return key;
}

jh::Status InsertRow(Tx& tx, std::mt19937_64& rng) {
  JH_TRY(tx.Exec("INSERT INTO bench_rows (k, payload) VALUES ($1, $2)",
                 {Blob{RandomKey(rng)}, Blob{std::string(kPayload, 'x')}}));
  return {};
}

void BM_DurableWriteFullCache(benchmark::State& state) {
  char tmpl[] = "/tmp/commit-bench-XXXXXX";
  if (mkdtemp(tmpl) == nullptr) {
    state.SkipWithError("mkdtemp failed");
    return;
  }
  const fs::path dir = tmpl;
  {
    jh::store::SqliteOptions options;
    options.writer_cache_kib = kCacheKib;
    auto opened = jh::store::OpenSqlite(dir / "bench.db", options);
    if (!opened.ok()) {
      state.SkipWithError(opened.error().message.c_str());
      return;
    }
    jh::store::Store& store = **opened;
    std::mt19937_64 rng(42);
    jh::Status made = store.Write([](Tx& tx) -> jh::Status {
      JH_TRY(tx.Exec("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, k BLOB, payload BLOB)"));
      JH_TRY(tx.Exec("CREATE INDEX bench_rows_k ON bench_rows (k)"));
      return {};
    });
    for (int done = 0; made.ok() && done < kPreloadRows; done += kRowsPerTx) {
      made = store.Write([&](Tx& tx) -> jh::Status {
        for (int i = 0; i < kRowsPerTx; ++i) JH_TRY(InsertRow(tx, rng));
        return {};
      });
    }
    if (!made.ok()) {
      state.SkipWithError(made.error().message.c_str());
    } else {
      for (auto _ : state) {
        jh::Status st = store.Write([&](Tx& tx) { return InsertRow(tx, rng); });
        if (!st.ok()) state.SkipWithError(st.error().message.c_str());
      }
    }
    state.counters["shim"] = jh::store::sqlite::TruncateShimInUse() ? 1 : 0;
    state.counters["db_MiB"] =
        static_cast<double>(fs::file_size(dir / "bench.db")) / (1024.0 * 1024.0);
  }
  fs::remove_all(dir);
}
BENCHMARK(BM_DurableWriteFullCache)->Unit(benchmark::kMicrosecond)->Iterations(2000);

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-shim") == 0) {
      // SQLite started: UseTruncateShim (called by OpenSqlite) can no longer go in.
      if (sqlite3_initialize() != SQLITE_OK) return 1;
      continue;
    }
    args.push_back(argv[i]);
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
