#include "store/sqlite_backup.h"

#include <sqlite3.h>

#include <memory>

namespace jh::store {

namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, Closer>;

Result<Db> OpenFile(const std::filesystem::path& file, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return Error::Unavailable("Kan " + file.string() + " niet openen: " + sqlite3_errstr(rc));
  }
  sqlite3_busy_timeout(db.get(), 5000);
  return db;
}

}  // namespace

Status BackupSqlite(const std::filesystem::path& from, const std::filesystem::path& to) {
  JH_ASSIGN_OR_RETURN(Db src, OpenFile(from, SQLITE_OPEN_READONLY));
  JH_ASSIGN_OR_RETURN(Db dst, OpenFile(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  sqlite3_backup* backup = sqlite3_backup_init(dst.get(), "main", src.get(), "main");
  if (backup == nullptr) {
    return Error::Unavailable(std::string("Back-up kan niet beginnen: ") +
                              sqlite3_errmsg(dst.get()));
  }
  int rc = SQLITE_OK;
  // Pages in steps, so a writing server is never locked out for long; a step that meets a
  // busy source waits and tries again.
  do {
    rc = sqlite3_backup_step(backup, 1024);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Error::Unavailable(std::string("Back-up mislukt: ") + sqlite3_errstr(rc));
  }
  // The copy is in rollback-journal mode until opened by the server, which switches to WAL.
  if (sqlite3_exec(dst.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    return Error::Unavailable(std::string("Back-up mislukt: ") + sqlite3_errmsg(dst.get()));
  }
  return {};
}

Status CheckSqliteFile(const std::filesystem::path& file) {
  JH_ASSIGN_OR_RETURN(Db db, OpenFile(file, SQLITE_OPEN_READONLY));
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.get(), "PRAGMA integrity_check", -1, &stmt, nullptr) != SQLITE_OK) {
    return Error::Invalid("bestand", "geen-database", "Dit is geen leesbare SQLite-database.");
  }
  const int rc = sqlite3_step(stmt);
  const bool ok = rc == SQLITE_ROW &&
                  std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "ok";
  sqlite3_finalize(stmt);
  if (!ok) return Error::Invalid("bestand", "beschadigd", "De database is niet in orde.");
  return {};
}

Result<std::optional<std::pair<std::string, std::string>>> SampleSealedKey(
    const std::filesystem::path& file) {
  JH_ASSIGN_OR_RETURN(Db db, OpenFile(file, SQLITE_OPEN_READONLY));
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.get(),
                         "SELECT owner_id, sealed FROM data_keys WHERE sealed IS NOT NULL LIMIT 1",
                         -1, &stmt, nullptr) != SQLITE_OK) {
    return Error::Invalid("bestand", "geen-jeugdhulp", "Dit is geen database van Jeugdhulp.");
  }
  std::optional<std::pair<std::string, std::string>> out;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* owner = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    const auto* sealed = static_cast<const char*>(sqlite3_column_blob(stmt, 1));
    out.emplace(owner != nullptr ? owner : "",
                std::string(sealed != nullptr ? sealed : "",
                            static_cast<size_t>(sqlite3_column_bytes(stmt, 1))));
  }
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace jh::store
