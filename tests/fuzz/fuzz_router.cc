// Routing of hostile request targets: PercentDecode, Router::Find over a table shaped like
// the API's, and the query-string reader. Input: "<METHOD> <target>" where the target is
// "<raw path>[?<query>]", as on an HTTP request line.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/message.h"
#include "http/router.h"

namespace {

using jh::http::Request;
using jh::http::Response;
using jh::http::Router;

const char* const kRoutes[][2] = {
    {"GET", "/health"},
    {"GET", "/metrics"},
    {"GET", "/api/v1/openapi.json"},
    {"POST", "/api/v1/organisaties"},
    {"GET", "/api/v1/organisaties/{id}"},
    {"POST", "/api/v1/organisaties/{id}/convenanten"},
    {"POST", "/api/v1/personen"},
    {"GET", "/api/v1/personen/{id}"},
    {"PATCH", "/api/v1/personen/{id}"},
    {"POST", "/api/v1/personen/{id}/gezagsrelaties"},
    {"PUT", "/api/v1/gemeenten/{gemeentecode}/toegang"},
    {"POST", "/api/v1/verwijsindex/meldingen"},
    {"GET", "/api/v1/verwijsindex/meldingen"},
    {"GET", "/api/v1/verwijsindex/meldingen/{id}"},
    {"DELETE", "/api/v1/verwijsindex/meldingen/{id}"},
    {"POST", "/api/v1/verwijsindex/signalen/{id}/afstemmingen"},
    {"GET", "/api/v1/mijn/logboek"},
    {"POST", "/api/v1/logboek/_zoeken"},
    {"GET", "/api/v1/verwerkingsactiviteiten/{id}"},
    {"POST", "/access/v1/evaluation"},
};

const Router& TheRouter() {
  static const Router* router = [] {
    auto* r = new Router;
    for (const auto& route : kRoutes) {
      std::string tmpl = route[1];
      r->Add(route[0], tmpl, [tmpl](Request&) {
        Response resp;
        resp.body = tmpl;
        return resp;
      });
    }
    return r;
  }();
  return *router;
}

bool Registered(const std::string& method, const std::string& tmpl) {
  for (const auto& route : kRoutes) {
    if (method == route[0] && tmpl == route[1]) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  size_t space = line.find(' ');
  if (space == std::string_view::npos) return 0;
  std::string method(line.substr(0, space));
  std::string_view target = line.substr(space + 1);
  size_t qmark = target.find('?');
  std::string_view raw_path = target.substr(0, qmark);
  std::string_view query = qmark == std::string_view::npos ? "" : target.substr(qmark + 1);

  std::optional<std::string> path = jh::http::PercentDecode(raw_path);
  if (raw_path.find('%') == std::string_view::npos &&
      raw_path.find('\0') == std::string_view::npos) {
    FUZZ_CHECK(path && *path == raw_path);
  }
  if (!path) return 0;
  FUZZ_CHECK(path->size() <= raw_path.size());
  FUZZ_CHECK(path->find('\0') == std::string::npos);

  Router::Match m = TheRouter().Find(method, *path);
  switch (m.kind) {
    case Router::MatchKind::kFound: {
      FUZZ_CHECK(m.handler != nullptr);
      FUZZ_CHECK(Registered(method, m.route));
      FUZZ_CHECK(m.allowed.empty());
      for (const auto& [name, value] : m.params) {
        FUZZ_CHECK(!name.empty() && !value.empty());
        FUZZ_CHECK(value.find('/') == std::string::npos);
        FUZZ_CHECK(m.route.find("{" + name + "}") != std::string::npos);
      }
      // Literal paths only match literally: no trailing or doubled slash gets through.
      FUZZ_CHECK(path->size() == 1 || path->back() != '/');
      FUZZ_CHECK(path->find("//") == std::string::npos);
      Request req;
      req.method = method;
      req.path = *path;
      req.query = std::string(query);
      req.route = m.route;
      req.params = m.params;
      Response resp = (*m.handler)(req);
      FUZZ_CHECK(resp.body == m.route);
      break;
    }
    case Router::MatchKind::kMethodNotAllowed: {
      FUZZ_CHECK(m.handler == nullptr);
      FUZZ_CHECK(!m.allowed.empty());
      std::set<std::string> seen;
      for (const std::string& allowed : m.allowed) {
        FUZZ_CHECK(allowed != method);
        FUZZ_CHECK(seen.insert(allowed).second);
      }
      break;
    }
    case Router::MatchKind::kNotFound:
      FUZZ_CHECK(m.handler == nullptr);
      break;
  }

  // The query reader: a value is either absent ("") or fully decoded.
  Request req;
  req.query = std::string(query);
  for (const char* name : {"reden", "gemeentecode", "jaar", ""}) {
    std::string value = req.QueryParam(name);
    FUZZ_CHECK(value.find('\0') == std::string::npos);
    FUZZ_CHECK(value.size() <= query.size());
  }
  return 0;
}
