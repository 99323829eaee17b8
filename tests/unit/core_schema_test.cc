// Strict JSON decoding: unknown fields and wrong types are refused with the field named;
// a rule that forbids extra fields (VIR-04, JW-06) is named; BSN-01 is named; nothing
// sensitive is echoed; hostile nesting is refused before parsing.
#include <gtest/gtest.h>

#include "core/schema.h"

namespace jh::schema {
namespace {

NodePtr Example() {
  return Object({Req("naam", String("Naam", 10)), Opt("leeftijd", Integer("Leeftijd", 0, 150)),
                 Req("bsn", Formatted("BSN", BsnFormat())), Opt("soort", Enum("Soort", {"a", "b"})),
                 Opt("adres", Object({Req("postcode", Formatted("pc", PostcodeFormat()))})),
                 Opt("lijst", Array(String("x", 5), "lijst", 2)), Opt("vlag", Boolean("vlag"))});
}

std::vector<std::string> Names(const Error& e) {
  std::vector<std::string> out;
  for (const auto& p : e.invalid_params) out.push_back(p.name);
  return out;
}

TEST(Schema, AcceptsValidDocument) {
  auto r = Decode(*Example(), R"({"naam":"Kim","bsn":"999990019","leeftijd":12,"soort":"a",
      "adres":{"postcode":"1234AB"},"lijst":["x"],"vlag":false})");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["naam"], "Kim");
}

TEST(Schema, CollectsEveryProblemWithItsField) {
  auto r = Decode(*Example(), R"({"naam":5,"leeftijd":200,"soort":"c","adres":{"postcode":"1"},
      "lijst":["x","y","z"],"extra":true})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  auto names = Names(r.error());
  for (const char* n : {"naam", "leeftijd", "soort", "adres.postcode", "lijst", "extra", "bsn"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  }
  EXPECT_TRUE(r.error().rule.empty());
}

TEST(Schema, WrongTypesAreRefusedNotCoerced) {
  for (const char* body :
       {R"({"naam":"a","bsn":999990019})", R"({"naam":"a","bsn":"999990019","leeftijd":"12"})",
        R"({"naam":"a","bsn":"999990019","leeftijd":12.5})",
        R"({"naam":"a","bsn":"999990019","vlag":"true"})", R"({"naam":null,"bsn":"999990019"})",
        R"({"naam":"a","bsn":"999990019","leeftijd":18446744073709551615})"}) {
    auto r = Decode(*Example(), body);
    EXPECT_FALSE(r.ok()) << body;
  }
}

TEST(Schema, ForbiddenFieldNamesTheRule) {
  NodePtr strict =
      StrictObject({Req("bsn", Formatted("BSN", BsnFormat()))}, "VIR-04", "Jw 7.1.4.3(1)");
  auto r = Decode(*strict, R"({"bsn":"999990019","reden":"zorgen om thuissituatie"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().rule, "VIR-04");
  EXPECT_EQ(r.error().ground, "Jw 7.1.4.3(1)");
  EXPECT_EQ(Names(r.error()), std::vector<std::string>{"reden"});
  // The value of the forbidden field is not echoed.
  EXPECT_EQ(r.error().message.find("zorgen"), std::string::npos);
  EXPECT_TRUE(Decode(*strict, R"({"bsn":"999990019"})").ok());
}

TEST(Schema, LongUnknownFieldNamesAreCutOnACharacterBoundary) {
  std::string name;
  for (int i = 0; i < 70; ++i) name += "\xC3\xA9";  // "é", two bytes each
  auto r = Decode(*Example(), "{\"naam\":\"a\",\"bsn\":\"999990019\",\"" + name + "\":1}");
  ASSERT_FALSE(r.ok());
  const std::string& echoed = r.error().invalid_params.at(0).name;
  EXPECT_LE(echoed.size(), 64u);
  EXPECT_EQ(echoed.size() % 2, 0u);  // whole characters only
  EXPECT_NO_THROW((void)Json(echoed).dump());
  EXPECT_EQ(TruncateUtf8("abc", 2), "ab");
  EXPECT_EQ(TruncateUtf8("a\xC3\xA9", 2), "a");
}

// BSN-02: a BSN sent as a field name is masked in the name, the message and the rule's
// invalidParams alike, whether the field is merely unknown or forbidden by a rule.
TEST(Schema, UnknownFieldNamedByABsnIsNotEchoed) {
  NodePtr strict =
      StrictObject({Req("bsn", Formatted("BSN", BsnFormat()))}, "VIR-04", "Jw 7.1.4.3(1)");
  for (const NodePtr& schema : {Example(), strict}) {
    auto r = Decode(*schema, R"({"naam":"a","bsn":"999990019","999900043":1})");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.find("999900043"), std::string::npos) << r.error().message;
    for (const auto& p : r.error().invalid_params) {
      EXPECT_EQ(p.name.find("999900043"), std::string::npos) << p.name;
    }
  }
  auto nested = Decode(*Example(), R"({"naam":"a","bsn":"999990019",
      "adres":{"postcode":"1234AB","x999900043y":1}})");
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(Names(nested.error()), std::vector<std::string>{"adres.x...y"});
  EXPECT_EQ(EchoableName("huisnummer2"), "huisnummer2");
}

TEST(Schema, Bsn01IsNamedAndNotEchoed) {
  auto r = Decode(*Example(), R"({"naam":"a","bsn":"123456789"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().rule, "BSN-01");
  EXPECT_EQ(r.error().invalid_params.at(0).code, "elfproef");
  EXPECT_EQ(r.error().message.find("123456789"), std::string::npos);
  EXPECT_EQ(r.error().invalid_params.at(0).reason.find("123456789"), std::string::npos);
}

TEST(JsonBody, RefusesMalformedNonObjectAndDeepInput) {
  EXPECT_EQ(ParseJsonObject("{").error().invalid_params.at(0).code, "json");
  EXPECT_EQ(ParseJsonObject("").error().invalid_params.at(0).code, "json");
  EXPECT_EQ(ParseJsonObject("[]").error().invalid_params.at(0).code, "type");
  EXPECT_EQ(ParseJsonObject("\"x\"").error().invalid_params.at(0).code, "type");
  EXPECT_EQ(ParseJsonObject(std::string(100000, '[')).error().invalid_params.at(0).code, "diepte");
  EXPECT_TRUE(ParseJsonObject(R"({"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})").ok());
  EXPECT_EQ(JsonNestingDepth(R"({"a":[{"b":"}}}"}]})", 10), 3);
}

TEST(Schema, OpenApiRendering) {
  Json doc = ToOpenApi(*Example());
  EXPECT_EQ(doc["type"], "object");
  EXPECT_EQ(doc["additionalProperties"], false);
  EXPECT_EQ(doc["required"], Json::array({"naam", "bsn"}));
  EXPECT_EQ(doc["properties"]["soort"]["enum"], Json::array({"a", "b"}));
  EXPECT_EQ(doc["properties"]["leeftijd"]["maximum"], 150);
}

}  // namespace
}  // namespace jh::schema
