// A VFS layer that gathers the writes SQLite makes to a WAL file during a transaction and
// hands them to the file system in calls of up to 128 KiB, at the transaction's sync at the
// latest.
//
// Why: SQLite appends each WAL frame with two writes, its 24-byte header and then its page,
// so a commit of N pages costs 2N pwrite calls, each a system call and a partial-page write
// in the kernel. Under `bench/vir` those calls were about a fifth of the single writer's
// time. Gathered, a commit costs one pwrite per 128 KiB of frames (SQLite's unix VFS writes
// at most 128 KiB − 1 bytes per call, so no write may be larger).
//
// Why this is safe: SQLite makes a commit's frames visible to other connections only through
// the wal-index, and it updates the wal-index after the commit frame is written and, under
// synchronous=FULL (which every read-write connection of the store runs with), after xSync
// on the WAL. The layer empties its buffer into the file at every xSync, before a read that
// overlaps it, before any truncation, size query or file control, before a write that does
// not continue the buffer or would overfill it, and on close. A failed deferred write is
// reported by the call that empties the buffer, the commit's xSync at the latest, so SQLite
// fails the commit exactly as it would have failed the write. Files other than WAL files pass
// through untouched.
//
// Thread-safety: registration is safe from any thread; each file is used by one connection,
// as SQLite's own files are.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jh::store::sqlite {

// The bookkeeping of one WAL file's buffer, apart from SQLite so that it can be tested on
// its own: which bytes are held for which offset of the file.
class WalWriteBuffer {
 public:
  // The buffer never holds more than `limit` bytes.
  explicit WalWriteBuffer(size_t limit) : limit_(limit) {}

  // Whether a write of `length` bytes at `offset` can be appended: the buffer is empty, or the
  // write continues it and still fits. A write that cannot must wait until the buffer has
  // been emptied; one longer than the limit goes to the file directly.
  [[nodiscard]] bool Takes(int64_t offset, size_t length) const {
    if (length > limit_) return false;
    return bytes_.empty() || (offset == End() && bytes_.size() + length <= limit_);
  }
  // Appends a write; Takes(offset, data.size()) must hold.
  void Append(std::string_view data, int64_t offset);
  // Whether any byte of [offset, offset + length) is held here.
  [[nodiscard]] bool Overlaps(int64_t offset, int64_t length) const;
  [[nodiscard]] bool Empty() const { return bytes_.empty(); }

  // The bytes held and the file offset of the first one.
  [[nodiscard]] std::string_view Bytes() const { return bytes_; }
  [[nodiscard]] int64_t Offset() const { return offset_; }
  // Forgets the bytes (written, or their write failed); keeps the allocation.
  void Clear() { bytes_.clear(); }

 private:
  [[nodiscard]] int64_t End() const { return offset_ + static_cast<int64_t>(bytes_.size()); }

  size_t limit_;
  int64_t offset_ = 0;
  std::string bytes_;
};

// Registers (once per base) a VFS that adds the layer to `base` ("" = the default VFS) and
// returns its name, for sqlite3_open_v2. Returns `base` itself when it cannot be found, so
// that opening reports the missing VFS as it would have without the layer.
[[nodiscard]] std::string WalBufferVfsName(const std::string& base);

// The writes SQLite asked for on WAL files since the process started, and the writes the
// layer made for them: shows the layer at work (tests).
struct WalBufferCounts {
  int64_t writes = 0;   // xWrite calls on WAL files
  int64_t flushes = 0;  // writes the layer made for them
};
[[nodiscard]] WalBufferCounts WalBufferCountsNow();

}  // namespace jh::store::sqlite
