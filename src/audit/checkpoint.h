// The chain-head checkpoint: a small file outside the store (DATA/audit.checkpoint) that
// holds the newest (seq, hash) of each chain, written and fsynced after every commit that
// moved a head, before the writers of that commit are answered. Cutting records off the end
// of a chain, or rewriting the chain wholesale, then no longer matches the checkpoint.
//
// Format: two fixed-size slots, written alternately in place (pwrite + fdatasync), each with
// a generation counter and a checksum. A write torn by a crash damages at most the slot
// being written; the reader takes the valid slot with the highest generation. So the file
// never grows and each checkpoint costs one data sync.
//
// Thread-safety: Checkpoint is not thread-safe; the store's writer thread owns it.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "audit/chain.h"
#include "core/result.h"

namespace jh::audit {

class Checkpoint {
 public:
  // Opens or creates the file. Errors: kUnavailable on I/O failure.
  [[nodiscard]] static Result<std::unique_ptr<Checkpoint>> Open(const std::filesystem::path& file);
  ~Checkpoint();

  // Records the heads (one per chain, in Chain order) durably. Errors: kUnavailable.
  [[nodiscard]] Status Write(const std::vector<Head>& heads);

  // The newest valid heads in the file, or nullopt when the file does not exist or holds no
  // valid slot. Errors: kUnavailable when the file exists but cannot be read.
  [[nodiscard]] static Result<std::optional<std::vector<Head>>> Read(
      const std::filesystem::path& file);

 private:
  Checkpoint() = default;
  int fd_ = -1;
  uint64_t generation_ = 0;
  std::vector<Head> last_;
};

}  // namespace jh::audit
