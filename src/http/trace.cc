#include "http/trace.h"

#include <array>
#include <chrono>
#include <cstdint>

#include "crypto/id_random.h"

namespace jh::http {

namespace {

constexpr size_t kVersion00Length = 55;  // "00-" + 32 + "-" + 16 + "-" + 2

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    bool digit = c >= '0' && c <= '9';
    bool letter = c >= 'a' && c <= 'f';
    if (!digit && !letter) return false;
  }
  return true;
}

bool AllZero(std::string_view s) { return s.find_first_not_of('0') == std::string_view::npos; }

// Random lowercase hex of `bytes` random bytes, never all zero (W3C forbids all-zero ids).
std::string RandomHex(size_t bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::array<unsigned char, 16> buf{};
  std::string out;
  do {
    crypto::FillIdRandom(buf.data(), bytes);
    out.clear();
    for (size_t i = 0; i < bytes; ++i) {
      out.push_back(kDigits[buf[i] >> 4]);
      out.push_back(kDigits[buf[i] & 0x0f]);
    }
  } while (AllZero(out));
  return out;
}

// A new trace id: 6 bytes of Unix milliseconds, then 10 random bytes. Every processing and
// decision record of a request carries its trace id, and both logs index it; ids that grow
// with time put each new key on the last page of those indexes instead of on a random one,
// so a commit writes fewer pages. Trace Context asks that at least the right-most 7 bytes be
// random; these are 10 (80 bits), and the time they reveal is in the records anyway.
std::string NewTraceId() {
  const auto ms = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
  std::string out;
  out.reserve(32);
  static constexpr char kDigits[] = "0123456789abcdef";
  for (int shift = 44; shift >= 0; shift -= 4) out.push_back(kDigits[(ms >> shift) & 0x0f]);
  return out + RandomHex(10);
}

}  // namespace

std::string TraceContext::ToHeader() const {
  return "00-" + trace_id + "-" + span_id + "-" + flags;
}

std::optional<TraceContext> ParseTraceparent(std::string_view header) {
  if (header.size() < kVersion00Length) return std::nullopt;
  std::string_view version = header.substr(0, 2);
  if (!IsLowerHex(version) || version == "ff") return std::nullopt;
  // Version 00 has exactly 55 characters; a later version may append fields after a '-'.
  if (version == "00" && header.size() != kVersion00Length) return std::nullopt;
  if (header.size() > kVersion00Length && header[kVersion00Length] != '-') return std::nullopt;
  if (header[2] != '-' || header[35] != '-' || header[52] != '-') return std::nullopt;
  std::string_view trace_id = header.substr(3, 32);
  std::string_view parent_id = header.substr(36, 16);
  std::string_view flags = header.substr(53, 2);
  if (!IsLowerHex(trace_id) || !IsLowerHex(parent_id) || !IsLowerHex(flags)) {
    return std::nullopt;
  }
  if (AllZero(trace_id) || AllZero(parent_id)) return std::nullopt;
  TraceContext ctx;
  ctx.trace_id = std::string(trace_id);
  ctx.span_id = std::string(parent_id);  // the caller's span, as the header states it
  ctx.flags = std::string(flags);
  return ctx;
}

TraceContext StartSpan(std::string_view header) {
  TraceContext ctx;
  if (std::optional<TraceContext> parent = ParseTraceparent(header)) {
    ctx.trace_id = std::move(parent->trace_id);
    ctx.parent_span_id = std::move(parent->span_id);
    ctx.flags = std::move(parent->flags);
  } else {
    ctx.trace_id = NewTraceId();
  }
  ctx.span_id = NewSpanId();
  return ctx;
}

std::string NewSpanId() { return RandomHex(8); }

}  // namespace jh::http
