// Bad input never reaches a 500: every route of tests/authz/, called by a caller the matrix
// lets through, with its valid request spoilt — each top-level field of the body left out,
// made null, of another type, an object, an array, 10,000 characters long; the body as a
// whole empty, not JSON, cut off, of another type, nested 10,000 deep, or with an unknown
// field; each id in the path and each query value not an id, empty, negative, huge, a NUL,
// a broken escape or 2,000 characters; an unknown query parameter. Every answer must be a 2xx
// or a 4xx problem+json (API.md, "Errors") whose status is the response's; a 400 for a
// spoilt body field must name that field in invalidParams. The server runs on a world of its
// own (support/authz_world.h), since an accepted request changes it. A 400 for a body
// without a field, or with an unknown one, must name that field too.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/authz_world.h"

namespace jh::testing {
namespace {

using nlohmann::json;

struct Spoilt {
  std::string what;   // for the failure message
  std::string field;  // the top-level body field spoilt, or ""
  std::string body;
  std::string target;  // "" for the route's own
};

// The valid body, spoilt in every way above.
std::vector<Spoilt> Spoil(const std::string& valid) {
  std::vector<Spoilt> out = {
      {"an empty body", "", ""},
      {"not JSON", "", "niet-json"},
      {"a body cut off", "", valid.substr(0, valid.size() / 2)},
      {"an array", "", "[" + valid + "]"},
      {"null", "", "null"},
      {"nested 10,000 deep", "", std::string(10000, '[') + std::string(10000, ']')},
  };
  const json body = json::parse(valid, nullptr, false);
  if (!body.is_object()) return out;
  json unknown = body;
  unknown["onbekendVeld"] = "x";
  out.push_back({"an unknown field", "onbekendVeld", unknown.dump()});
  for (const auto& [field, value] : body.items()) {
    const std::vector<std::pair<std::string, json>> values = {
        {"null", nullptr},
        {"another type", value.is_string() ? json(12345) : json("tekst")},
        {"an object", json::object({{"a", 1}})},
        {"an array", json::array({1, 2})},
        {"10,000 characters", std::string(10000, 'x')},
    };
    for (const auto& [what, replacement] : values) {
      json changed = body;
      changed[field] = replacement;
      out.push_back({field + " as " + what, field, changed.dump()});
    }
    json without = body;
    without.erase(field);
    // Without its only field a body is empty, which is what a refusal then names.
    out.push_back({"without " + field, without.empty() ? "" : field, without.dump()});
  }
  return out;
}

// The route's target (${name} placeholders as in requests.tsv) with each placeholder in the
// path and each query value spoilt, and with an unknown query parameter.
std::vector<Spoilt> SpoilTarget(const std::string& target, const AuthzWorld& world) {
  const std::vector<std::pair<std::string, std::string>> values = {
      {"not an id", "niet-een-id"},
      {"empty", ""},
      {"negative", "-1"},
      {"huge", "99999999999999999999"},
      {"a NUL", "%00"},
      {"a broken escape", "%ZZ"},
      {"2,000 characters", std::string(2000, 'a')},
  };
  std::vector<Spoilt> out;
  const size_t query = target.find('?');
  out.push_back(
      {"an unknown query parameter", "", "",
       Substitute(target, world.vars) + (query == std::string::npos ? "?" : "&") + "onbekend=1"});
  // Each spoilable part: a ${name} in the path, or a value after '=' in the query.
  std::vector<std::pair<size_t, size_t>> parts;  // [begin, end) in target
  for (size_t at = target.find("${"); at != std::string::npos && at < query;
       at = target.find("${", at + 1)) {
    parts.emplace_back(at, target.find('}', at) + 1);
  }
  for (size_t at = target.find('=', query); query != std::string::npos && at != std::string::npos;
       at = target.find('=', at + 1)) {
    parts.emplace_back(at + 1, std::min(target.find('&', at), target.size()));
  }
  for (const auto& [begin, end] : parts) {
    const std::string part = target.substr(begin, end - begin);
    for (const auto& [what, value] : values) {
      if (value.empty() && begin < query) continue;  // an empty path segment is another route
      const std::string spoilt = target.substr(0, begin) + value + target.substr(end);
      out.push_back({part + " " + what, "", "", Substitute(spoilt, world.vars)});
    }
  }
  return out;
}

// The first caller the matrix lets through, so that the body reaches its schema and service.
std::string AllowedCaller(const AuthzRoute& route) {
  for (const std::string& column : RepositoryAuthzTables().columns) {
    if (route.expect.at(column) == "allow") return column;
  }
  return "beheerder";
}

class MalformedInput : public ::testing::TestWithParam<AuthzRoute> {
 protected:
  static void SetUpTestSuite() { shared_ = AuthzWorldServer::Start().release(); }
  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }
  static AuthzWorldServer* shared_;
};
AuthzWorldServer* MalformedInput::shared_ = nullptr;

TEST_P(MalformedInput, IsAnsweredWithA2xxOrAProblem) {
  ASSERT_NE(shared_, nullptr);
  const AuthzWorld& world = shared_->world;
  HttpClient& client = *shared_->client;
  const AuthzRoute& route = GetParam();
  const std::string caller = AllowedCaller(route);
  const std::string target = Substitute(route.target, world.vars);
  HeaderList headers = {{"Content-Type", "application/json"}};
  if (const std::string& token = world.tokens.at(caller); !token.empty()) {
    headers.emplace_back("Authorization", "Bearer " + token);
  }
  const std::string body = Substitute(route.body, world.vars);
  std::vector<Spoilt> spoilt = SpoilTarget(route.target, world);
  for (Spoilt& s : spoilt) s.body = body;
  if (!body.empty()) {
    for (Spoilt& s : Spoil(body)) spoilt.push_back(std::move(s));
  }
  for (const Spoilt& s : spoilt) {
    const std::string& to = s.target.empty() ? target : s.target;
    HttpResponse r = client.Request(route.method, to, s.body, headers);
    const std::string where = route.method + " " + route.path + " as " + caller + ", " + s.what;
    ASSERT_GE(r.status, 200) << where << ": " << r.error;
    ASSERT_LT(r.status, 500) << where << ": " << r.status << " " << r.body;
    if (r.status < 400) continue;
    EXPECT_EQ(r.Header("Content-Type"), "application/problem+json") << where;
    const json problem = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(problem.is_object()) << where << ": " << r.body;
    EXPECT_EQ(problem.value("status", 0), r.status) << where << ": " << r.body;
    if (r.status != 400 || s.field.empty()) continue;
    bool named = false;
    for (const json& p : problem.value("invalidParams", json::array())) {
      named = named || p.value("name", "").rfind(s.field, 0) == 0;
    }
    EXPECT_TRUE(named) << where << ": 400 without invalidParams naming " << s.field << ": "
                       << r.body;
  }
  EXPECT_EQ(client.Request("GET", "/health").status, 200) << route.method << " " << route.path;
}

INSTANTIATE_TEST_SUITE_P(Routes, MalformedInput,
                         ::testing::ValuesIn(RepositoryAuthzTables().routes),
                         [](const ::testing::TestParamInfo<AuthzRoute>& info) {
                           return RouteTestName(info.param.method, info.param.path);
                         });

}  // namespace
}  // namespace jh::testing
