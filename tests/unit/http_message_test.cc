#include <gtest/gtest.h>

#include "http/message.h"
#include "http/server.h"
#include "http/server_support.h"

namespace jh::http {
namespace {

TEST(RequestTest, HeaderReturnsValueOrEmpty) {
  Request r;
  r.headers["authorization"] = "Bearer t";
  EXPECT_EQ(r.Header("authorization"), "Bearer t");
  EXPECT_EQ(r.Header("accept"), "");
}

TEST(RequestTest, QueryParamDecodesAndTakesTheFirst) {
  Request r;
  r.query = "reden=risico-weg&x=a%20b+c&x=second&leeg=&vlag&%6Eaam=n";
  EXPECT_EQ(r.QueryParam("reden"), "risico-weg");
  EXPECT_EQ(r.QueryParam("x"), "a b c");
  EXPECT_EQ(r.QueryParam("leeg"), "");
  EXPECT_EQ(r.QueryParam("vlag"), "");
  EXPECT_EQ(r.QueryParam("naam"), "n");
  EXPECT_EQ(r.QueryParam("onbekend"), "");
}

TEST(RequestTest, MalformedQueryValueReadsAsAbsent) {
  Request r;
  r.query = "a=%zz&b=%00&c=ok";
  EXPECT_EQ(r.QueryParam("a"), "");
  EXPECT_EQ(r.QueryParam("b"), "");
  EXPECT_EQ(r.QueryParam("c"), "ok");
}

TEST(RequestTest, EmptyQuery) {
  Request r;
  EXPECT_EQ(r.QueryParam("a"), "");
  r.query = "&&=&";
  EXPECT_EQ(r.QueryParam("a"), "");
}

std::string Get(const Response& r, std::string_view name) {
  std::string out;
  int count = 0;
  for (const auto& [n, v] : r.headers) {
    if (internal::ToLower(n) == internal::ToLower(name)) {
      out = v;
      ++count;
    }
  }
  return count > 1 ? "<repeated>" : out;
}

TEST(StandardHeadersTest, AddsAllSecurityHeaders) {
  Response r;
  AddStandardHeaders(r, "1.2.3");
  EXPECT_EQ(Get(r, "API-Version"), "1.2.3");
  EXPECT_EQ(Get(r, "Cache-Control"), "no-store");
  EXPECT_EQ(Get(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Get(r, "X-Frame-Options"), "DENY");
  EXPECT_EQ(Get(r, "Content-Security-Policy"), "frame-ancestors 'none'");
}

TEST(StandardHeadersTest, KeepsTheHandlersCspAndCacheControl) {
  Response r;
  r.headers = {{"content-security-policy", "default-src 'self'; frame-ancestors 'none'"},
               {"Cache-Control", "no-cache"}};
  AddStandardHeaders(r, "1.0.0");
  EXPECT_EQ(Get(r, "Content-Security-Policy"), "default-src 'self'; frame-ancestors 'none'");
  EXPECT_EQ(Get(r, "Cache-Control"), "no-cache");
}

TEST(StandardHeadersTest, OverridesWeakerFrameAndSniffHeadersAndDoesNotRepeat) {
  Response r;
  r.headers = {{"x-frame-options", "SAMEORIGIN"}, {"API-Version", "0.0.1"}};
  AddStandardHeaders(r, "1.0.0");
  AddStandardHeaders(r, "1.0.0");
  EXPECT_EQ(Get(r, "X-Frame-Options"), "DENY");
  EXPECT_EQ(Get(r, "API-Version"), "1.0.0");
  EXPECT_EQ(Get(r, "Cache-Control"), "no-store");
}

TEST(FinishResponseTest, AddsTraceparentWithTheServersSpan) {
  Response r;
  TraceContext t = StartSpan("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  internal::FinishResponse(r, t, "1.0.0");
  EXPECT_EQ(Get(r, "traceparent"), "00-4bf92f3577b34da6a3ce929d0e0e4736-" + t.span_id + "-01");
}

TEST(ParseTargetTest, SplitsAndDecodesThePathOnly) {
  auto t = internal::ParseTarget("/a%20b/c?x=%20y&z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(t->path, "/a b/c");
  EXPECT_EQ(t->query, "x=%20y&z");
  EXPECT_EQ(internal::ParseTarget("/")->query, "");
}

TEST(ParseTargetTest, RefusesNonOriginFormAndBadEscapes) {
  EXPECT_FALSE(internal::ParseTarget(""));
  EXPECT_FALSE(internal::ParseTarget("*"));
  EXPECT_FALSE(internal::ParseTarget("http://example.org/a"));
  EXPECT_FALSE(internal::ParseTarget("/a%zz"));
  EXPECT_FALSE(internal::ParseTarget("/a%00"));
  EXPECT_TRUE(internal::ParseTarget("/a?%zz"));  // the query is decoded per parameter
}

TEST(HeaderSafetyTest, RefusesResponseSplittingAndBadNames) {
  EXPECT_TRUE(internal::IsSafeHeader("X-Ok", "value; with=stuff"));
  EXPECT_FALSE(internal::IsSafeHeader("X-Bad", "a\r\nSet-Cookie: x"));
  EXPECT_FALSE(internal::IsSafeHeader("X-Bad", std::string_view("a\0b", 3)));
  EXPECT_FALSE(internal::IsSafeHeader("", "v"));
  EXPECT_FALSE(internal::IsSafeHeader("Bad Name", "v"));
  EXPECT_FALSE(internal::IsSafeHeader("Bad:Name", "v"));
  EXPECT_TRUE(internal::IsFramingHeader("Content-Length"));
  EXPECT_TRUE(internal::IsFramingHeader("transfer-encoding"));
  EXPECT_TRUE(internal::IsFramingHeader("CONNECTION"));
  EXPECT_FALSE(internal::IsFramingHeader("Content-Type"));
}

TEST(CallHandlerTest, ExceptionBecomesInternalProblem) {
  Request req;
  req.path = "/boom";
  Response r =
      internal::CallHandler([](Request&) -> Response { throw std::runtime_error("x"); }, req);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_NE(r.body.find("interne-fout"), std::string::npos);
  Response r2 = internal::CallHandler([](Request&) -> Response { throw 42; }, req);
  EXPECT_EQ(r2.status, 500);
}

}  // namespace
}  // namespace jh::http
