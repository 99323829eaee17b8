// Decoding of JSON request bodies. Bounded: nesting deeper than kMaxJsonDepth is refused
// before parsing, so hostile input cannot exhaust the stack.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/result.h"

namespace jh {

using Json = nlohmann::json;

inline constexpr int kMaxJsonDepth = 32;

// Parses a request body that must be one JSON object. Errors (kInvalidArgument, field
// "body"): not valid JSON (code "json"), nested deeper than kMaxJsonDepth ("diepte"),
// not an object ("type"). Never throws.
[[nodiscard]] Result<Json> ParseJsonObject(std::string_view body);

// The deepest nesting of arrays/objects in `text`, ignoring brackets inside strings.
// Stops counting (returns limit + 1) as soon as `limit` is exceeded.
int JsonNestingDepth(std::string_view text, int limit);

}  // namespace jh
