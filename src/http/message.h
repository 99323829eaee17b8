// The server's own request and response types: plain data, no Beast, so handlers and
// tests never include Boost.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "http/trace.h"

namespace jh::http {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string path;                            // percent-decoded path without the query string
  std::string query;                           // raw query string after '?', may be empty
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string remote;  // peer address, for the access log
  TraceContext trace;  // from `traceparent`, or freshly started
  std::chrono::steady_clock::time_point received;

  // Set by the router.
  std::string route;  // the matched route template, e.g. "/api/v1/organisaties/{id}"
  std::map<std::string, std::string> params;  // path parameters

  // The header value, or "" when absent. `name` must be lower case.
  const std::string& Header(const std::string& name) const;
  // A decoded query parameter, or "" when absent.
  std::string QueryParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

}  // namespace jh::http
