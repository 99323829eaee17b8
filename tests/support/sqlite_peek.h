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

// The sealed data key of `owner_id` as stored (its raw bytes), for erasure tests.
std::string SealedKeyOf(const std::filesystem::path& db, const std::string& owner_id);
// The files directly in `dir` whose bytes contain `bytes`: after an erasure, none may hold
// the destroyed sealed key (not the table, not an old WAL frame).
std::vector<std::filesystem::path> FilesHolding(const std::filesystem::path& dir,
                                                const std::string& bytes);

}  // namespace jh::testing
