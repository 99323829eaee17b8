#include "core/url.h"

#include <cctype>

namespace jh {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z'); }

// A DNS label: letters, digits and inner hyphens, 1..63 characters.
bool IsLabel(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  for (char c : label) {
    if (!IsAlnum(c) && c != '-') return false;
  }
  return true;
}

// A host name of labels, or a dotted IPv4 address with each part 0..255.
bool IsHost(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  bool all_numeric = true;
  bool octets = true;  // every label a number 0..255
  int parts = 0;
  size_t start = 0;
  while (true) {
    size_t dot = host.find('.', start);
    std::string_view label = host.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!IsLabel(label)) return false;
    bool numeric = true;
    for (char c : label) numeric = numeric && IsDigit(c);
    all_numeric = all_numeric && numeric;
    octets = octets && numeric && label.size() <= 3 && std::stoi(std::string(label)) <= 255;
    ++parts;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  // Resolvers read an all-numeric name as an IPv4 address, so it must be a proper one.
  return !all_numeric || (octets && parts == 4);
}

// Path and query: visible ASCII without '#' (fragments are not sent) and '\' (which some
// parsers read as '/').
bool IsTarget(std::string_view target) {
  for (char c : target) {
    if (c <= 0x20 || c >= 0x7f || c == '#' || c == '\\') return false;
  }
  return true;
}

Error Bad(std::string reason) { return Error::Invalid("url", "url", std::move(reason)); }

}  // namespace

Result<Url> ParseWebhookUrl(std::string_view text) {
  if (text.size() > kMaxUrlLength) return Bad("De URL is langer dan 2048 tekens.");
  Url url;
  std::string_view rest;
  if (text.starts_with("https://")) {
    rest = text.substr(8);
  } else if (text.starts_with("http://")) {
    url.tls = false;
    url.port = 80;
    rest = text.substr(7);
  } else {
    return Bad("De URL moet met https:// beginnen.");
  }
  size_t end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, end);
  std::string_view target = end == std::string_view::npos ? "" : rest.substr(end);
  if (authority.find('@') != std::string_view::npos) {
    return Bad("Gebruikersnaam of wachtwoord in de URL is niet toegestaan.");
  }
  size_t colon = authority.find(':');
  std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5) return Bad("Het poortnummer is ongeldig.");
    int value = 0;
    for (char c : port) {
      if (!IsDigit(c)) return Bad("Het poortnummer is ongeldig.");
      value = value * 10 + (c - '0');
    }
    if (value < 1 || value > 65535) return Bad("Het poortnummer is ongeldig.");
    url.port = static_cast<uint16_t>(value);
  }
  for (char c : host)
    url.host.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (!IsHost(url.host)) return Bad("De hostnaam is ongeldig.");
  if (!url.tls && url.host != "127.0.0.1" && url.host != "localhost") {
    return Bad("http:// is alleen toegestaan naar 127.0.0.1 of localhost; gebruik https://.");
  }
  if (!IsTarget(target)) return Bad("Het pad bevat ongeldige tekens of een fragment (#).");
  // A query without a path still needs the root path in the request line.
  if (target.empty() || target.front() == '?') url.target.push_back('/');
  url.target.append(target);
  return url;
}

std::string WebhookUrlProblem(const std::string& text) {
  Result<Url> url = ParseWebhookUrl(text);
  return url.ok() ? "" : url.error().invalid_params.at(0).reason;
}

}  // namespace jh
