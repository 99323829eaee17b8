// Read-only SQL against a server's database file while it runs (WAL allows it), for tests
// that check what was stored: audit records, ciphertexts, keys.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace jh::testing {

// Runs `sql` read-only and returns every row as text columns (NULL → "<null>"). When `db` is
// the jeugdhulp.db of a server running on PostgreSQL (ServerProcess), the query goes to its
// database instead, with booleans as "1"/"0" like SQLite's; the SQL must then be portable.
std::vector<std::vector<std::string>> Peek(const std::filesystem::path& db, const std::string& sql);

}  // namespace jh::testing
