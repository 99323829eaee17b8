// BSN-01: nine digits after left-padding, elfproef, 000000000 refused.
#include <gtest/gtest.h>

#include "core/bsn.h"

namespace jh {
namespace {

TEST(Bsn01, AcceptsValidVectors) {
  for (const char* valid : {"111222333", "123456782", "999990019"}) {
    auto r = Bsn::Parse(valid);
    ASSERT_TRUE(r.ok()) << valid;
    EXPECT_EQ(r->digits(), valid);
  }
}

TEST(Bsn01, LeftPadsShortInput) {
  // 8 digits: "12345672" → "012345672"; 9·0+8·1+7·2+6·3+5·4+4·5+3·6+2·7−2 = 110 = 10·11.
  auto r = Bsn::Parse("12345672");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->digits(), "012345672");
}

TEST(Bsn01, RefusesInvalidVectorsWithRuleAndWithoutEchoingInput) {
  struct Case {
    const char* input;
    const char* code;
  };
  for (const Case& c :
       {Case{"123456789", "elfproef"}, Case{"000000000", "nul"}, Case{"0", "nul"},
        Case{"12345678a", "cijfers"}, Case{"abcdefghi", "cijfers"}, Case{"1234567890", "lengte"},
        Case{"", "verplicht"}, Case{" 11122233", "cijfers"}, Case{"-11222333", "cijfers"}}) {
    auto r = Bsn::Parse(c.input);
    ASSERT_FALSE(r.ok()) << c.input;
    const Error& e = r.error();
    EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(e.rule, "BSN-01");
    ASSERT_EQ(e.invalid_params.size(), 1u);
    EXPECT_EQ(e.invalid_params[0].name, "bsn");
    EXPECT_EQ(e.invalid_params[0].code, c.code) << c.input;
    if (std::string(c.input).size() >= 4) {
      EXPECT_EQ(e.message.find(c.input), std::string::npos);
      EXPECT_EQ(e.invalid_params[0].reason.find(c.input), std::string::npos);
    }
  }
}

TEST(Bsn01, ElfproefPredicate) {
  EXPECT_TRUE(PassesElfproef("111222333"));
  EXPECT_FALSE(PassesElfproef("111222334"));
  EXPECT_FALSE(PassesElfproef("11122233"));
  EXPECT_FALSE(PassesElfproef("11122233x"));
}

TEST(Bsn01, FieldNameIsCarried) {
  auto r = Bsn::Parse("123456789", "betrokkenen[0].bsn");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().invalid_params[0].name, "betrokkenen[0].bsn");
}

}  // namespace
}  // namespace jh
