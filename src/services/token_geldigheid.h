// How long a bearer token is valid. A beheerder may give a token a last day (`geldigTot`, the
// date in Amsterdam, inclusive): from the day after, Authenticate treats it as unknown (401).
// Without one the token holds until it is revoked — the beheerder token of `init` must, as it
// bootstraps the installation. The last day is at most a year ahead, so that no token issued
// with an end outlives a yearly review of who may sign in.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"

namespace jh::services {

inline constexpr int kTokenHoogstensJaren = 1;

// The stored form of a requested last day (YYYY-MM-DD), or nullopt for none.
// Errors: kInvalidArgument naming geldigTot when it lies before today or more than a year
// after it.
[[nodiscard]] Result<std::optional<std::string>> TokenGeldigTot(const std::optional<Date>& gevraagd,
                                                                const Date& today);

}  // namespace jh::services
