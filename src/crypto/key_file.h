// The master key file: 32 raw bytes, mode 0600. Internal to the vault.
//
// Thread-safety: the functions share no state; concurrent calls on one path race like any
// file operations (CreateKeyFile's O_EXCL makes exactly one creator win).
#pragma once

#include <cstddef>
#include <filesystem>

#include "core/result.h"

namespace jh::crypto {

inline constexpr size_t kMasterKeyBytes = 32;

// Creates `path` with O_CREAT|O_EXCL and mode 0600, writes `key`, fsyncs the file and its
// directory (so the file itself survives a crash, not just its data). On failure after the
// file was made, removes it, so that a retry can succeed.
// Errors: kConflict if the file exists; kUnavailable on any other I/O failure.
[[nodiscard]] Status WriteKeyFile(const std::filesystem::path& path,
                                  const unsigned char (&key)[kMasterKeyBytes]);

// Reads the key from `path` into `key`. Errors: kUnavailable if missing, not a regular file,
// readable or writable by group or others, or not exactly kMasterKeyBytes long.
[[nodiscard]] Status ReadKeyFile(const std::filesystem::path& path,
                                 unsigned char (&key)[kMasterKeyBytes]);

}  // namespace jh::crypto
