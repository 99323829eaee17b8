// The VFS is a shim (store/sqlite_shim_vfs.h): every call forwards to the default VFS, except
// xSync and xWrite, which fail on request.
#include "store/fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <mutex>

#include "store/sqlite_shim_vfs.h"
#include "store/sqlite_truncate_shim.h"

namespace jh::store::testing {

namespace {

using sqlite::RealFile;
using sqlite::RealMethods;

// Test-only process state: SQLite's VFS registry is process-global, so is this seam.
std::atomic<int> g_fail_syncs{0};
std::atomic<int> g_fail_writes{0};
std::atomic<int64_t> g_syncs{0};

// Decrements a budget of failures if it is positive; true when this call must fail.
bool TakeFailure(std::atomic<int>& budget) {
  int n = budget.load();
  while (n > 0 && !budget.compare_exchange_weak(n, n - 1)) {
  }
  return n > 0;
}

int FaultWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
  if (TakeFailure(g_fail_writes)) return SQLITE_IOERR_WRITE;
  return RealMethods(f)->xWrite(RealFile(f), p, n, o);
}
int FaultSync(sqlite3_file* f, int flags) {
  g_syncs.fetch_add(1);
  if (TakeFailure(g_fail_syncs)) return SQLITE_IOERR_FSYNC;
  return RealMethods(f)->xSync(RealFile(f), flags);
}

int FaultOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  static const sqlite::ShimMethods methods =
      sqlite::MakeShimMethods({.xWrite = FaultWrite, .xSync = FaultSync});
  return sqlite::OpenShimFile(vfs, name, f, flags, out_flags, methods);
}

}  // namespace

const char* FaultVfsName() {
  static constexpr const char* kName = "jh-fault";
  static std::once_flag once;
  static sqlite3_vfs vfs{};
  std::call_once(once, [] {
    // Finding the default VFS starts SQLite: the page cache layer goes in first, so stores on
    // this VFS run as the server's do (sqlite_truncate_shim.h).
    (void)sqlite::UseTruncateShim();
    sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    if (real == nullptr) return;  // no VFS at all: opening through the name then fails
    sqlite::FillShimVfs(vfs, real, kName, FaultOpen);
    sqlite3_vfs_register(&vfs, /*makeDflt=*/0);
  });
  return kName;
}

void FailNextSyncs(int n) { g_fail_syncs.store(n < 0 ? 0 : n); }

void FailNextWrites(int n) { g_fail_writes.store(n < 0 ? 0 : n); }

int64_t SyncCount() { return g_syncs.load(); }

}  // namespace jh::store::testing
