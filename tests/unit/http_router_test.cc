#include <gtest/gtest.h>

#include "http/router.h"

namespace jh::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) {
    Response r;
    r.body = name;
    return r;
  };
}

std::string Call(const Router::Match& m) {
  Request req;
  return m.handler ? (*m.handler)(req).body : "<none>";
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/health", Named("health"));
    router_.Add("GET", "/api/v1/organisaties/{id}", Named("get-org"));
    router_.Add("PATCH", "/api/v1/organisaties/{id}", Named("patch-org"));
    router_.Add("GET", "/api/v1/organisaties/zoeken", Named("search"));
    router_.Add("POST", "/api/v1/organisaties/{id}/convenanten", Named("convenant"));
    router_.Add("POST", "/api/v1/a/{x}/b/{y}", Named("two"));
  }
  Router router_;
};

TEST_F(RouterTest, FindsLiteralRoute) {
  Router::Match m = router_.Find("GET", "/health");
  EXPECT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(m.route, "/health");
  EXPECT_TRUE(m.params.empty());
  EXPECT_EQ(Call(m), "health");
}

TEST_F(RouterTest, ExtractsParameters) {
  Router::Match m = router_.Find("POST", "/api/v1/a/1/b/two words");
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(m.route, "/api/v1/a/{x}/b/{y}");
  EXPECT_EQ(m.params.at("x"), "1");
  EXPECT_EQ(m.params.at("y"), "two words");
  EXPECT_EQ(Call(m), "two");
}

TEST_F(RouterTest, LiteralBeatsParameterWhateverTheOrderOfAdding) {
  Router::Match m = router_.Find("GET", "/api/v1/organisaties/zoeken");
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(m.route, "/api/v1/organisaties/zoeken");
  EXPECT_EQ(Call(m), "search");

  m = router_.Find("GET", "/api/v1/organisaties/42");
  ASSERT_EQ(m.kind, Router::MatchKind::kFound);
  EXPECT_EQ(m.params.at("id"), "42");
  EXPECT_EQ(Call(m), "get-org");
}

TEST_F(RouterTest, MethodPicksTheRouteForTheSamePath) {
  EXPECT_EQ(Call(router_.Find("PATCH", "/api/v1/organisaties/7")), "patch-org");
}

TEST_F(RouterTest, UnknownPathIsNotFound) {
  Router::Match m = router_.Find("GET", "/api/v1/onbekend");
  EXPECT_EQ(m.kind, Router::MatchKind::kNotFound);
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_TRUE(m.route.empty());
}

TEST_F(RouterTest, WrongMethodIsMethodNotAllowedWithTheAllowedMethods) {
  Router::Match m = router_.Find("DELETE", "/api/v1/organisaties/7");
  EXPECT_EQ(m.kind, Router::MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.handler, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "PATCH"}));
}

TEST_F(RouterTest, MethodIsCaseSensitive) {
  EXPECT_EQ(router_.Find("get", "/health").kind, Router::MatchKind::kMethodNotAllowed);
}

TEST_F(RouterTest, TrailingSlashDoesNotMatch) {
  EXPECT_EQ(router_.Find("GET", "/health/").kind, Router::MatchKind::kNotFound);
  EXPECT_EQ(router_.Find("GET", "/api/v1/organisaties/7/").kind, Router::MatchKind::kNotFound);
}

TEST_F(RouterTest, EmptyAndDoubledSegmentsDoNotMatchParameters) {
  EXPECT_EQ(router_.Find("GET", "/api/v1/organisaties/").kind, Router::MatchKind::kNotFound);
  EXPECT_EQ(router_.Find("POST", "/api/v1/organisaties//convenanten").kind,
            Router::MatchKind::kNotFound);
  EXPECT_EQ(router_.Find("GET", "//health").kind, Router::MatchKind::kNotFound);
}

TEST_F(RouterTest, DecodedSlashNeverLandsInsideAParameter) {
  // The server decodes "%2F" before routing, so an encoded slash becomes a separator and
  // the path no longer fits "/organisaties/{id}": no smuggling of '/' into an id.
  std::optional<std::string> path = PercentDecode("/api/v1/organisaties/a%2Fb");
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(router_.Find("GET", *path).kind, Router::MatchKind::kNotFound);
}

TEST_F(RouterTest, PathsWithoutLeadingSlashOrEmptyAreNotFound) {
  EXPECT_EQ(router_.Find("GET", "health").kind, Router::MatchKind::kNotFound);
  EXPECT_EQ(router_.Find("GET", "").kind, Router::MatchKind::kNotFound);
  EXPECT_EQ(router_.Find("GET", "/").kind, Router::MatchKind::kNotFound);
}

TEST(RouterRootTest, RootRouteMatchesOnlySlash) {
  Router router;
  router.Add("GET", "/", Named("root"));
  EXPECT_EQ(Call(router.Find("GET", "/")), "root");
  EXPECT_EQ(router.Find("GET", "//").kind, Router::MatchKind::kNotFound);
}

TEST(RouterEntriesTest, ListsRoutesInOrderOfAdding) {
  Router router;
  router.Add("GET", "/a", Named("a"));
  router.Add("POST", "/b/{id}", Named("b"));
  ASSERT_EQ(router.entries().size(), 2u);
  EXPECT_EQ(router.entries()[1].method, "POST");
  EXPECT_EQ(router.entries()[1].path_template, "/b/{id}");
}

TEST(RouterDeathTest, DuplicateRouteIsADefect) {
  Router router;
  router.Add("GET", "/a/{id}", Named("a"));
  EXPECT_DEATH(router.Add("GET", "/a/{id}", Named("again")), "duplicate route");
}

TEST(RouterDeathTest, MalformedTemplateIsADefect) {
  Router router;
  EXPECT_DEATH(router.Add("GET", "no-slash", Named("x")), "router defect");
  EXPECT_DEATH(router.Add("GET", "/a/{}", Named("x")), "router defect");
  EXPECT_DEATH(router.Add("GET", "/a/x{id}", Named("x")), "router defect");
}

TEST(PercentDecodeTest, DecodesEscapesInAnyCase) {
  EXPECT_EQ(PercentDecode("a%20b%2fc%2Fd"), "a b/c/d");
  EXPECT_EQ(PercentDecode("%C3%A9"), "\xC3\xA9");
  EXPECT_EQ(PercentDecode(""), "");
  EXPECT_EQ(PercentDecode("plus+stays"), "plus+stays");  // '+' is only a space in forms
}

TEST(PercentDecodeTest, RefusesMalformedEscapesAndNul) {
  EXPECT_EQ(PercentDecode("%"), std::nullopt);
  EXPECT_EQ(PercentDecode("abc%2"), std::nullopt);
  EXPECT_EQ(PercentDecode("%zz"), std::nullopt);
  EXPECT_EQ(PercentDecode("%2g"), std::nullopt);
  EXPECT_EQ(PercentDecode("a%00b"), std::nullopt);
  EXPECT_EQ(PercentDecode(std::string_view("a\0b", 3)), std::nullopt);
}

}  // namespace
}  // namespace jh::http
