// The checkpoint file: two slots of kSlotSize bytes at offsets 0 and kSlotSize.
//
//   offset  size  field
//        0     8  magic "JHAUDCP1"
//        8     8  generation (big-endian; 0 is never written, so a zeroed slot is invalid)
//       16     4  number of chains (big-endian; must be 2)
//       20     4  zero
//       24  40×n  per chain in Chain order: seq (big-endian u64) and hash (32 bytes)
//      224    32  BLAKE2b-256 (crypto_generichash) of bytes 0..223
//
// Write puts generation g+1 into the slot that does not hold the newest valid generation g,
// so the slot holding the last durable checkpoint is never overwritten: a write torn by a
// crash leaves that slot intact. The checksum finds the torn one; it is not a MAC (anyone
// who can write the file can write a valid slot).
//
// Write holds flock(LOCK_EX) and re-reads both slots, so several processes on one data
// directory (`serve` and `admin`) number generations correctly. It never moves a chain's
// head backwards: a checkpoint ahead of the database means records were cut off (or a
// backup was restored), and overwriting it would erase that evidence.
#include "audit/checkpoint.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "core/log.h"

namespace jh::audit {

namespace {

constexpr size_t kSlotSize = 256;
constexpr size_t kChecksumAt = kSlotSize - crypto_generichash_BYTES;
constexpr size_t kEntriesAt = 24;
constexpr size_t kEntrySize = 8 + crypto_hash_sha256_BYTES;
constexpr size_t kChains = 2;  // Chain::kVerwerkingen, Chain::kBesluiten
constexpr char kMagic[8] = {'J', 'H', 'A', 'U', 'D', 'C', 'P', '1'};
static_assert(kEntriesAt + kChains * kEntrySize <= kChecksumAt);

using Slot = std::array<unsigned char, kSlotSize>;

struct Parsed {
  uint64_t generation = 0;
  std::vector<Head> heads;
};

void PutU64(unsigned char* p, uint64_t v) {
  for (int i = 7; i >= 0; --i, v >>= 8) p[i] = static_cast<unsigned char>(v & 0xff);
}

uint64_t GetU64(const unsigned char* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
  return v;
}

void Checksum(const Slot& slot, unsigned char* out) {
  crypto_generichash(out, crypto_generichash_BYTES, slot.data(), kChecksumAt, nullptr, 0);
}

Slot Encode(uint64_t generation, const std::vector<Head>& heads) {
  Slot s{};
  std::memcpy(s.data(), kMagic, sizeof kMagic);
  PutU64(s.data() + 8, generation);
  s[19] = static_cast<unsigned char>(heads.size());  // u32 count at 16; 20..23 stay zero
  for (size_t i = 0; i < heads.size(); ++i) {
    unsigned char* e = s.data() + kEntriesAt + i * kEntrySize;
    PutU64(e, static_cast<uint64_t>(heads[i].seq));
    std::memcpy(e + 8, heads[i].hash.data(), crypto_hash_sha256_BYTES);
  }
  Checksum(s, s.data() + kChecksumAt);
  return s;
}

std::optional<Parsed> Decode(const Slot& s) {
  if (std::memcmp(s.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
  std::array<unsigned char, crypto_generichash_BYTES> sum{};
  Checksum(s, sum.data());
  if (sodium_memcmp(sum.data(), s.data() + kChecksumAt, sum.size()) != 0) return std::nullopt;
  Parsed p;
  p.generation = GetU64(s.data() + 8);
  // Bytes 16..23: the chain count (u32) and a zero word, read as one u64.
  const uint64_t count_and_zero = GetU64(s.data() + 16);
  if (p.generation == 0 || count_and_zero != uint64_t{kChains} << 32) return std::nullopt;
  for (size_t i = 0; i < kChains; ++i) {
    const unsigned char* e = s.data() + kEntriesAt + i * kEntrySize;
    const uint64_t seq = GetU64(e);
    if (seq > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
    p.heads.push_back(
        Head{static_cast<int64_t>(seq),
             std::string(reinterpret_cast<const char*>(e + 8), crypto_hash_sha256_BYTES)});
  }
  return p;
}

// The newest valid slot and its index, or nullopt. Short files just have invalid slots.
struct Newest {
  Parsed parsed;
  int slot = 0;
};

Result<std::optional<Newest>> ReadNewest(int fd) {
  std::array<Slot, 2> slots{};
  size_t got = 0;
  auto* buf = reinterpret_cast<unsigned char*>(slots.data());
  while (got < sizeof slots) {
    const ssize_t n = ::pread(fd, buf + got, sizeof slots - got, static_cast<off_t>(got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error::Unavailable(std::string("checkpoint lezen: ") + std::strerror(errno));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  std::optional<Newest> newest;
  for (int i = 0; i < 2; ++i) {
    std::optional<Parsed> p = Decode(slots[i]);
    if (p && (!newest || p->generation > newest->parsed.generation)) {
      newest = Newest{std::move(*p), i};
    }
  }
  return newest;
}

Status WriteAll(int fd, const Slot& slot, off_t at) {
  size_t done = 0;
  while (done < slot.size()) {
    const ssize_t n =
        ::pwrite(fd, slot.data() + done, slot.size() - done, at + static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      return Error::Unavailable(std::string("checkpoint schrijven: ") + std::strerror(errno));
    done += static_cast<size_t>(n);
  }
  return {};
}

bool SameHeads(const std::vector<Head>& a, const std::vector<Head>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].seq != b[i].seq || a[i].hash != b[i].hash) return false;
  }
  return true;
}

// Holds flock(LOCK_EX) on the file for its lifetime.
class FileLock {
 public:
  explicit FileLock(int fd) : fd_(fd) {
    int rc;
    do {
      rc = ::flock(fd_, LOCK_EX);
    } while (rc != 0 && errno == EINTR);
    locked_ = rc == 0;
  }
  ~FileLock() {
    if (locked_) ::flock(fd_, LOCK_UN);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool locked() const { return locked_; }

 private:
  int fd_;
  bool locked_ = false;
};

// Makes a new directory entry durable: without this a crash could lose the file itself.
Status SyncDirectory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Error::Unavailable(std::string("datamap openen: ") + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) return Error::Unavailable(std::string("datamap fsync: ") + std::strerror(err));
  return {};
}

}  // namespace

Result<std::unique_ptr<Checkpoint>> Checkpoint::Open(const std::filesystem::path& file) {
  constexpr int kFlags = O_RDWR | O_CLOEXEC | O_NOFOLLOW;
  bool created = true;
  int fd = ::open(file.c_str(), kFlags | O_CREAT | O_EXCL, 0600);
  if (fd < 0 && errno == EEXIST) {
    created = false;
    fd = ::open(file.c_str(), kFlags);
  }
  if (fd < 0) {
    return Error::Unavailable(std::string("Het checkpoint kan niet worden geopend: ") +
                              std::strerror(errno));
  }
  std::unique_ptr<Checkpoint> c(new Checkpoint());
  c->fd_ = fd;
  if (created) JH_TRY(SyncDirectory(file.parent_path()));
  JH_ASSIGN_OR_RETURN(std::optional<Newest> newest, ReadNewest(fd));
  if (newest) {
    c->generation_ = newest->parsed.generation;
    c->last_ = std::move(newest->parsed.heads);
  }
  return c;
}

Checkpoint::~Checkpoint() {
  if (fd_ >= 0) ::close(fd_);
}

Status Checkpoint::Write(const std::vector<Head>& heads) {
  if (heads.size() != kChains) return Error::Internal("checkpoint: verwacht 2 ketenkoppen");
  for (const Head& h : heads) {
    if (h.seq < 0 || h.hash.size() != crypto_hash_sha256_BYTES) {
      return Error::Internal("checkpoint: ongeldige ketenkop");
    }
  }
  // Most commits in a quiet moment move no head: no lock, no I/O.
  if (SameHeads(heads, last_)) return {};
  FileLock lock(fd_);
  if (!lock.locked()) {
    return Error::Unavailable(std::string("checkpoint vergrendelen: ") + std::strerror(errno));
  }
  JH_ASSIGN_OR_RETURN(std::optional<Newest> newest, ReadNewest(fd_));
  if (newest) {
    if (SameHeads(heads, newest->parsed.heads)) {  // another process wrote these already
      last_ = heads;
      return {};
    }
    for (size_t i = 0; i < kChains; ++i) {
      if (heads[i].seq < newest->parsed.heads[i].seq) {
        log::Warn("audit-checkpoint-ahead", {{"chain", ChainName(static_cast<Chain>(i))},
                                             {"checkpoint_seq", newest->parsed.heads[i].seq},
                                             {"head_seq", heads[i].seq}});
        return {};
      }
    }
  }
  const uint64_t generation = newest ? newest->parsed.generation + 1 : 1;
  const int slot = newest ? 1 - newest->slot : 0;
  JH_TRY(WriteAll(fd_, Encode(generation, heads), static_cast<off_t>(slot * kSlotSize)));
  int rc;
  do {
    rc = ::fdatasync(fd_);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0)
    return Error::Unavailable(std::string("checkpoint fdatasync: ") + std::strerror(errno));
  generation_ = generation;
  last_ = heads;
  return {};
}

Result<std::optional<std::vector<Head>>> Checkpoint::Read(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) return std::optional<std::vector<Head>>();
  if (fd < 0) {
    return Error::Unavailable(std::string("Het checkpoint kan niet worden gelezen: ") +
                              std::strerror(errno));
  }
  auto newest = ReadNewest(fd);
  ::close(fd);
  if (!newest.ok()) return std::move(newest).error();
  if (!*newest) return std::optional<std::vector<Head>>();
  return std::optional<std::vector<Head>>(std::move((*newest)->parsed.heads));
}

}  // namespace jh::audit
