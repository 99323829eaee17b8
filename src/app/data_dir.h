// The data directory: DIR/master.key (mode 0600), DIR/jeugdhulp.db (SQLite, WAL),
// DIR/audit.checkpoint (the audit chain heads, audit/checkpoint.h). The directory itself is
// created with mode 0700.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "crypto/vault.h"
#include "store/store.h"

namespace jh::app {

struct DataDir {
  std::filesystem::path root;
  std::filesystem::path KeyFile() const { return root / "master.key"; }
  std::filesystem::path Database() const { return root / "jeugdhulp.db"; }
  std::filesystem::path AuditCheckpoint() const { return root / "audit.checkpoint"; }
};

struct Opened {
  std::unique_ptr<crypto::Vault> vault;
  // Checkpoints the audit chain heads after every commit (the checkpoint lives as long as
  // the store: its after-commit hook owns it).
  std::unique_ptr<store::Store> store;
};

// Creates the directory, the master key and the store, and a first beheerder with a token,
// which is returned (shown once). Errors: kConflict when DIR already holds a master key;
// kUnavailable on I/O failure.
[[nodiscard]] Result<std::string> InitDataDir(const DataDir& dir, const Clock& clock,
                                              const std::string& gemeentecode);

// Opens an initialised data directory, with the audit checkpoint written after every commit
// (options.after_commit, if set, runs after that). Errors: kUnavailable (missing,
// unreadable, bad mode, checkpoint cannot be opened).
[[nodiscard]] Result<Opened> OpenDataDir(const DataDir& dir,
                                         const store::SqliteOptions& options = {});

}  // namespace jh::app
