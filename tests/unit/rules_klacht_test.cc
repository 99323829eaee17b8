// JW-10 and VT-11: the complaint routes escalate exactly once.
#include <gtest/gtest.h>

#include "rules/jw.h"
#include "rules/vt_klacht.h"

namespace jh::rules {
namespace {

TEST(Vt11, AllowsVeiligThuisToApRefusesBeyondTheAp) {
  EXPECT_TRUE(Vt11Escalatie(VtKlachtFase::kVeiligThuis).allowed);
  auto d = Vt11Escalatie(VtKlachtFase::kAutoriteitPersoonsgegevens);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-11");
  EXPECT_EQ(Vt11AntwoordUiterlijk(*Date::Parse("2026-01-31")).ToString(), "2026-02-28");
}

TEST(Jw10, AllowsCareWorkerToAkjRefusesBeyondTheAkj) {
  EXPECT_TRUE(Jw10Escalatie(KlachtFase::kMedewerker).allowed);
  EXPECT_FALSE(Jw10Escalatie(KlachtFase::kAkj).allowed);
  EXPECT_EQ(Jw10Escalatie(KlachtFase::kAkj).rule, "JW-10");
}

TEST(Vt11, CommitteeOfThreeWithAnIndependentChair) {
  EXPECT_TRUE(Vt11Commissie(3, true).allowed);
  EXPECT_TRUE(Vt11Commissie(5, true).allowed);
  EXPECT_EQ(Vt11Commissie(3, true).rule, "VT-11");
}

TEST(Vt11, SmallerCommitteeOrDependentChairRefused) {
  Decision twee = Vt11Commissie(2, true);
  EXPECT_FALSE(twee.allowed);
  EXPECT_EQ(twee.rule, "VT-11");
  EXPECT_NE(twee.reason.find("drie"), std::string::npos);
  Decision afhankelijk = Vt11Commissie(3, false);
  EXPECT_FALSE(afhankelijk.allowed);
  EXPECT_NE(afhankelijk.reason.find("onafhankelijk"), std::string::npos);
}

}  // namespace
}  // namespace jh::rules
