// The parts of the server that need no Boost: request-target parsing, response headers,
// the problems the server itself answers with, and the exception boundary around handlers.
// Kept apart from server.cc so they compile fast and are unit-testable without sockets.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/message.h"
#include "http/trace.h"

namespace jh::http::internal {

struct Target {
  std::string path;   // percent-decoded
  std::string query;  // raw, after '?'
};

// Splits an origin-form request target ("/a/b?x=1"). nullopt when the target is not
// origin-form (absolute-form, "*") or the path has a malformed escape or an encoded NUL.
[[nodiscard]] std::optional<Target> ParseTarget(std::string_view target);

// ASCII lower case (header names).
[[nodiscard]] std::string ToLower(std::string_view s);

// True for header names the server owns on the wire (message framing), which a handler's
// extra headers must not set: Content-Length, Transfer-Encoding, Connection.
[[nodiscard]] bool IsFramingHeader(std::string_view name);

// True when a name/value pair is safe to put on the wire: a non-empty token name and a
// value without CR, LF or NUL (no response splitting).
[[nodiscard]] bool IsSafeHeader(std::string_view name, std::string_view value);

// The standard headers (AddStandardHeaders) plus `traceparent` with the server's span.
void FinishResponse(Response& response, const TraceContext& trace, const std::string& api_version);

// A problem+json response for a failure the server detects itself (limits, malformed
// HTTP, connection limit). `instance` may be empty.
[[nodiscard]] Response ServerProblem(ErrorCode code, std::string message,
                                     std::string_view instance);

// Runs the handler; an escaping exception becomes a 500 problem (and is logged), so a
// defect in one handler never takes the server down.
[[nodiscard]] Response CallHandler(const std::function<Response(Request&)>& handler,
                                   Request& request);

}  // namespace jh::http::internal
