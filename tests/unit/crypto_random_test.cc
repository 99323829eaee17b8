#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include <set>
#include <string>

#include "crypto/vault.h"

namespace jh::crypto {
namespace {

class CryptoRandomTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Init().ok()); }
};

TEST_F(CryptoRandomTest, InitIsIdempotent) { EXPECT_TRUE(Init().ok()); }

TEST_F(CryptoRandomTest, TokensAre256BitLowercaseHexAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = RandomToken();
    ASSERT_EQ(t.size(), 64u);
    EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
}

TEST_F(CryptoRandomTest, TokenHashIsSha256) {
  const std::string h = TokenHash("abc");
  ASSERT_EQ(h.size(), 32u);
  // FIPS 180-2 test vector for "abc".
  static const unsigned char kAbc[32] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea,
                                         0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
                                         0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
                                         0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
  EXPECT_EQ(h, std::string(reinterpret_cast<const char*>(kAbc), 32));
  EXPECT_EQ(TokenHash("abc"), h);
  EXPECT_NE(TokenHash("abd"), h);
}

TEST_F(CryptoRandomTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("same", "same"));
  EXPECT_FALSE(ConstantTimeEquals("same", "sane"));
  EXPECT_FALSE(ConstantTimeEquals("short", "shorter"));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
  EXPECT_TRUE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST_F(CryptoRandomTest, UuidsAreVersion7) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string u = NewUuid();
    ASSERT_EQ(u.size(), 36u) << u;
    for (size_t j = 0; j < u.size(); ++j) {
      if (j == 8 || j == 13 || j == 18 || j == 23) {
        EXPECT_EQ(u[j], '-') << u;
      } else {
        EXPECT_NE(std::string("0123456789abcdef").find(u[j]), std::string::npos) << u;
      }
    }
    EXPECT_EQ(u[14], '7') << u;  // version 7: time-ordered
    EXPECT_NE(std::string("89ab").find(u[19]), std::string::npos) << u;
    seen.insert(u);
  }
  EXPECT_EQ(seen.size(), 200u);
  // Made later, sorts later (the first 48 bits are milliseconds).
  const std::string first = NewUuid();
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  EXPECT_LT(first, NewUuid());
}

}  // namespace
}  // namespace jh::crypto
