#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "http/trace.h"

namespace jh::http {
namespace {

constexpr char kValid[] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

bool IsLowerHex(const std::string& s, size_t size) {
  return s.size() == size && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

TEST(TraceparentTest, ParsesAValidHeader) {
  std::optional<TraceContext> ctx = ParseTraceparent(kValid);
  ASSERT_TRUE(ctx.has_value());
  EXPECT_EQ(ctx->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(ctx->span_id, "00f067aa0ba902b7");  // the caller's span
  EXPECT_EQ(ctx->flags, "01");
  EXPECT_EQ(ctx->ToHeader(), kValid);
}

TEST(TraceparentTest, KeepsFlagsAsSent) {
  std::optional<TraceContext> ctx =
      ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
  ASSERT_TRUE(ctx.has_value());
  EXPECT_EQ(ctx->flags, "00");
}

TEST(TraceparentTest, RefusesWrongLengths) {
  std::string valid = kValid;
  EXPECT_FALSE(ParseTraceparent(""));
  EXPECT_FALSE(ParseTraceparent(valid.substr(0, 54)));  // one short
  EXPECT_FALSE(ParseTraceparent(valid + "0"));          // version 00 is exactly 55
  EXPECT_FALSE(ParseTraceparent(valid + "-extra"));     // not even with a separator
  // Short trace id, long span id: same total length, separators in the wrong places.
  EXPECT_FALSE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01"));
}

TEST(TraceparentTest, RefusesUppercaseHex) {
  EXPECT_FALSE(ParseTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01"));
  EXPECT_FALSE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A"));
  EXPECT_FALSE(ParseTraceparent("0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
}

TEST(TraceparentTest, RefusesNonHexAndBadSeparators) {
  EXPECT_FALSE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"));
  EXPECT_FALSE(ParseTraceparent("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
  EXPECT_FALSE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01"));
  EXPECT_FALSE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01"));
  EXPECT_FALSE(ParseTraceparent(" 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0"));
}

TEST(TraceparentTest, RefusesAllZeroIds) {
  EXPECT_FALSE(ParseTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
  EXPECT_FALSE(ParseTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"));
}

TEST(TraceparentTest, RefusesVersionFf) {
  EXPECT_FALSE(ParseTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
}

TEST(TraceparentTest, AcceptsFutureVersionsWithKnownPrefix) {
  std::string v1 = "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  ASSERT_TRUE(ParseTraceparent(v1));
  ASSERT_TRUE(ParseTraceparent(v1 + "-what-the-future-holds"));
  EXPECT_EQ(ParseTraceparent(v1 + "-x")->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  // Extra characters must follow a '-'.
  EXPECT_FALSE(ParseTraceparent(v1 + "x"));
}

TEST(StartSpanTest, ContinuesAValidTraceUnderTheCallersSpan) {
  TraceContext ctx = StartSpan(kValid);
  EXPECT_EQ(ctx.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(ctx.parent_span_id, "00f067aa0ba902b7");
  EXPECT_TRUE(IsLowerHex(ctx.span_id, 16));
  EXPECT_NE(ctx.span_id, ctx.parent_span_id);
  EXPECT_EQ(ctx.flags, "01");
  EXPECT_EQ(ctx.ToHeader(), "00-4bf92f3577b34da6a3ce929d0e0e4736-" + ctx.span_id + "-01");
}

TEST(StartSpanTest, StartsANewTraceWhenAbsentOrInvalid) {
  for (std::string_view header :
       {std::string_view(""), std::string_view("garbage"),
        std::string_view("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")}) {
    TraceContext ctx = StartSpan(header);
    EXPECT_TRUE(IsLowerHex(ctx.trace_id, 32)) << header;
    EXPECT_NE(ctx.trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
    EXPECT_NE(ctx.trace_id, std::string(32, '0'));
    EXPECT_TRUE(IsLowerHex(ctx.span_id, 16));
    EXPECT_TRUE(ctx.parent_span_id.empty());
    EXPECT_EQ(ctx.flags, "01");
    EXPECT_TRUE(ParseTraceparent(ctx.ToHeader()).has_value());
  }
}

TEST(StartSpanTest, IdsAreRandom) {
  std::set<std::string> traces;
  std::set<std::string> spans;
  for (int i = 0; i < 100; ++i) {
    TraceContext ctx = StartSpan("");
    traces.insert(ctx.trace_id);
    spans.insert(ctx.span_id);
  }
  EXPECT_EQ(traces.size(), 100u);
  EXPECT_EQ(spans.size(), 100u);
}

TEST(StartSpanTest, NewTracesSortByTimeAndEndInTenRandomBytes) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  TraceContext first = StartSpan("");
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  TraceContext later = StartSpan("");
  EXPECT_LT(first.trace_id, later.trace_id);
  // The first 12 hex digits are the creation time in milliseconds.
  const int64_t stamped = std::stoll(first.trace_id.substr(0, 12), nullptr, 16);
  EXPECT_GE(stamped, ms);
  EXPECT_LT(stamped, ms + 60'000);
  // Two traces started in the same millisecond still differ, in their random part.
  std::set<std::string> tails;
  for (int i = 0; i < 100; ++i) tails.insert(StartSpan("").trace_id.substr(12));
  EXPECT_EQ(tails.size(), 100u);
}

TEST(NewSpanIdTest, IsSixteenLowerHexAndNotZero) {
  std::string id = NewSpanId();
  EXPECT_TRUE(IsLowerHex(id, 16));
  EXPECT_NE(id, std::string(16, '0'));
}

}  // namespace
}  // namespace jh::http
