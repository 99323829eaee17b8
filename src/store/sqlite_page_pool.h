// One fixed pool for all of SQLite's page caches in this process.
//
// Why: in WAL mode a reader connection empties its page cache whenever the database changed
// since its last read transaction, which under a steady write load is every transaction.
// With SQLite's default allocator each emptying frees thousands of ~4 KiB pages to malloc
// and the next transaction allocates them again, from whichever worker thread runs the read.
// Interleaved with everything else those threads allocate, that churn fragments the C heap:
// in a six-minute soak the heap glibc holds grew from 304 to 424 MB while the heap in use
// stayed at 280 MB. A pool of page slots (SQLITE_CONFIG_PAGECACHE) takes the pages out of malloc: a
// freed slot goes back on SQLite's free list and is the next one handed out. SQLite links every
// slot into that list when it starts, so the whole pool is resident from then on: memory
// fixed by the cache sizes, not growing with fragmentation.
#pragma once

#include <cstddef>

#include "core/result.h"

namespace jh::store::sqlite {

// Maps `bytes` of page slots and hands them to SQLite; pages beyond the pool, or larger than
// 4 KiB, still come from malloc. Must run before SQLite initialises, that is before the
// process opens its first connection; afterwards it fails with kUnavailable and changes
// nothing, and SQLite keeps using malloc for pages. Fails the same way when the reservation
// or SQLite refuses. At most one pool per process: a second call fails.
[[nodiscard]] Status UsePagePool(size_t bytes);

// Whether an earlier UsePagePool succeeded in this process.
[[nodiscard]] bool PagePoolInUse();

// Bytes of the pool's slots SQLite uses now; 0 without a pool.
[[nodiscard]] size_t PagePoolBytesInUse();

}  // namespace jh::store::sqlite
