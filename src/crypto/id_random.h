// Random bytes for identifiers (UUIDs, trace and span ids): unpredictable, but not secret.
//
// libsodium's randombytes_buf makes one getrandom system call per call. An import writes
// two or three processing records per person, each with a fresh span id, all on the store's
// one writer thread, so a system call per id is a measurable share of that thread's time.
// FillIdRandom hands out slices of a per-thread pool that one randombytes_buf call refills.
//
// Never use it for keys, nonces or tokens: those come from randombytes_buf directly, so that
// no future secret ever waits in memory.
#pragma once

#include <cstddef>

namespace jh::crypto {

// Writes `n` random bytes to `out`. Thread-safe (the pool is per thread); after a fork the
// child refills its pool first, so parent and child never hand out the same bytes.
void FillIdRandom(unsigned char* out, size_t n);

}  // namespace jh::crypto
