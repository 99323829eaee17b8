// The erasure ledger: an append-only file beside the database (DIR/vernietigingen.ledger)
// naming every owner whose data key was destroyed — a person (AVG-04), a Veilig Thuis case
// (VT-08, VT-09), a care dossier (JW-09) — one "soort id" line each, ids only (never a BSN).
// A backup still holds the sealed keys it was taken with; the ledger is what lets `restore`
// destroy them again, so that an erasure outlives the restore of an older backup.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"

namespace jh::store {

struct Vernietigd {
  std::string soort;  // "persoon", "vt-zaak" or "jw-dossier"
  std::string id;     // the owner id of the destroyed key (a UUID)
};

class ErasureLedger {
 public:
  // Opens (creating, mode 0600) the ledger for appending. Errors: kUnavailable.
  [[nodiscard]] static Result<std::unique_ptr<ErasureLedger>> Open(
      const std::filesystem::path& file);
  ~ErasureLedger();
  ErasureLedger(const ErasureLedger&) = delete;
  ErasureLedger& operator=(const ErasureLedger&) = delete;

  // Appends the entry and fsyncs, so that it is on disk before the destruction commits.
  // Errors: kUnavailable (the caller's transaction then fails: no unrecorded destruction).
  [[nodiscard]] Status Append(const Vernietigd& entry);

  // Every entry of `file`, in order; a missing file has none, a line that is not
  // "soort id" (a torn last write) is skipped. Errors: kUnavailable when unreadable.
  [[nodiscard]] static Result<std::vector<Vernietigd>> Read(const std::filesystem::path& file);

 private:
  explicit ErasureLedger(int fd) : fd_(fd) {}
  std::mutex mu_;
  int fd_;
};

}  // namespace jh::store
