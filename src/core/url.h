// Webhook URLs: parsed and validated by hand (no regex engine on user input), so that what
// the administrator configures is exactly what the delivery client can reach.
//
// Accepted: https://HOST[:PORT][/PATH][?QUERY], and http:// only to 127.0.0.1 or localhost
// (tests and linking a system on the same machine): everything else would send personal
// data in the clear. HOST is a DNS name or a dotted IPv4 address; no user info, no
// fragment, no IPv6 literal, no whitespace or control characters, at most 2048 characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace jh {

struct Url {
  bool tls = true;      // https
  std::string host;     // lower case
  uint16_t port = 443;  // explicit or the scheme's default
  std::string target;   // path and query, at least "/"
};

inline constexpr size_t kMaxUrlLength = 2048;

// Errors: kInvalidArgument naming field `url`, with a Dutch reason.
[[nodiscard]] Result<Url> ParseWebhookUrl(std::string_view text);

// The reason `text` is not an acceptable webhook URL, or "" when it is (schema format check).
std::string WebhookUrlProblem(const std::string& text);

}  // namespace jh
