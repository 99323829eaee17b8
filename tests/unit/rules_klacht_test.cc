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

}  // namespace
}  // namespace jh::rules
