#include "core/json_body.h"

namespace jh {

int JsonNestingDepth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return limit + 1;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

Result<Json> ParseJsonObject(std::string_view body) {
  if (JsonNestingDepth(body, kMaxJsonDepth) > kMaxJsonDepth) {
    return Error::Invalid("body", "diepte", "De JSON is te diep genest.");
  }
  // allow_exceptions=false: a parse error yields a discarded value instead of throwing.
  Json value = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    return Error::Invalid("body", "json", "De inhoud is geen geldige JSON.");
  }
  if (!value.is_object()) {
    return Error::Invalid("body", "type", "De inhoud moet een JSON-object zijn.");
  }
  return value;
}

}  // namespace jh
