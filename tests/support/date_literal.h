// Dates written as text in tests: D("2026-01-31"). One definition for every test file, so
// the files can share a unity source (CMAKE_UNITY_BUILD) without redefining it.
#pragma once

#include "core/date.h"

namespace jh::testing {

// The literal must be a valid date; a malformed one is a bug in the test itself.
inline Date D(const char* s) { return *Date::Parse(s); }

}  // namespace jh::testing
