// The data directory: DIR/master.key (mode 0600), DIR/jeugdhulp.db (SQLite, WAL),
// DIR/audit.checkpoint (the audit chain heads of lane 0, audit/checkpoint.h),
// DIR/vernietigingen.ledger (every destroyed data key, store/erasure_ledger.h). The directory
// itself is created with mode 0700. With a PostgreSQL URL the data lives in that database
// instead of jeugdhulp.db; the master key and this machine's checkpoints stay in DIR, one
// per chain lane its processes appended to (DIR/audit.checkpoint.baan-N, audit/chain.h).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "audit/chain.h"
#include "core/clock.h"
#include "core/result.h"
#include "crypto/vault.h"
#include "store/erasure_ledger.h"
#include "store/store.h"

namespace jh::app {

struct DataDir {
  std::filesystem::path root;
  // "" for SQLite in DIR; else postgresql://… (never logged: it may hold a password).
  std::string database_url;
  std::filesystem::path KeyFile() const { return root / "master.key"; }
  std::filesystem::path Database() const { return root / "jeugdhulp.db"; }
  std::filesystem::path ErasureLedger() const { return root / "vernietigingen.ledger"; }
  // Present from before `restore` puts a backup in place until it has destroyed again every
  // erasure of the ledger (AVG-04): while it is there, OpenDataDir refuses the directory.
  std::filesystem::path RestoreMarker() const { return root / "herstel.onvoltooid"; }
  // Set only by `restore` itself, which opens the directory to finish what the marker guards.
  bool finishing_restore = false;
  std::filesystem::path AuditCheckpoint(int64_t lane = 0) const {
    return root / (lane == 0 ? std::string("audit.checkpoint")
                             : "audit.checkpoint.baan-" + std::to_string(lane));
  }
};

// The checkpoints of every lane found in `dir` (lane 0's file and audit.checkpoint.baan-N),
// read one by one; a file without a valid slot is left out. `files` (if given) counts the
// checkpoint files that exist. Errors: kUnavailable when one cannot be read.
[[nodiscard]] Result<audit::LaneCheckpoints> ReadCheckpoints(const DataDir& dir,
                                                             int* files = nullptr);

struct Opened {
  std::unique_ptr<crypto::Vault> vault;
  // Checkpoints the audit chain heads after every commit (the checkpoint lives as long as
  // the store: its after-commit hook owns it).
  std::unique_ptr<store::Store> store;
  // Every key destruction through this store is recorded here first (services::Env::ledger).
  std::unique_ptr<store::ErasureLedger> ledger;
};

// Creates the directory, the master key and the store, and a first beheerder with a token,
// which is returned (shown once). Errors: kConflict when DIR already holds a master key, or
// the PostgreSQL database already holds organisations (sealed under another master key);
// kUnavailable on I/O failure or when PostgreSQL cannot be reached.
[[nodiscard]] Result<std::string> InitDataDir(const DataDir& dir, const Clock& clock,
                                              const std::string& gemeentecode);

// Opens an initialised data directory, with the audit checkpoint written after every commit
// (options.after_commit, if set, runs after that). `options` applies to SQLite, `pg_options`
// to PostgreSQL (dir.database_url set); the checkpoint hook is added to either. Errors:
// kUnavailable (missing, unreadable, bad mode, checkpoint cannot be opened, PostgreSQL
// unreachable); kInvalidArgument for a URL that is not postgresql://.
[[nodiscard]] Result<Opened> OpenDataDir(const DataDir& dir,
                                         const store::SqliteOptions& options = {},
                                         const store::PgOptions& pg_options = {});

// Opens the store of `dir` without the checkpoint hook (audit verify must never move the
// checkpoint): SQLite with one reader, or PostgreSQL. Errors as OpenSqlite / OpenPostgres.
[[nodiscard]] Result<std::unique_ptr<store::Store>> OpenStoreOnly(const DataDir& dir);

}  // namespace jh::app
