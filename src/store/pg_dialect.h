// The one dialect translation of the PostgreSQL store: migrations are written once, in the
// portable SQL of store.h, and two type names are rewritten before PostgreSQL runs them.
// Internal to the PostgreSQL store; statements of services are never rewritten.
//
//   BLOB -> BYTEA              PostgreSQL has no BLOB; bytea is its byte string.
//   TEXT -> TEXT COLLATE "C"   byte order, as SQLite's BINARY collation: ORDER BY, <, > and
//                              indexes behave the same on both stores, whatever the locale
//                              the PostgreSQL cluster was created with (a locale collation
//                              would, e.g., ignore hyphens and sort 'a' < 'B' < 'c').
//
// Only these words in upper case, as whole words, outside comments, string literals and
// quoted identifiers; everything else is copied unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/migrations.h"

namespace jh::store::pg {

std::string ToPostgres(std::string_view sql);

// AllMigrations() with ToPostgres applied to each, and what a migration needs only on
// PostgreSQL appended (0010: the sequence keten_seq of the audit chains' lanes).
const std::vector<Migration>& PostgresMigrations();

}  // namespace jh::store::pg
