// `jeugdhulp backup` and `jeugdhulp restore` for the SQLite store (docs/operations.md).
//
// A backup is the database only: a consistent snapshot, made while the server runs. It holds
// every personal field encrypted, so it is useless without the master key — and the key is
// deliberately NOT in it: keep DIR/master.key apart from the backups (another medium, other
// people), or a stolen backup is a readable one.
//
// A restore puts a backup back into a data directory whose master key fits it, with the
// server stopped. Restoring an older state cuts off every newer record of the processing and
// decision logs: that is what a restore is, so the chain checkpoint is reset to the restored
// heads and the restore itself is the first new decision record, which says so.
#pragma once

#include <filesystem>

#include "app/data_dir.h"
#include "core/clock.h"

namespace jh::app {

// Writes the backup to `to` (via a temporary file and a rename; mode 0600).
// Errors: kUnavailable (the store cannot be read, `to` cannot be written).
[[nodiscard]] Status BackupDataDir(const DataDir& dir, const std::filesystem::path& to);

// Errors: kInvalidArgument (not a sound database, or the master key in `dir` does not fit
// it), kUnavailable (the server still runs on `dir`, or I/O failed).
[[nodiscard]] Status RestoreDataDir(const DataDir& dir, const std::filesystem::path& from,
                                    const Clock& clock);

}  // namespace jh::app
