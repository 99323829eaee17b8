// What the store's SQLite VFS shims share (the WAL write layer of sqlite_wal_buffer.h, the
// fault-injection seam of fault_vfs.h): a VFS that forwards every call to a real VFS, and
// files that forward every method to the real file, except the methods a shim replaces.
//
// A shim's sqlite3_file is a ShimFile with the real file right behind it in the same
// allocation (the VFS's szOsFile covers both); SQLite calls xClose exactly when pMethods is
// set, so the shim file's methods mirror the real file's (and its io_methods version).
//
// Thread-safety: the functions hold no state; a shim's own state is the shim's business.
#pragma once

#include <sqlite3.h>

namespace jh::store::sqlite {

struct ShimFile {
  sqlite3_file base;   // must come first: SQLite sees a ShimFile as a sqlite3_file
  sqlite3_file* real;  // points just past this struct, into the same allocation
  void* state;         // the shim's own, per file; null unless the shim sets it
};

inline ShimFile* AsShim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }
inline sqlite3_file* RealFile(sqlite3_file* f) { return AsShim(f)->real; }
inline const sqlite3_io_methods* RealMethods(sqlite3_file* f) { return RealFile(f)->pMethods; }

// A shim's method tables, one per io_methods version (1, 2: shared memory for WAL, 3:
// memory-mapped I/O), so a shim never claims methods its real file lacks.
struct ShimMethods {
  sqlite3_io_methods of_version[3];
};

// Tables that forward every method to the real file except those set in `own`; its null
// entries (and iVersion) are ignored.
[[nodiscard]] ShimMethods MakeShimMethods(const sqlite3_io_methods& own);

// Opens the real file behind `f` through `vfs`'s real VFS and gives `f` the table of
// `methods` that matches the real file's version (none when the real file has none). The
// state is null. Returns what the real xOpen returned.
int OpenShimFile(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags,
                 const ShimMethods& methods);

// Fills `vfs` as a shim named `name` over `real` (kept in pAppData): every VFS method
// forwards to `real` except xOpen, which is `open`. iVersion 2: the system-call hooks of
// version 3 are not forwarded. `name` must outlive the registration.
void FillShimVfs(sqlite3_vfs& vfs, sqlite3_vfs* real, const char* name,
                 int (*open)(sqlite3_vfs*, const char*, sqlite3_file*, int, int*));

}  // namespace jh::store::sqlite
