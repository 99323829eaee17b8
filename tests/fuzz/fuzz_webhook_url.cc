// Webhook URLs (src/core/url.h): what a beheerder configures and the delivery client then
// connects to. Input: the URL text.
// Properties: an accepted URL is exactly https://HOST[:PORT]TARGET (or http:// to
// 127.0.0.1/localhost) rebuilt from its parts — same scheme, the host lower-cased, the
// port as written or the scheme's default, nothing dropped or added except the root path
// before a bare query — with a host of DNS labels or a dotted IPv4 address, and no user
// info, fragment, backslash, whitespace or control character anywhere; at most 2048
// characters. A refusal names field `url`, and WebhookUrlProblem agrees with the parse.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/url.h"
#include "fuzz_check.h"

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool HostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  jh::Result<jh::Url> url = jh::ParseWebhookUrl(text);
  const std::string problem = jh::WebhookUrlProblem(text);
  FUZZ_CHECK(url.ok() == problem.empty());
  if (!url.ok()) {
    FUZZ_CHECK(url.error().code == jh::ErrorCode::kInvalidArgument);
    FUZZ_CHECK(url.error().invalid_params.size() == 1);
    FUZZ_CHECK(url.error().invalid_params[0].name == "url");
    FUZZ_CHECK(url.error().invalid_params[0].reason == problem);
    return 0;
  }
  FUZZ_CHECK(size <= jh::kMaxUrlLength);
  for (char c : text) {
    FUZZ_CHECK(c > 0x20 && c < 0x7f && c != '#' && c != '\\');
  }
  FUZZ_CHECK(!url->host.empty() && url->host.size() <= 253);
  for (char c : url->host) FUZZ_CHECK(HostChar(c));
  FUZZ_CHECK(url->host.front() != '.' && url->host.back() != '.');
  FUZZ_CHECK(url->host.find("..") == std::string::npos);
  FUZZ_CHECK(url->port >= 1);
  FUZZ_CHECK(url->tls || url->host == "127.0.0.1" || url->host == "localhost");
  FUZZ_CHECK(!url->target.empty() && url->target.front() == '/');

  // Rebuild: scheme, host as written (compared case-blind), port as written, target.
  const std::string scheme = url->tls ? "https://" : "http://";
  FUZZ_CHECK(text.starts_with(scheme));
  const std::string_view rest = std::string_view(text).substr(scheme.size());
  FUZZ_CHECK(Lower(rest.substr(0, url->host.size())) == url->host);
  std::string_view after_host = rest.substr(url->host.size());
  const uint16_t default_port = url->tls ? 443 : 80;
  if (after_host.starts_with(":")) {
    const size_t end = after_host.find_first_of("/?");
    const std::string digits(after_host.substr(1, end == std::string_view::npos ? end : end - 1));
    FUZZ_CHECK(!digits.empty() && std::stoi(digits) == url->port);
    after_host.remove_prefix(1 + digits.size());
  } else {
    FUZZ_CHECK(url->port == default_port);
  }
  if (after_host.empty() || after_host.front() == '?') {
    FUZZ_CHECK(url->target == "/" + std::string(after_host));
  } else {
    FUZZ_CHECK(url->target == after_host);
  }

  // What is stored is accepted again, unchanged.
  const bool default_written = url->port == default_port;
  const std::string again_text =
      scheme + url->host + (default_written ? "" : ":" + std::to_string(url->port)) + url->target;
  jh::Result<jh::Url> again = jh::ParseWebhookUrl(again_text);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->host == url->host && again->port == url->port && again->target == url->target &&
             again->tls == url->tls);
  return 0;
}
