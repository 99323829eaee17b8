// A thin layer over SQLite's own page cache that spares every commit a scan of the whole
// cache while the database is smaller than 1 GiB.
//
// Why: at the end of every write transaction SQLite drops the cached pages beyond the end of
// the database (pager_end_transaction → xTruncate(dbSize + 1)). Its page cache only keeps
// the highest page number it ever held, and when a b-tree rebalances it renumbers a page
// for a moment to the pending-byte page (page 262,145 at 4 KiB pages, the page at 1 GiB that
// never holds data). From then on every commit of a database under 1 GiB finds that number
// above the end, and because it lies more than a cache's worth of pages away, SQLite walks
// every hash bucket and every cached page to find nothing. Measured on `bench/vir`, empty
// index (100,000 persons, a 256 MiB writer cache 20,000 pages full): one such scan per commit,
// 0.7 ms each, 5.4 % of all the server's CPU samples; the scan grows with the cache (65,536 pages).
//
// The layer forwards every call to SQLite's cache and keeps its own account of the page
// numbers the cache can hold (TruncateTracker below); it lets a truncation through only
// when a page at or beyond the limit may be in the cache. Correctness does not depend on it
// being installed: without it SQLite's scan simply runs.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/result.h"

namespace jh::store::sqlite {

// The bookkeeping of one page cache, apart from SQLite so that it can be tested on its own.
// Invariant: every page in the cache has a key ≤ max_fetched(), or is listed in moved() with
// its current key. Pages that leave the cache unnoticed (SQLite recycles them) only make the
// account larger than the truth, which costs a needless truncation, never a missed one.
class TruncateTracker {
 public:
  // A page the cache returned for `key` (found or created).
  void Fetched(const void* page, uint32_t key);
  // SQLite moved `page` to `key`.
  void Rekeyed(const void* page, uint32_t key);
  // SQLite discarded `page` from the cache.
  void Discarded(const void* page);
  // Whether a page with a key ≥ limit may be in the cache, so the truncation must run.
  [[nodiscard]] bool MayHoldFrom(uint32_t limit) const;
  // The truncation to `limit` ran: no page with a key ≥ limit is left.
  void Truncated(uint32_t limit);

  uint32_t max_fetched() const { return max_fetched_; }
  const std::vector<std::pair<const void*, uint32_t>>& moved() const { return moved_; }

 private:
  void Forget(const void* page);

  uint32_t max_fetched_ = 0;
  // Pages renumbered above max_fetched_: in practice none or one (a rebalance in progress).
  std::vector<std::pair<const void*, uint32_t>> moved_;
};

// Puts the layer between SQLite and its default page cache for this process. Must run
// before SQLite initialises (the first connection); afterwards it fails with kUnavailable and
// changes nothing. A second call after a successful first one succeeds and does nothing.
// OpenSqlite calls it; other callers need not.
[[nodiscard]] Status UseTruncateShim();

// Whether this process runs with the layer.
[[nodiscard]] bool TruncateShimInUse();

// Truncations SQLite asked for since the process started: passed on to its cache, and
// skipped because no page at or beyond the limit could be cached. Shows the layer at work.
struct TruncateCounts {
  int64_t passed = 0;
  int64_t skipped = 0;
};
[[nodiscard]] TruncateCounts TruncateShimCounts();

}  // namespace jh::store::sqlite
