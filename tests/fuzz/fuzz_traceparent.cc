// W3C traceparent parsing: never accepts a malformed header, round-trips a valid
// version-00 header, and StartSpan always yields a well-formed context.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/trace.h"

namespace {

bool LowerHex(std::string_view s, size_t length) {
  if (s.size() != length) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool AllZero(std::string_view s) { return s.find_first_not_of('0') == std::string_view::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view header(reinterpret_cast<const char*>(data), size);

  std::optional<jh::http::TraceContext> parsed = jh::http::ParseTraceparent(header);
  if (parsed) {
    FUZZ_CHECK(size >= 55);
    FUZZ_CHECK(LowerHex(header.substr(0, 2), 2) && header.substr(0, 2) != "ff");
    FUZZ_CHECK(LowerHex(parsed->trace_id, 32) && !AllZero(parsed->trace_id));
    FUZZ_CHECK(LowerHex(parsed->span_id, 16) && !AllZero(parsed->span_id));
    FUZZ_CHECK(LowerHex(parsed->flags, 2));
    FUZZ_CHECK(parsed->trace_id == header.substr(3, 32));
    if (header.starts_with("00")) {
      FUZZ_CHECK(size == 55);
      FUZZ_CHECK(parsed->ToHeader() == header);
    } else {
      FUZZ_CHECK(size == 55 || header[55] == '-');
    }
    // What the server sends back must parse again.
    FUZZ_CHECK(jh::http::ParseTraceparent(parsed->ToHeader()).has_value());
  }

  jh::http::TraceContext ctx = jh::http::StartSpan(header);
  FUZZ_CHECK(LowerHex(ctx.trace_id, 32) && !AllZero(ctx.trace_id));
  FUZZ_CHECK(LowerHex(ctx.span_id, 16) && !AllZero(ctx.span_id));
  FUZZ_CHECK(LowerHex(ctx.flags, 2));
  if (parsed) {
    FUZZ_CHECK(ctx.trace_id == parsed->trace_id);
    FUZZ_CHECK(ctx.parent_span_id == parsed->span_id);
  } else {
    FUZZ_CHECK(ctx.parent_span_id.empty());
  }
  std::optional<jh::http::TraceContext> echoed = jh::http::ParseTraceparent(ctx.ToHeader());
  FUZZ_CHECK(echoed && echoed->trace_id == ctx.trace_id && echoed->span_id == ctx.span_id);
  return 0;
}
