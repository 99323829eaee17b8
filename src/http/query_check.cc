#include "http/query_check.h"

#include <algorithm>

#include "core/schema.h"
#include "http/message.h"
#include "http/router.h"

namespace jh::api {

namespace {

Result<int64_t> ParseQueryInt(const std::string& text, const QueryParam& p) {
  Error bad = Error::Invalid(p.name, "type",
                             "Verwacht een geheel getal van " + std::to_string(p.minimum) +
                                 " tot en met " + std::to_string(p.maximum) + ".");
  if (text.empty() || text.size() > 12) return bad;
  int64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return bad;
    n = n * 10 + (c - '0');
  }
  if (n < p.minimum || n > p.maximum) return bad;
  return n;
}

}  // namespace

Status CheckQuery(const std::string& q, const std::vector<QueryParam>& declared) {
  std::vector<std::string> seen;
  size_t pos = 0;
  while (pos < q.size()) {
    size_t amp = q.find('&', pos);
    std::string pair = q.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    pos = amp == std::string::npos ? q.size() : amp + 1;
    if (pair.empty()) continue;
    std::string name = pair.substr(0, pair.find('='));
    auto decoded = http::PercentDecode(name);
    std::string key = decoded ? *decoded : name;
    auto it = std::find_if(declared.begin(), declared.end(),
                           [&](const QueryParam& p) { return p.name == key; });
    if (it == declared.end()) {
      return Error::Invalid(schema::EchoableName(key), "onbekende-parameter",
                            "Deze queryparameter is onbekend.");
    }
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      return Error::Invalid(key, "dubbel", "Deze queryparameter komt meer dan eens voor.");
    }
    seen.push_back(key);
  }
  http::Request req;
  req.query = q;
  for (const auto& p : declared) {
    std::string value = req.QueryParam(p.name);
    bool present = std::find(seen.begin(), seen.end(), p.name) != seen.end();
    if (!present) {
      if (p.required) return Error::Invalid(p.name, "verplicht", "Deze parameter is verplicht.");
      continue;
    }
    if (p.integer) {
      JH_TRY(ParseQueryInt(value, p));
    } else if (!p.enum_values.empty() && std::find(p.enum_values.begin(), p.enum_values.end(),
                                                   value) == p.enum_values.end()) {
      std::string allowed;
      for (const auto& e : p.enum_values) allowed += (allowed.empty() ? "" : ", ") + e;
      return Error::Invalid(p.name, "enum", "Toegestaan: " + allowed + ".");
    } else if (value.size() > 200) {
      return Error::Invalid(p.name, "lengte", "Te lang.");
    }
  }
  return {};
}

}  // namespace jh::api
