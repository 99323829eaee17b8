// W3C Trace Context (https://www.w3.org/TR/trace-context/): the `traceparent` header.
// An incoming valid header sets the trace; the server starts a new span under it. An
// absent or invalid header starts a new trace. The response carries `traceparent` with the
// server's span, so callers can find their request in the processing log.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jh::http {

struct TraceContext {
  std::string trace_id;        // 32 lowercase hex, not all zero
  std::string span_id;         // 16 lowercase hex: this server's span for the request
  std::string parent_span_id;  // 16 lowercase hex from the caller, or "" when none
  std::string flags = "01";    // 2 lowercase hex

  // "00-<trace>-<span>-<flags>"
  std::string ToHeader() const;
};

// Parses a traceparent header value strictly (version 00; future versions accepted when
// at least the 55 known characters are well-formed). nullopt when invalid.
std::optional<TraceContext> ParseTraceparent(std::string_view header);

// The context for a request: the parent from `header` when valid (trace id kept, caller's
// span as parent), otherwise a new trace (12 hex digits of Unix milliseconds, so new traces
// sort by time, then 20 random ones); always a new random span id.
TraceContext StartSpan(std::string_view header);

// A random 16-hex span id (for child spans inside a request).
std::string NewSpanId();

}  // namespace jh::http
