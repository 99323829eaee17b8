// The layer is a shim VFS (sqlite_shim_vfs.h). Only a WAL file gets a buffer; the methods
// that touch the file's bytes empty it first, the others forward as they are.
#include "store/sqlite_wal_buffer.h"

#include <sqlite3.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <new>

#include "store/sqlite_shim_vfs.h"

namespace jh::store::sqlite {

void WalWriteBuffer::Append(std::string_view data, int64_t offset) {
  if (bytes_.empty()) offset_ = offset;
  bytes_.append(data);
}

bool WalWriteBuffer::Overlaps(int64_t offset, int64_t length) const {
  return !bytes_.empty() && offset < End() && offset + length > offset_;
}

namespace {

// SQLite's unix VFS masks the length of a write with 0x1ffff (seekAndWriteFd), so a write
// must stay below 128 KiB: about 31 frames of 4 KiB pages per call instead of 62 calls.
constexpr size_t kWalBufferLimit = 0x1ffff;

std::atomic<int64_t> g_wal_writes{0};
std::atomic<int64_t> g_wal_flushes{0};

// The buffer of a WAL file; none for other files.
WalWriteBuffer* BufferOf(sqlite3_file* f) { return static_cast<WalWriteBuffer*>(AsShim(f)->state); }

// Hands the buffered bytes to the real file. The buffer is emptied either way: after a failed
// write SQLite abandons the transaction, and rewrites whatever it still needs.
int FlushWal(sqlite3_file* f) {
  WalWriteBuffer* b = BufferOf(f);
  if (b == nullptr || b->Empty()) return SQLITE_OK;
  const std::string_view bytes = b->Bytes();
  const int rc = RealMethods(f)->xWrite(RealFile(f), bytes.data(), static_cast<int>(bytes.size()),
                                        b->Offset());
  b->Clear();
  g_wal_flushes.fetch_add(1, std::memory_order_relaxed);
  return rc;
}

int BufferedClose(sqlite3_file* f) {
  const int flushed = FlushWal(f);
  delete BufferOf(f);
  AsShim(f)->state = nullptr;
  const int closed = RealMethods(f)->xClose(RealFile(f));
  return flushed != SQLITE_OK ? flushed : closed;
}
int BufferedRead(sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
  WalWriteBuffer* b = BufferOf(f);
  if (b != nullptr && b->Overlaps(o, n)) {
    if (const int rc = FlushWal(f); rc != SQLITE_OK) return rc;
  }
  return RealMethods(f)->xRead(RealFile(f), p, n, o);
}
int BufferedWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
  WalWriteBuffer* b = BufferOf(f);
  if (b == nullptr) return RealMethods(f)->xWrite(RealFile(f), p, n, o);
  g_wal_writes.fetch_add(1, std::memory_order_relaxed);
  const auto length = static_cast<size_t>(n);
  if (!b->Takes(o, length)) {
    if (const int rc = FlushWal(f); rc != SQLITE_OK) return rc;
    if (!b->Takes(o, length)) return RealMethods(f)->xWrite(RealFile(f), p, n, o);
  }
  b->Append(std::string_view(static_cast<const char*>(p), length), o);
  return SQLITE_OK;
}
int BufferedTruncate(sqlite3_file* f, sqlite3_int64 size) {
  if (const int rc = FlushWal(f); rc != SQLITE_OK) return rc;
  return RealMethods(f)->xTruncate(RealFile(f), size);
}
int BufferedSync(sqlite3_file* f, int flags) {
  if (const int rc = FlushWal(f); rc != SQLITE_OK) return rc;
  return RealMethods(f)->xSync(RealFile(f), flags);
}
int BufferedFileSize(sqlite3_file* f, sqlite3_int64* size) {
  if (const int rc = FlushWal(f); rc != SQLITE_OK) return rc;
  return RealMethods(f)->xFileSize(RealFile(f), size);
}
int BufferedFileControl(sqlite3_file* f, int op, void* arg) {
  // A file control may act on the file's contents (a size hint, a persist flag): it sees
  // them as they would be without the layer.
  if (const int rc = FlushWal(f); rc != SQLITE_OK) return rc;
  return RealMethods(f)->xFileControl(RealFile(f), op, arg);
}
int BufferedFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
  if (const int rc = FlushWal(f); rc != SQLITE_OK) return rc;
  return RealMethods(f)->xFetch(RealFile(f), o, n, p);
}

const ShimMethods& BufferedMethods() {
  static const ShimMethods methods = MakeShimMethods({.xClose = BufferedClose,
                                                      .xRead = BufferedRead,
                                                      .xWrite = BufferedWrite,
                                                      .xTruncate = BufferedTruncate,
                                                      .xSync = BufferedSync,
                                                      .xFileSize = BufferedFileSize,
                                                      .xFileControl = BufferedFileControl,
                                                      .xFetch = BufferedFetch});
  return methods;
}

int BufferedOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  const int rc = OpenShimFile(vfs, name, f, flags, out_flags, BufferedMethods());
  if (rc == SQLITE_OK && f->pMethods != nullptr && (flags & SQLITE_OPEN_WAL) != 0) {
    AsShim(f)->state = new (std::nothrow) WalWriteBuffer(kWalBufferLimit);  // none: pass through
  }
  return rc;
}

struct RegisteredVfs {
  std::string name;
  sqlite3_vfs vfs{};
};

}  // namespace

std::string WalBufferVfsName(const std::string& base) {
  static std::mutex mu;
  // SQLite keeps pointers to the registered structs for the life of the process.
  static std::map<std::string, std::unique_ptr<RegisteredVfs>> registered;
  std::lock_guard lock(mu);
  if (auto it = registered.find(base); it != registered.end()) return it->second->name;
  sqlite3_vfs* real = sqlite3_vfs_find(base.empty() ? nullptr : base.c_str());
  if (real == nullptr) return base;
  auto r = std::make_unique<RegisteredVfs>();
  r->name = base.empty() ? "jh-walbuffer" : "jh-walbuffer:" + base;
  FillShimVfs(r->vfs, real, r->name.c_str(), BufferedOpen);
  if (sqlite3_vfs_register(&r->vfs, /*makeDflt=*/0) != SQLITE_OK) return base;
  const std::string name = r->name;
  registered.emplace(base, std::move(r));
  return name;
}

WalBufferCounts WalBufferCountsNow() {
  return {g_wal_writes.load(std::memory_order_relaxed),
          g_wal_flushes.load(std::memory_order_relaxed)};
}

}  // namespace jh::store::sqlite
