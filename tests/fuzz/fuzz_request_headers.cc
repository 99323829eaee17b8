// What a request carries besides its path and body, read before any handler runs: the
// query string checked against an operation's declared parameters (src/http/query_check.h),
// the Accept header's choice of representation and the Content-Type check
// (src/http/negotiation.h). Input: "<query>\n<accept>\n<content-type>" (missing lines empty).
// Properties:
//  - a query that passes holds only declared names, each once; an integer parameter then
//    reads as 1..12 digits within its range (Call::IntQuery relies on that without checking
//    again), an enum value is one of its values, a string at most 200 bytes;
//  - a refused query names one parameter with a known code, and never repeats six or more
//    digits in a row from the query (BSN-02: no BSN in an error message);
//  - negotiation picks JSON ("") or an offered form, ignores case, and a form chosen among
//    several is also chosen when offered alone;
//  - the Content-Type check ignores case, whitespace and parameters.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "http/message.h"
#include "http/negotiation.h"
#include "http/query_check.h"

namespace {

using jh::api::QueryParam;

const std::vector<QueryParam>& Declared() {
  static const std::vector<QueryParam> params = {
      {"pagina", "", false, true, 1, 1000000, {}},
      {"paginaGrootte", "", false, true, 1, 100, {}},
      {"status", "", false, false, 1, 1000000, {"open", "gesloten"}},
      {"reden", "", false, false, 1, 1000000, {}},
  };
  return params;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

void CheckQueryString(const std::string& query) {
  jh::Status st = jh::api::CheckQuery(query, Declared());
  jh::http::Request req;
  req.query = query;
  if (!st.ok()) {
    const jh::Error& e = st.error();
    FUZZ_CHECK(e.code == jh::ErrorCode::kInvalidArgument);
    FUZZ_CHECK(e.invalid_params.size() == 1);
    static const std::set<std::string> kCodes = {
        "onbekende-parameter", "dubbel", "verplicht", "type", "enum", "lengte"};
    FUZZ_CHECK(kCodes.contains(e.invalid_params[0].code));
    FUZZ_CHECK(e.invalid_params[0].name.size() <= 64);
    FUZZ_CHECK(!HasLongDigitRun(e.invalid_params[0].name));
    // The one reason with a long number names the range, never the value.
    FUZZ_CHECK(!HasLongDigitRun(e.invalid_params[0].reason) ||
               e.invalid_params[0].reason.starts_with("Verwacht een geheel getal van 1 tot"));
    FUZZ_CHECK(!HasLongDigitRun(e.message));
    return;
  }
  for (const QueryParam& p : Declared()) {
    const std::string value = req.QueryParam(p.name);
    if (p.integer) {
      if (value.empty()) continue;  // absent
      FUZZ_CHECK(value.size() <= 12);
      int64_t n = 0;
      for (char c : value) {
        FUZZ_CHECK(c >= '0' && c <= '9');
        n = n * 10 + (c - '0');
      }
      FUZZ_CHECK(n >= p.minimum && n <= p.maximum);
    } else if (!p.enum_values.empty()) {
      if (value.empty()) continue;
      FUZZ_CHECK(value == "open" || value == "gesloten");
    } else {
      FUZZ_CHECK(value.size() <= 200);
    }
  }
}

void CheckAccept(const std::string& accept) {
  const std::vector<jh::api::Representation> offered = {{"text/html", ""}, {"application/xml", ""}};
  const std::string chosen = jh::api::NegotiateMedia(accept, offered);
  FUZZ_CHECK(chosen.empty() || chosen == "text/html" || chosen == "application/xml");
  FUZZ_CHECK(jh::api::NegotiateMedia(accept, {}).empty());
  FUZZ_CHECK(jh::api::NegotiateMedia(Upper(accept), offered) == chosen);
  if (!chosen.empty()) {
    FUZZ_CHECK(jh::api::NegotiateMedia(accept, {{chosen, ""}}) == chosen);
  }
}

void CheckContentType(const std::string& content_type) {
  const bool json = jh::api::IsJsonMediaType(content_type);
  FUZZ_CHECK(jh::api::IsJsonMediaType(Upper(content_type)) == json);
  FUZZ_CHECK(jh::api::IsJsonMediaType(content_type + "; charset=utf-8") == json);
  if (json) {
    std::string compact;
    for (char c : content_type.substr(0, content_type.find(';'))) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') {
        compact.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      }
    }
    FUZZ_CHECK(compact == "application/json");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string lines[3];
  for (std::string& line : lines) {
    const size_t nl = in.find('\n');
    line = std::string(in.substr(0, nl));
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  }
  CheckQueryString(lines[0]);
  CheckAccept(lines[1]);
  CheckContentType(lines[2]);
  return 0;
}
