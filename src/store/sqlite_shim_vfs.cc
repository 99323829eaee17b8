#include "store/sqlite_shim_vfs.h"

#include <algorithm>

namespace jh::store::sqlite {

namespace {

sqlite3_vfs* ShimBase(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }

// The file methods, forwarded.
int FwdClose(sqlite3_file* f) { return RealMethods(f)->xClose(RealFile(f)); }
int FwdRead(sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
  return RealMethods(f)->xRead(RealFile(f), p, n, o);
}
int FwdWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
  return RealMethods(f)->xWrite(RealFile(f), p, n, o);
}
int FwdTruncate(sqlite3_file* f, sqlite3_int64 size) {
  return RealMethods(f)->xTruncate(RealFile(f), size);
}
int FwdSync(sqlite3_file* f, int flags) { return RealMethods(f)->xSync(RealFile(f), flags); }
int FwdFileSize(sqlite3_file* f, sqlite3_int64* size) {
  return RealMethods(f)->xFileSize(RealFile(f), size);
}
int FwdLock(sqlite3_file* f, int level) { return RealMethods(f)->xLock(RealFile(f), level); }
int FwdUnlock(sqlite3_file* f, int level) { return RealMethods(f)->xUnlock(RealFile(f), level); }
int FwdCheckReservedLock(sqlite3_file* f, int* out) {
  return RealMethods(f)->xCheckReservedLock(RealFile(f), out);
}
int FwdFileControl(sqlite3_file* f, int op, void* arg) {
  return RealMethods(f)->xFileControl(RealFile(f), op, arg);
}
int FwdSectorSize(sqlite3_file* f) { return RealMethods(f)->xSectorSize(RealFile(f)); }
int FwdDeviceCharacteristics(sqlite3_file* f) {
  return RealMethods(f)->xDeviceCharacteristics(RealFile(f));
}
int FwdShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** p) {
  return RealMethods(f)->xShmMap(RealFile(f), region, size, extend, p);
}
int FwdShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return RealMethods(f)->xShmLock(RealFile(f), offset, n, flags);
}
void FwdShmBarrier(sqlite3_file* f) { RealMethods(f)->xShmBarrier(RealFile(f)); }
int FwdShmUnmap(sqlite3_file* f, int delete_flag) {
  return RealMethods(f)->xShmUnmap(RealFile(f), delete_flag);
}
int FwdFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
  return RealMethods(f)->xFetch(RealFile(f), o, n, p);
}
int FwdUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return RealMethods(f)->xUnfetch(RealFile(f), o, p);
}

// The VFS methods, forwarded.
int FwdDelete(sqlite3_vfs* v, const char* name, int sync_dir) {
  return ShimBase(v)->xDelete(ShimBase(v), name, sync_dir);
}
int FwdAccess(sqlite3_vfs* v, const char* name, int flags, int* out) {
  return ShimBase(v)->xAccess(ShimBase(v), name, flags, out);
}
int FwdFullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return ShimBase(v)->xFullPathname(ShimBase(v), name, n, out);
}
void* FwdDlOpen(sqlite3_vfs* v, const char* name) {
  return ShimBase(v)->xDlOpen(ShimBase(v), name);
}
void FwdDlError(sqlite3_vfs* v, int n, char* out) { ShimBase(v)->xDlError(ShimBase(v), n, out); }
void (*FwdDlSym(sqlite3_vfs* v, void* h, const char* sym))(void) {
  return ShimBase(v)->xDlSym(ShimBase(v), h, sym);
}
void FwdDlClose(sqlite3_vfs* v, void* h) { ShimBase(v)->xDlClose(ShimBase(v), h); }
int FwdRandomness(sqlite3_vfs* v, int n, char* out) {
  return ShimBase(v)->xRandomness(ShimBase(v), n, out);
}
int FwdSleep(sqlite3_vfs* v, int micros) { return ShimBase(v)->xSleep(ShimBase(v), micros); }
int FwdCurrentTime(sqlite3_vfs* v, double* out) {
  return ShimBase(v)->xCurrentTime(ShimBase(v), out);
}
int FwdGetLastError(sqlite3_vfs* v, int n, char* out) {
  return ShimBase(v)->xGetLastError(ShimBase(v), n, out);
}
int FwdCurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) {
  return ShimBase(v)->xCurrentTimeInt64(ShimBase(v), out);
}

template <typename Fn>
Fn Either(Fn own, Fn forward) {
  return own != nullptr ? own : forward;
}

}  // namespace

ShimMethods MakeShimMethods(const sqlite3_io_methods& own) {
  ShimMethods out{};
  for (int version = 1; version <= 3; ++version) {
    out.of_version[version - 1] = {
        .iVersion = version,
        .xClose = Either(own.xClose, FwdClose),
        .xRead = Either(own.xRead, FwdRead),
        .xWrite = Either(own.xWrite, FwdWrite),
        .xTruncate = Either(own.xTruncate, FwdTruncate),
        .xSync = Either(own.xSync, FwdSync),
        .xFileSize = Either(own.xFileSize, FwdFileSize),
        .xLock = Either(own.xLock, FwdLock),
        .xUnlock = Either(own.xUnlock, FwdUnlock),
        .xCheckReservedLock = Either(own.xCheckReservedLock, FwdCheckReservedLock),
        .xFileControl = Either(own.xFileControl, FwdFileControl),
        .xSectorSize = Either(own.xSectorSize, FwdSectorSize),
        .xDeviceCharacteristics = Either(own.xDeviceCharacteristics, FwdDeviceCharacteristics),
        .xShmMap = Either(own.xShmMap, FwdShmMap),
        .xShmLock = Either(own.xShmLock, FwdShmLock),
        .xShmBarrier = Either(own.xShmBarrier, FwdShmBarrier),
        .xShmUnmap = Either(own.xShmUnmap, FwdShmUnmap),
        .xFetch = Either(own.xFetch, FwdFetch),
        .xUnfetch = Either(own.xUnfetch, FwdUnfetch)};
  }
  return out;
}

int OpenShimFile(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags,
                 const ShimMethods& methods) {
  ShimFile* shim = AsShim(f);
  shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
  shim->state = nullptr;
  const int rc = ShimBase(vfs)->xOpen(ShimBase(vfs), name, shim->real, flags, out_flags);
  const sqlite3_io_methods* real = shim->real->pMethods;
  shim->base.pMethods =
      real == nullptr ? nullptr : &methods.of_version[std::clamp(real->iVersion, 1, 3) - 1];
  return rc;
}

void FillShimVfs(sqlite3_vfs& vfs, sqlite3_vfs* real, const char* name,
                 int (*open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*)) {
  vfs = sqlite3_vfs{};
  vfs.iVersion = 2;
  vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + real->szOsFile;
  vfs.mxPathname = real->mxPathname;
  vfs.zName = name;
  vfs.pAppData = real;
  vfs.xOpen = open;
  vfs.xDelete = FwdDelete;
  vfs.xAccess = FwdAccess;
  vfs.xFullPathname = FwdFullPathname;
  vfs.xDlOpen = FwdDlOpen;
  vfs.xDlError = FwdDlError;
  vfs.xDlSym = FwdDlSym;
  vfs.xDlClose = FwdDlClose;
  vfs.xRandomness = FwdRandomness;
  vfs.xSleep = FwdSleep;
  vfs.xCurrentTime = FwdCurrentTime;
  vfs.xGetLastError = FwdGetLastError;
  vfs.xCurrentTimeInt64 = FwdCurrentTimeInt64;
}

}  // namespace jh::store::sqlite
