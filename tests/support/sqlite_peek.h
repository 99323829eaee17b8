// Read-only SQL against a server's database file while it runs (WAL allows it), for tests
// that check what was stored: audit records, ciphertexts, keys.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace jh::testing {

// Runs `sql` read-only and returns every row as text columns (NULL → "<null>").
std::vector<std::vector<std::string>> Peek(const std::filesystem::path& db, const std::string& sql);

}  // namespace jh::testing
