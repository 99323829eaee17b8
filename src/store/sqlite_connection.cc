#include "store/sqlite_connection.h"

#include <sqlite3.h>

#include <cctype>
#include <utility>

#include "store/placeholders.h"
#include "store/sqlite_wal_buffer.h"

namespace jh::store::sqlite {

namespace {

// Services use a bounded set of SQL texts; a cache that grows past this means a caller builds
// SQL dynamically, and we start over rather than grow without limit.
constexpr size_t kMaxCachedStatements = 512;

bool OnlyWhitespace(const char* p) {
  for (; p != nullptr && *p != '\0'; ++p) {
    if (!std::isspace(static_cast<unsigned char>(*p))) return false;
  }
  return true;
}

// Leaves a cached statement ready for its next use, whatever happened during this one.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* s) : s_(s) {}
  ~ResetOnExit() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* s_;
};

int Bind(sqlite3_stmt* s, int i, const Value& v) {
  // SQLITE_STATIC is safe: the parameters outlive the statement's use, which ends (reset and
  // clear_bindings) before Run returns. data() is never null, so "" binds as an empty
  // TEXT/BLOB, not as NULL.
  if (const auto* n = std::get_if<int64_t>(&v)) return sqlite3_bind_int64(s, i, *n);
  if (const auto* t = std::get_if<std::string>(&v)) {
    return sqlite3_bind_text64(s, i, t->data(), t->size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  if (const auto* b = std::get_if<Blob>(&v)) {
    return sqlite3_bind_blob64(s, i, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
  }
  return sqlite3_bind_null(s, i);
}

Value Column(sqlite3_stmt* s, int i) {
  switch (sqlite3_column_type(s, i)) {
    case SQLITE_INTEGER:
      return static_cast<int64_t>(sqlite3_column_int64(s, i));
    case SQLITE_BLOB: {
      const void* p = sqlite3_column_blob(s, i);  // null for a zero-length blob
      const int n = sqlite3_column_bytes(s, i);
      return Blob{p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n)};
    }
    case SQLITE_TEXT:
    case SQLITE_FLOAT: {  // portable SQL has no REAL; an aggregate may still yield one
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
      const int n = sqlite3_column_bytes(s, i);
      return p == nullptr ? std::string() : std::string(p, n);
    }
    default:
      return std::monostate{};
  }
}

}  // namespace

Error MapError(int code, sqlite3* db) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error::Conflict("Er bestaat al een gegeven met dezelfde sleutel.");
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error::Conflict("Een gegeven waarnaar verwezen wordt, bestaat niet (meer).");
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_NOLFS:
    case SQLITE_PERM:
    case SQLITE_INTERRUPT:
      // sqlite3_errstr is the generic text of the code: never a value.
      return Error::Unavailable(std::string("De opslag is niet beschikbaar (sqlite: ") +
                                sqlite3_errstr(code) + ").");
    default:
      // A defect (bad SQL, a NOT NULL or CHECK constraint, a type mismatch). SQLite's message
      // names SQL and columns, never a bound value.
      return Error::Internal(std::string("sqlite: ") +
                             (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
  }
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::filesystem::path& file,
                                                     const ConnectionOptions& options) {
  const int flags =
      (options.access == Access::kReadOnly ? SQLITE_OPEN_READONLY
                                           : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  // A read-write connection writes its WAL frames through the buffering layer
  // (sqlite_wal_buffer.h); a read-only one never writes the WAL.
  const std::string vfs =
      options.access == Access::kReadWrite ? WalBufferVfsName(options.vfs) : options.vfs;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &db, flags, vfs.empty() ? nullptr : vfs.c_str());
  if (rc != SQLITE_OK) {
    Error e = MapError(rc, nullptr);
    sqlite3_close_v2(db);  // a handle is returned even on failure; null is harmless
    return e;
  }
  std::unique_ptr<Connection> c(new Connection(db, options.access));
  JH_TRY(c->Configure(options));
  return c;
}

Status Connection::Configure(const ConnectionOptions& options) {
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  if (sqlite3_set_authorizer(db_, &Connection::Authorize, this) != SQLITE_OK) {
    return MapError(sqlite3_extended_errcode(db_), db_);
  }
  if (options.cache_kib > 0) {
    const std::string pragma = "PRAGMA cache_size=-" + std::to_string(options.cache_kib);
    JH_TRY(Control(pragma.c_str()));
  }
  if (access_ == Access::kReadOnly) return Control("PRAGMA query_only=ON");
  // journal_mode answers with the mode in effect, which is not WAL when the file system
  // cannot do it: then we refuse to run rather than run without the durability we promise.
  JH_ASSIGN_OR_RETURN(Rows mode, Query("PRAGMA journal_mode=WAL", {}));
  if (mode.size() != 1 || mode[0].Text(0) != "wal") {
    return Error::Unavailable("De opslag kan niet in WAL-modus worden geopend.");
  }
  JH_TRY(Control("PRAGMA synchronous=FULL"));
  // The writer runs every job of a batch in a savepoint, and SQLite copies each page a
  // savepoint first changes into a sub-journal. On a file (the default once it passes 64 KiB)
  // that cost the writer a pwrite per changed page, a fifth of its time under bench/vir, and
  // left copies of pages, erased ones too, in freed blocks of the temp directory. In memory
  // it holds at most the pages of one job.
  JH_TRY(Control("PRAGMA temp_store=MEMORY"));
  if (options.wal_autocheckpoint_pages > 0) {
    const std::string pragma =
        "PRAGMA wal_autocheckpoint=" + std::to_string(options.wal_autocheckpoint_pages);
    JH_TRY(Control(pragma.c_str()));
  }
  // Deleted and overwritten content is zeroed in the file, so erased data (AVG-04) does not
  // linger in free pages.
  JH_TRY(Control("PRAGMA secure_delete=ON"));
  return Control("PRAGMA foreign_keys=ON");
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  for (auto& [sql, stmt] : control_cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

// Statements of a Tx may not end, nest or leave the transaction the store runs them in,
// nor attach other databases; only Control() may. SQLite asks at prepare time.
int Connection::Authorize(void* self, int action, const char*, const char*, const char*,
                          const char*) {
  if (static_cast<const Connection*>(self)->in_control_) return SQLITE_OK;
  switch (action) {
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      return SQLITE_DENY;
    default:
      return SQLITE_OK;
  }
}

Status Connection::Control(const char* sql) {
  // Prepared once per connection: every read snapshot is a BEGIN and a COMMIT and every job
  // of the writer a SAVEPOINT and a RELEASE, and parsing them anew each time was a tenth of
  // the request threads' CPU under bench/vir. in_control_ also covers the step, because
  // SQLite prepares a statement again (and asks Authorize) after a schema change.
  in_control_ = true;
  struct Clear {
    bool& flag;
    ~Clear() { flag = false; }
  } clear{in_control_};
  sqlite3_stmt* stmt = nullptr;
  if (auto it = control_cache_.find(sql); it != control_cache_.end()) {
    stmt = it->second;
  } else {
    const char* tail = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, &tail) != SQLITE_OK) {
      return MapError(sqlite3_extended_errcode(db_), db_);
    }
    if (stmt == nullptr || !OnlyWhitespace(tail)) {  // not one statement: the generic path
      sqlite3_finalize(stmt);
      if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        return MapError(sqlite3_extended_errcode(db_), db_);
      }
      return {};
    }
    control_cache_.emplace(sql, stmt);
  }
  ResetOnExit reset(stmt);
  int rc = SQLITE_ROW;
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);  // a pragma may answer with a row
  if (rc != SQLITE_DONE) return MapError(sqlite3_extended_errcode(db_), db_);
  return {};
}

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

void Connection::SetWalHook(std::function<void(int frames)> hook) {
  wal_hook_ = std::move(hook);
  sqlite3_wal_hook(db_, wal_hook_ ? &Connection::OnWal : nullptr, this);
}

int Connection::OnWal(void* self, sqlite3*, const char*, int frames) {
  static_cast<Connection*>(self)->wal_hook_(frames);
  return SQLITE_OK;  // the commit stands whatever the hook did
}

Result<bool> Connection::CheckpointPassive() {
  const int rc =
      sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc == SQLITE_BUSY) return false;
  if (rc != SQLITE_OK) return MapError(sqlite3_extended_errcode(db_), db_);
  return true;
}

Result<sqlite3_stmt*> Connection::Prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;

  const std::string translated = TranslatePlaceholders(sql);
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, translated.c_str(), static_cast<int>(translated.size()) + 1,
                              SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) return MapError(sqlite3_extended_errcode(db_), db_);
  // A second statement after the first would silently not run: refuse it (comments are fine).
  if (!OnlyWhitespace(tail)) {
    sqlite3_stmt* extra = nullptr;
    rc = sqlite3_prepare_v2(db_, tail, -1, &extra, nullptr);
    sqlite3_finalize(extra);
    if (rc != SQLITE_OK || extra != nullptr) {
      sqlite3_finalize(stmt);
      return Error::Internal("sqlite: meer dan een statement in een aanroep");
    }
  }
  if (stmt == nullptr) return static_cast<sqlite3_stmt*>(nullptr);
  if (cache_.size() >= kMaxCachedStatements) {
    for (auto& [text, cached] : cache_) sqlite3_finalize(cached);
    cache_.clear();
  }
  cache_.emplace(std::move(key), stmt);
  return stmt;
}

Status Connection::Run(std::string_view sql, const std::vector<Value>& params, Rows* rows,
                       int64_t* changes) {
  JH_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
  if (stmt == nullptr) return {};
  ResetOnExit reset(stmt);
  const int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size())) {
    return Error::Internal("sqlite: statement verwacht " + std::to_string(expected) +
                           " parameters, kreeg er " + std::to_string(params.size()));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    if (Bind(stmt, static_cast<int>(i) + 1, params[i]) != SQLITE_OK) {
      return MapError(sqlite3_extended_errcode(db_), db_);
    }
  }
  const int columns = sqlite3_column_count(stmt);
  const int64_t total_before = sqlite3_total_changes64(db_);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
      // sqlite3_changes64 still holds an earlier statement's count after DDL or a SELECT;
      // total_changes moves only when rows changed (it also counts trigger rows, so it is
      // not the answer itself).
      if (changes != nullptr) {
        *changes = sqlite3_total_changes64(db_) == total_before ? 0 : sqlite3_changes64(db_);
      }
      return {};
    }
    if (rc != SQLITE_ROW) {
      const int code = sqlite3_extended_errcode(db_);
      // A reader is opened read-only with query_only=ON, so SQLite itself refuses a write;
      // plain SQLITE_READONLY there is the caller's defect, not an unavailable disk.
      if (access_ == Access::kReadOnly && code == SQLITE_READONLY) {
        return Error::Internal("sqlite: schrijvend statement in een leestransactie");
      }
      return MapError(code, db_);
    }
    if (rows == nullptr) continue;
    std::vector<Value> values;
    values.reserve(columns);
    for (int i = 0; i < columns; ++i) values.push_back(Column(stmt, i));
    rows->emplace_back(std::move(values));
  }
}

Result<Rows> Connection::Query(std::string_view sql, const std::vector<Value>& params) {
  Rows rows;
  JH_TRY(Run(sql, params, &rows, nullptr));
  return rows;
}

Result<int64_t> Connection::Exec(std::string_view sql, const std::vector<Value>& params) {
  int64_t changes = 0;
  JH_TRY(Run(sql, params, nullptr, &changes));
  return changes;
}

}  // namespace jh::store::sqlite
