#include "http/message.h"

#include <string_view>

#include "http/router.h"

namespace jh::http {

const std::string& Request::Header(const std::string& name) const {
  static const std::string kEmpty;
  auto it = headers.find(name);
  return it == headers.end() ? kEmpty : it->second;
}

namespace {

// application/x-www-form-urlencoded decoding: '+' is a space, then percent escapes.
std::optional<std::string> FormDecode(std::string_view in) {
  std::string plus_free(in);
  for (char& c : plus_free) {
    if (c == '+') c = ' ';
  }
  return PercentDecode(plus_free);
}

}  // namespace

std::string Request::QueryParam(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    size_t eq = pair.find('=');
    std::string_view raw_key = pair.substr(0, eq);
    std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    std::optional<std::string> key = FormDecode(raw_key);
    if (!key || *key != name) continue;
    // A malformed value reads as absent: the caller validates presence anyway, and a
    // half-decoded value must never reach a service.
    std::optional<std::string> value = FormDecode(raw_value);
    return value ? *value : std::string();
  }
  return std::string();
}

}  // namespace jh::http
