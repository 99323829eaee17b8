#include "store/sqlite_page_pool.h"

#include <sqlite3.h>
#include <sys/mman.h>

#include <atomic>
#include <climits>

namespace jh::store::sqlite {

namespace {

// The page size of every store this program creates (SQLite's default; nothing changes it).
// A database with larger pages still works: SQLite takes pages that do not fit from malloc.
constexpr size_t kPageSize = 4096;

std::atomic<bool> g_attempted{false};
std::atomic<size_t> g_slot_bytes{0};

}  // namespace

Status UsePagePool(size_t bytes) {
  if (g_attempted.exchange(true)) {
    return Error::Unavailable("Er is al een paginapool voor SQLite ingesteld.");
  }
  // Both configuration calls return SQLITE_MISUSE once SQLite has initialised.
  int header = 0;
  if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK || header < 0) {
    return Error::Unavailable(
        "SQLite is al gestart; de paginapool kan niet meer worden ingesteld.");
  }
  const size_t slot = (kPageSize + static_cast<size_t>(header) + 7) / 8 * 8;
  const size_t slots = bytes / slot;
  if (slots == 0 || slots > static_cast<size_t>(INT_MAX)) {
    return Error::Unavailable("De paginapool voor SQLite heeft een onbruikbare grootte.");
  }
  // SQLite writes a free-list link into every slot when it starts, so all of it becomes
  // resident then; MAP_NORESERVE only spares the reservation of swap for it.
  void* pool = mmap(nullptr, slots * slot, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (pool == MAP_FAILED) {
    return Error::Unavailable("Geen adresruimte voor de paginapool van SQLite.");
  }
  if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, pool, static_cast<int>(slot),
                     static_cast<int>(slots)) != SQLITE_OK) {
    munmap(pool, slots * slot);
    return Error::Unavailable(
        "SQLite is al gestart; de paginapool kan niet meer worden ingesteld.");
  }
  // The pool lives as long as the process: SQLite may use it until exit.
  g_slot_bytes = slot;
  return {};
}

bool PagePoolInUse() { return g_slot_bytes.load() != 0; }

size_t PagePoolBytesInUse() {
  const size_t slot = g_slot_bytes.load();
  if (slot == 0) return 0;
  sqlite3_int64 current = 0;
  sqlite3_int64 highwater = 0;
  if (sqlite3_status64(SQLITE_STATUS_PAGECACHE_USED, &current, &highwater, 0) != SQLITE_OK) {
    return 0;
  }
  return static_cast<size_t>(current) * slot;
}

}  // namespace jh::store::sqlite
