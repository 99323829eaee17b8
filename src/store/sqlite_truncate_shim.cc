#include "store/sqlite_truncate_shim.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <new>

namespace jh::store::sqlite {

void TruncateTracker::Forget(const void* page) {
  std::erase_if(moved_, [page](const auto& m) { return m.first == page; });
}

void TruncateTracker::Fetched(const void* page, uint32_t key) {
  // The page now has this key: whatever it was renumbered to before no longer holds.
  if (!moved_.empty()) Forget(page);
  max_fetched_ = std::max(max_fetched_, key);
}

void TruncateTracker::Rekeyed(const void* page, uint32_t key) {
  Forget(page);
  if (key > max_fetched_) moved_.emplace_back(page, key);
}

void TruncateTracker::Discarded(const void* page) {
  if (!moved_.empty()) Forget(page);
}

bool TruncateTracker::MayHoldFrom(uint32_t limit) const {
  if (max_fetched_ >= limit) return true;
  return std::any_of(moved_.begin(), moved_.end(),
                     [limit](const auto& m) { return m.second >= limit; });
}

void TruncateTracker::Truncated(uint32_t limit) {
  if (limit == 0) {
    max_fetched_ = 0;
    moved_.clear();
    return;
  }
  max_fetched_ = std::min(max_fetched_, limit - 1);
  std::erase_if(moved_, [limit](const auto& m) { return m.second >= limit; });
}

namespace {

// SQLite's own page cache, as it was before the layer went in.
sqlite3_pcache_methods2 g_inner{};
std::mutex g_install_mu;
bool g_installed = false;
std::atomic<int64_t> g_passed{0};
std::atomic<int64_t> g_skipped{0};

struct Cache {
  sqlite3_pcache* inner;
  TruncateTracker tracker;
};

Cache* Of(sqlite3_pcache* p) { return reinterpret_cast<Cache*>(p); }

int Init(void* arg) { return g_inner.xInit != nullptr ? g_inner.xInit(arg) : SQLITE_OK; }
void Shutdown(void* arg) {
  if (g_inner.xShutdown != nullptr) g_inner.xShutdown(arg);
}

sqlite3_pcache* Create(int page_size, int extra_size, int purgeable) {
  sqlite3_pcache* inner = g_inner.xCreate(page_size, extra_size, purgeable);
  if (inner == nullptr) return nullptr;
  auto* cache = new (std::nothrow) Cache{inner, {}};
  if (cache == nullptr) {
    g_inner.xDestroy(inner);
    return nullptr;
  }
  return reinterpret_cast<sqlite3_pcache*>(cache);
}

void Cachesize(sqlite3_pcache* p, int pages) { g_inner.xCachesize(Of(p)->inner, pages); }
int Pagecount(sqlite3_pcache* p) { return g_inner.xPagecount(Of(p)->inner); }

sqlite3_pcache_page* Fetch(sqlite3_pcache* p, unsigned key, int create) {
  Cache* c = Of(p);
  sqlite3_pcache_page* page = g_inner.xFetch(c->inner, key, create);
  if (page != nullptr) c->tracker.Fetched(page, key);
  return page;
}

void Unpin(sqlite3_pcache* p, sqlite3_pcache_page* page, int discard) {
  Cache* c = Of(p);
  if (discard != 0) c->tracker.Discarded(page);
  g_inner.xUnpin(c->inner, page, discard);
}

void Rekey(sqlite3_pcache* p, sqlite3_pcache_page* page, unsigned old_key, unsigned new_key) {
  Cache* c = Of(p);
  g_inner.xRekey(c->inner, page, old_key, new_key);
  c->tracker.Rekeyed(page, new_key);
}

void Truncate(sqlite3_pcache* p, unsigned limit) {
  Cache* c = Of(p);
  if (!c->tracker.MayHoldFrom(limit)) {
    g_skipped.fetch_add(1, std::memory_order_relaxed);
    return;
  }
  g_passed.fetch_add(1, std::memory_order_relaxed);
  g_inner.xTruncate(c->inner, limit);
  c->tracker.Truncated(limit);
}

void Destroy(sqlite3_pcache* p) {
  Cache* c = Of(p);
  g_inner.xDestroy(c->inner);
  delete c;
}

void Shrink(sqlite3_pcache* p) {
  if (g_inner.xShrink != nullptr) g_inner.xShrink(Of(p)->inner);
}

}  // namespace

Status UseTruncateShim() {
  std::lock_guard lock(g_install_mu);
  if (g_installed) return {};
  // Both calls return SQLITE_MISUSE once SQLite has initialised; the first one also fills in
  // SQLite's default cache if none was configured.
  sqlite3_pcache_methods2 inner{};
  if (sqlite3_config(SQLITE_CONFIG_GETPCACHE2, &inner) != SQLITE_OK || inner.xCreate == nullptr) {
    return Error::Unavailable("SQLite is al gestart; de paginacache kan niet meer worden omhuld.");
  }
  g_inner = inner;
  sqlite3_pcache_methods2 shim{};
  shim.iVersion = 1;  // xShrink is present
  shim.pArg = inner.pArg;
  shim.xInit = &Init;
  shim.xShutdown = &Shutdown;
  shim.xCreate = &Create;
  shim.xCachesize = &Cachesize;
  shim.xPagecount = &Pagecount;
  shim.xFetch = &Fetch;
  shim.xUnpin = &Unpin;
  shim.xRekey = &Rekey;
  shim.xTruncate = &Truncate;
  shim.xDestroy = &Destroy;
  shim.xShrink = &Shrink;
  if (sqlite3_config(SQLITE_CONFIG_PCACHE2, &shim) != SQLITE_OK) {
    return Error::Unavailable("SQLite is al gestart; de paginacache kan niet meer worden omhuld.");
  }
  g_installed = true;
  return {};
}

bool TruncateShimInUse() {
  std::lock_guard lock(g_install_mu);
  return g_installed;
}

TruncateCounts TruncateShimCounts() {
  return {g_passed.load(std::memory_order_relaxed), g_skipped.load(std::memory_order_relaxed)};
}

}  // namespace jh::store::sqlite
