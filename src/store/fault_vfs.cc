// The VFS is a shim: its sqlite3_file holds the real file (opened by the default VFS) right
// behind its own header, and each method forwards to the real one. Only xSync and xWrite are
// changed.
#include "store/fault_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include "store/sqlite_truncate_shim.h"

namespace jh::store::testing {

namespace {

// Test-only process state: SQLite's VFS registry is process-global, so is this seam.
std::atomic<int> g_fail_syncs{0};
std::atomic<int> g_fail_writes{0};
std::atomic<int64_t> g_syncs{0};

struct ShimFile {
  sqlite3_file base;   // must come first: SQLite sees a ShimFile as a sqlite3_file
  sqlite3_file* real;  // points just past this struct, into the same allocation
};

sqlite3_vfs* RealVfs(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f)->real; }
const sqlite3_io_methods* M(sqlite3_file* f) { return Real(f)->pMethods; }

// Decrements a budget of failures if it is positive; true when this call must fail.
bool TakeFailure(std::atomic<int>& budget) {
  int n = budget.load();
  while (n > 0 && !budget.compare_exchange_weak(n, n - 1)) {
  }
  return n > 0;
}

int Close(sqlite3_file* f) { return M(f)->xClose(Real(f)); }
int Read(sqlite3_file* f, void* p, int n, sqlite3_int64 o) { return M(f)->xRead(Real(f), p, n, o); }
int Write(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
  if (TakeFailure(g_fail_writes)) return SQLITE_IOERR_WRITE;
  return M(f)->xWrite(Real(f), p, n, o);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) { return M(f)->xTruncate(Real(f), size); }
int Sync(sqlite3_file* f, int flags) {
  g_syncs.fetch_add(1);
  if (TakeFailure(g_fail_syncs)) return SQLITE_IOERR_FSYNC;
  return M(f)->xSync(Real(f), flags);
}
int FileSize(sqlite3_file* f, sqlite3_int64* size) { return M(f)->xFileSize(Real(f), size); }
int Lock(sqlite3_file* f, int level) { return M(f)->xLock(Real(f), level); }
int Unlock(sqlite3_file* f, int level) { return M(f)->xUnlock(Real(f), level); }
int CheckReservedLock(sqlite3_file* f, int* out) { return M(f)->xCheckReservedLock(Real(f), out); }
int FileControl(sqlite3_file* f, int op, void* arg) { return M(f)->xFileControl(Real(f), op, arg); }
int SectorSize(sqlite3_file* f) { return M(f)->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) { return M(f)->xDeviceCharacteristics(Real(f)); }
int ShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** p) {
  return M(f)->xShmMap(Real(f), region, size, extend, p);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return M(f)->xShmLock(Real(f), offset, n, flags);
}
void ShmBarrier(sqlite3_file* f) { M(f)->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int delete_flag) { return M(f)->xShmUnmap(Real(f), delete_flag); }
int Fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
  return M(f)->xFetch(Real(f), o, n, p);
}
int Unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) { return M(f)->xUnfetch(Real(f), o, p); }

// One method table per io_methods version, so the shim never claims methods the real file
// lacks (version 2 adds shared memory for WAL, version 3 memory-mapped I/O).
constexpr sqlite3_io_methods MethodsOfVersion(int version) {
  return {.iVersion = version,
          .xClose = Close,
          .xRead = Read,
          .xWrite = Write,
          .xTruncate = Truncate,
          .xSync = Sync,
          .xFileSize = FileSize,
          .xLock = Lock,
          .xUnlock = Unlock,
          .xCheckReservedLock = CheckReservedLock,
          .xFileControl = FileControl,
          .xSectorSize = SectorSize,
          .xDeviceCharacteristics = DeviceCharacteristics,
          .xShmMap = ShmMap,
          .xShmLock = ShmLock,
          .xShmBarrier = ShmBarrier,
          .xShmUnmap = ShmUnmap,
          .xFetch = Fetch,
          .xUnfetch = Unfetch};
}
constexpr sqlite3_io_methods kMethods[3] = {MethodsOfVersion(1), MethodsOfVersion(2),
                                            MethodsOfVersion(3)};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* shim = reinterpret_cast<ShimFile*>(f);
  shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
  const int rc = RealVfs(vfs)->xOpen(RealVfs(vfs), name, shim->real, flags, out_flags);
  // SQLite calls xClose exactly when pMethods is set, so mirror the real file's.
  const sqlite3_io_methods* real = shim->real->pMethods;
  shim->base.pMethods = real == nullptr ? nullptr : &kMethods[std::clamp(real->iVersion, 1, 3) - 1];
  return rc;
}

int Delete(sqlite3_vfs* v, const char* name, int sync_dir) {
  return RealVfs(v)->xDelete(RealVfs(v), name, sync_dir);
}
int Access(sqlite3_vfs* v, const char* name, int flags, int* out) {
  return RealVfs(v)->xAccess(RealVfs(v), name, flags, out);
}
int FullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return RealVfs(v)->xFullPathname(RealVfs(v), name, n, out);
}
void* DlOpen(sqlite3_vfs* v, const char* name) { return RealVfs(v)->xDlOpen(RealVfs(v), name); }
void DlError(sqlite3_vfs* v, int n, char* out) { RealVfs(v)->xDlError(RealVfs(v), n, out); }
void (*DlSym(sqlite3_vfs* v, void* h, const char* sym))(void) {
  return RealVfs(v)->xDlSym(RealVfs(v), h, sym);
}
void DlClose(sqlite3_vfs* v, void* h) { RealVfs(v)->xDlClose(RealVfs(v), h); }
int Randomness(sqlite3_vfs* v, int n, char* out) {
  return RealVfs(v)->xRandomness(RealVfs(v), n, out);
}
int Sleep(sqlite3_vfs* v, int micros) { return RealVfs(v)->xSleep(RealVfs(v), micros); }
int CurrentTime(sqlite3_vfs* v, double* out) { return RealVfs(v)->xCurrentTime(RealVfs(v), out); }
int GetLastError(sqlite3_vfs* v, int n, char* out) {
  return RealVfs(v)->xGetLastError(RealVfs(v), n, out);
}
int CurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) {
  return RealVfs(v)->xCurrentTimeInt64(RealVfs(v), out);
}

}  // namespace

const char* FaultVfsName() {
  static constexpr const char* kName = "jh-fault";
  static std::once_flag once;
  static sqlite3_vfs vfs{};
  std::call_once(once, [] {
    sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    if (real == nullptr) return;  // no VFS at all: opening through the name then fails
    vfs.iVersion = 2;  // up to xCurrentTimeInt64; the system-call hooks are not forwarded
    vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + real->szOsFile;
    vfs.mxPathname = real->mxPathname;
    vfs.zName = kName;
    vfs.pAppData = real;
    vfs.xOpen = Open;
    vfs.xDelete = Delete;
    vfs.xAccess = Access;
    vfs.xFullPathname = FullPathname;
    vfs.xDlOpen = DlOpen;
    vfs.xDlError = DlError;
    vfs.xDlSym = DlSym;
    vfs.xDlClose = DlClose;
    vfs.xRandomness = Randomness;
    vfs.xSleep = Sleep;
    vfs.xCurrentTime = CurrentTime;
    vfs.xGetLastError = GetLastError;
    vfs.xCurrentTimeInt64 = CurrentTimeInt64;
    // Registering starts SQLite: the page cache layer goes in first, so stores on this VFS
    // run as the server's do (sqlite_truncate_shim.h).
    (void)sqlite::UseTruncateShim();
    sqlite3_vfs_register(&vfs, /*makeDflt=*/0);
  });
  return kName;
}

void FailNextSyncs(int n) { g_fail_syncs.store(n < 0 ? 0 : n); }

void FailNextWrites(int n) { g_fail_writes.store(n < 0 ? 0 : n); }

int64_t SyncCount() { return g_syncs.load(); }

}  // namespace jh::store::testing
