// Backups of the SQLite store, file to file, with SQLite's online backup API: the copy is a
// consistent snapshot of one committed state even while a server keeps writing (the API
// restarts the copy when the source changes under it). PostgreSQL has its own tools
// (pg_basebackup, docs/operations.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "core/result.h"

namespace jh::store {

// Copies the database `from` into `to` (created or replaced). Errors: kUnavailable.
[[nodiscard]] Status BackupSqlite(const std::filesystem::path& from,
                                  const std::filesystem::path& to);

// `PRAGMA integrity_check` on a database file opened read-only. Errors: kUnavailable when it
// cannot be read, kInvalidArgument when it is not a sound SQLite database.
[[nodiscard]] Status CheckSqliteFile(const std::filesystem::path& file);

// One sealed data key (owner id, sealed bytes) from a database file opened read-only, to
// check that a master key fits a backup before restoring it; nullopt when it has none.
[[nodiscard]] Result<std::optional<std::pair<std::string, std::string>>> SampleSealedKey(
    const std::filesystem::path& file);

}  // namespace jh::store
