// Translation of the portable placeholders $1..$N (PostgreSQL's spelling, which services
// write) into SQLite's numbered ?1..?N. Internal to the SQLite store.
#pragma once

#include <string>
#include <string_view>

namespace jh::store::sqlite {

// Replaces every `$<digits>` outside string literals ('...'), quoted identifiers ("...",
// `...`, [...]) and comments (-- ..., /* ... */) by `?<digits>`. Everything else, including
// a '$' not followed by a digit, is copied unchanged. Pure; never fails.
std::string TranslatePlaceholders(std::string_view sql);

}  // namespace jh::store::sqlite
