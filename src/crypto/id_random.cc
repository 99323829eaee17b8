#include "crypto/id_random.h"

#include <pthread.h>
#include <sodium.h>

#include <atomic>
#include <cstdint>
#include <cstring>

namespace jh::crypto {

namespace {

// 512 bytes: 64 span ids or 32 UUIDs per system call, small enough per thread for the
// server's worker threads.
constexpr size_t kPoolBytes = 512;

// Bumped in a forked child, which must not reuse what its parent's pools still hold.
std::atomic<uint64_t> fork_generation{0};

struct Pool {
  unsigned char bytes[kPoolBytes];
  size_t used = kPoolBytes;  // empty: the first call fills it
  uint64_t generation = 0;
};

void OnForkChild() { fork_generation.fetch_add(1, std::memory_order_relaxed); }

bool RegisterForkHandler() {
  // sodium_init is idempotent and thread-safe; a test or a tool may reach this before the app
  // calls it.
  return sodium_init() >= 0 && pthread_atfork(nullptr, nullptr, OnForkChild) == 0;
}

}  // namespace

void FillIdRandom(unsigned char* out, size_t n) {
  static const bool registered = RegisterForkHandler();
  thread_local Pool pool;
  const uint64_t generation = fork_generation.load(std::memory_order_relaxed);
  if (!registered || n > kPoolBytes) {
    randombytes_buf(out, n);
    return;
  }
  if (pool.generation != generation || kPoolBytes - pool.used < n) {
    randombytes_buf(pool.bytes, kPoolBytes);
    pool.used = 0;
    pool.generation = generation;
  }
  std::memcpy(out, pool.bytes + pool.used, n);
  pool.used += n;
}

}  // namespace jh::crypto
