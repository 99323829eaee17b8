// A fault-injection seam for tests, in the spirit of LevelDB's fault-injection Env: a SQLite
// VFS that forwards everything to the default VFS, except that it can be told to fail the
// next fsyncs or the next writes. A store opened with SqliteOptions::vfs = FaultVfsName()
// runs through it.
//
// Thread-safety: all functions are safe to call from any thread.
#pragma once

#include <cstdint>

namespace jh::store::testing {

// Registers the VFS on first use (not as the default) and returns its name.
const char* FaultVfsName();

// The next `n` xSync calls on any file opened through the VFS fail with
// SQLITE_IOERR_FSYNC, as a disk would report a failed write-back. n = 0 stops failing.
void FailNextSyncs(int n);

// The next `n` xWrite calls (to the WAL or the database) fail with SQLITE_IOERR_WRITE, as a
// full or failing disk would. n = 0 stops failing.
void FailNextWrites(int n);

// xSync calls that reached the VFS since the process started (failed ones included).
int64_t SyncCount();

}  // namespace jh::store::testing
