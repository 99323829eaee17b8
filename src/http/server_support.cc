#include "http/server_support.h"

#include "core/log.h"

#include <exception>

#include "http/problem.h"
#include "http/router.h"
#include "http/server.h"

namespace jh::http {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

bool HasHeader(const Response& response, std::string_view name) {
  for (const auto& [n, v] : response.headers) {
    if (EqualsIgnoreCase(n, name)) return true;
  }
  return false;
}

// Replaces every occurrence of `name` by one header with `value`.
void SetHeader(Response& response, std::string_view name, std::string value) {
  std::erase_if(response.headers, [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  response.headers.emplace_back(std::string(name), std::move(value));
}

void SetIfAbsent(Response& response, std::string_view name, std::string value) {
  if (!HasHeader(response, name))
    response.headers.emplace_back(std::string(name), std::move(value));
}

}  // namespace

void AddStandardHeaders(Response& response, const std::string& api_version) {
  SetHeader(response, "API-Version", api_version);
  // A handler may set a stricter policy (web pages do), never a weaker one by omission.
  SetIfAbsent(response, "Cache-Control", "no-store");
  SetIfAbsent(response, "Content-Security-Policy", "frame-ancestors 'none'");
  SetHeader(response, "X-Content-Type-Options", "nosniff");
  SetHeader(response, "X-Frame-Options", "DENY");
}

namespace internal {

std::optional<Target> ParseTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') return std::nullopt;
  size_t q = target.find('?');
  std::optional<std::string> path = PercentDecode(target.substr(0, q));
  if (!path) return std::nullopt;
  Target out;
  out.path = std::move(*path);
  if (q != std::string_view::npos) out.query = std::string(target.substr(q + 1));
  return out;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsFramingHeader(std::string_view name) {
  return EqualsIgnoreCase(name, "content-length") || EqualsIgnoreCase(name, "transfer-encoding") ||
         EqualsIgnoreCase(name, "connection");
}

bool IsSafeHeader(std::string_view name, std::string_view value) {
  if (name.empty()) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

void FinishResponse(Response& response, const TraceContext& trace, const std::string& api_version) {
  AddStandardHeaders(response, api_version);
  SetHeader(response, "traceparent", trace.ToHeader());
}

Response ServerProblem(ErrorCode code, std::string message, std::string_view instance) {
  Error error;
  error.code = code;
  error.message = std::move(message);
  return ProblemResponse(error, instance);
}

Response CallHandler(const std::function<Response(Request&)>& handler, Request& request) {
  std::string what;
  try {
    return handler(request);
  } catch (const std::exception& e) {
    what = e.what();  // copied: the exception object dies with the catch block
  } catch (...) {
    what = "unknown exception";
  }
  // Logged without the request body or query: those may hold personal data.
  log::Error("handler-exception",
             {{"what", what}, {"route", request.route}, {"trace", request.trace.trace_id}});
  return ServerProblem(ErrorCode::kInternal, "Er ging iets mis in de server.", request.path);
}

}  // namespace internal
}  // namespace jh::http
