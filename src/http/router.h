// Path routing with templates like "/api/v1/organisaties/{id}/convenanten".
// Matching is exact per segment; "{name}" matches one non-empty segment. Literal segments
// win over parameters. Trailing slashes do not match (ADR: no trailing slash).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace jh::http {

using Handler = std::function<Response(Request&)>;

class Router {
 public:
  // Registers a route. Adding the same method and template twice is a defect (aborts).
  void Add(std::string method, std::string path_template, Handler handler);

  enum class MatchKind { kFound, kNotFound, kMethodNotAllowed };
  struct Match {
    MatchKind kind = MatchKind::kNotFound;
    const Handler* handler = nullptr;
    std::string route;                          // the template that matched the path
    std::map<std::string, std::string> params;  // decoded path parameters
    std::vector<std::string> allowed;           // methods for kMethodNotAllowed
  };
  // Finds the route for method and (already percent-decoded) path.
  Match Find(std::string_view method, std::string_view path) const;

  struct Entry {
    std::string method;
    std::string path_template;
  };
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  struct Route {
    std::string method;
    std::string path_template;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  std::vector<Entry> entries_;
};

// Percent-decodes a URL component. nullopt for malformed escapes or a decoded NUL.
std::optional<std::string> PercentDecode(std::string_view in);

}  // namespace jh::http
