// VIR-16: small counts are suppressed in reports; the boundary is five.
#include <gtest/gtest.h>

#include "rules/vir_statistiek.h"

namespace jh::rules {
namespace {

TEST(Vir16, AllowsFiveAndMore) {
  EXPECT_TRUE(Vir16(5).allowed);
  EXPECT_TRUE(Vir16(1000).allowed);
  EXPECT_EQ(Vir16(5).rule, "VIR-16");
  EXPECT_EQ(Vir16Cel(5), std::optional<int64_t>(5));
  EXPECT_EQ(Vir16Cel(12), std::optional<int64_t>(12));
}

TEST(Vir16, RefusesUnderFiveZeroIncluded) {
  for (int64_t n : {0, 1, 2, 3, 4}) {
    EXPECT_FALSE(Vir16(n).allowed) << n;
    EXPECT_EQ(Vir16Cel(n), std::nullopt) << n;
  }
  EXPECT_EQ(Vir16(4).rule, "VIR-16");
  EXPECT_EQ(Vir16(4).ground, "Jw 7.1.2.3(1)(h)");
}

}  // namespace
}  // namespace jh::rules
