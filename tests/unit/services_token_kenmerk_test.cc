// A token's kenmerk (services/medewerker_tokens.h): the first 8 bytes of the hash the store
// keeps, in hex, so that the list and a revocation can name a token the store cannot show.
#include <gtest/gtest.h>

#include <string>

#include "crypto/vault.h"
#include "services/medewerker_tokens.h"

namespace jh::services {
namespace {

std::string HexOf(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0f]);
  }
  return out;
}

TEST(TokenKenmerk, IsTheStartOfTheStoredHash) {
  const std::string token = crypto::RandomToken();
  const std::string kenmerk = TokenKenmerk(token);
  EXPECT_EQ(kenmerk, HexOf(crypto::TokenHash(token)).substr(0, 16));
  EXPECT_TRUE(IsTokenKenmerk(kenmerk));
  EXPECT_EQ(kenmerk.find(token.substr(0, 8)), std::string::npos);  // not the token's own text
  EXPECT_NE(TokenKenmerk(crypto::RandomToken()), kenmerk);
}

TEST(TokenKenmerk, FormIsSixteenLowercaseHexDigits) {
  EXPECT_TRUE(IsTokenKenmerk("0123456789abcdef"));
  EXPECT_FALSE(IsTokenKenmerk("0123456789ABCDEF"));   // upper case
  EXPECT_FALSE(IsTokenKenmerk("0123456789abcde"));    // too short
  EXPECT_FALSE(IsTokenKenmerk("0123456789abcdef0"));  // too long
  EXPECT_FALSE(IsTokenKenmerk("0123456789abcdeg"));
  EXPECT_FALSE(IsTokenKenmerk(""));
}

}  // namespace
}  // namespace jh::services
