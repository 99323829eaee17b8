// Bearer-token authentication (API.md). Tokens are 256 random bits shown once; the store
// keeps only their SHA-256 hash. A presented token is hashed, looked up by hash and the
// stored hash compared in constant time.
#pragma once

#include <string>
#include <string_view>

#include "auth/actor.h"
#include "core/date.h"
#include "core/result.h"
#include "store/store.h"

namespace jh::auth {

// Resolves an Authorization header value ("Bearer <64 hex>") to its actor on `today` (the
// server's date in Amsterdam).
// Errors: kUnauthenticated when the header is missing, malformed, unknown, revoked, or past
// its last valid day (services/token_geldigheid.h); kUnavailable when the store fails. The
// token is never logged or echoed.
[[nodiscard]] Result<Actor> Authenticate(store::Store& store, std::string_view authorization,
                                         const Date& today);

}  // namespace jh::auth
