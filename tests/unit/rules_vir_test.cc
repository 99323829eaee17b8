// The Verwijsindex rules as pure functions: each allowing and refusing, at its boundaries.
#include <gtest/gtest.h>

#include "rules/vir.h"
#include "support/date_literal.h"

namespace jh::rules {
namespace {

using jh::testing::D;

// VIR-01: under 23 on the date of registration.
TEST(Vir01, AllowsUnder23RefusesFrom23AndBeforeBirth) {
  const Date geboren = D("2004-06-15");
  Decision d = Vir01(geboren, D("2027-06-14"));  // 22, the day before his 23rd birthday
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "VIR-01");
  d = Vir01(geboren, D("2027-06-15"));  // 23
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VIR-01");
  EXPECT_EQ(d.ground, "Jw 7.1.1.1");
  EXPECT_FALSE(Vir01(geboren, D("2004-06-14")).allowed);  // not yet born
  EXPECT_TRUE(Vir01(geboren, D("2004-06-15")).allowed);   // born today
  // 29 February: still 22 on 28 February of a common year, 23 on 1 March.
  EXPECT_TRUE(Vir01(D("2004-02-29"), D("2027-02-28")).allowed);
  EXPECT_FALSE(Vir01(D("2004-02-29"), D("2027-03-01")).allowed);
}

MelderFeiten Huisarts() {
  return MelderFeiten{true,
                      "huisartsenpraktijk",
                      "GM0363",
                      {ConvenantFeit{"GM0599", D("2025-01-01"), D("2026-12-31")}}};
}

// VIR-02: a designated professional of an eligible organisation with a valid convenant.
TEST(Vir02, AllowsADesignatedProfessionalWithAValidConvenant) {
  Decision d = Vir02(Huisarts(), "GM0599", D("2026-06-01"));  // youth's municipality
  EXPECT_TRUE(d.allowed) << d.reason;
  EXPECT_EQ(d.rule, "VIR-02");
  MelderFeiten eigen = Huisarts();
  eigen.convenanten = {ConvenantFeit{"GM0363", D("2025-01-01"), std::nullopt}};
  EXPECT_TRUE(Vir02(eigen, "GM0599", D("2026-06-01")).allowed);  // own municipality
}

TEST(Vir02, RefusesWithoutDesignationCategoryOrValidConvenant) {
  MelderFeiten niet_aangewezen = Huisarts();
  niet_aangewezen.meldingsbevoegd = false;
  EXPECT_FALSE(Vir02(niet_aangewezen, "GM0599", D("2026-06-01")).allowed);

  MelderFeiten akj = Huisarts();
  akj.organisatie_soort = "akj";
  EXPECT_FALSE(Vir02(akj, "GM0599", D("2026-06-01")).allowed);
  EXPECT_FALSE(Vir02Categorie("autoriteit-persoonsgegevens"));
  EXPECT_FALSE(Vir02Categorie("gemeente"));
  EXPECT_TRUE(Vir02Categorie("school"));

  Decision verlopen = Vir02(Huisarts(), "GM0599", D("2027-01-01"));  // after geldigTot
  EXPECT_FALSE(verlopen.allowed);
  EXPECT_EQ(verlopen.rule, "VIR-02");
  EXPECT_FALSE(Vir02(Huisarts(), "GM0599", D("2024-12-31")).allowed);  // before geldigVanaf
  EXPECT_TRUE(Vir02(Huisarts(), "GM0599", D("2026-12-31")).allowed);   // last valid day
  EXPECT_FALSE(Vir02(Huisarts(), "GM0014", D("2026-06-01")).allowed);  // other municipality
}

// VIR-02: any convenant valid that day (with whichever municipality) lets the service look
// the youth up; none at all refuses first.
TEST(Vir02, AnyValidConvenantBeforeTheYouthIsKnown) {
  EXPECT_TRUE(Vir02EnigConvenant(Huisarts(), D("2026-06-01")));   // with GM0599 only
  EXPECT_FALSE(Vir02EnigConvenant(Huisarts(), D("2027-01-01")));  // expired
  MelderFeiten geen = Huisarts();
  geen.convenanten.clear();
  EXPECT_FALSE(Vir02EnigConvenant(geen, D("2026-06-01")));
  EXPECT_FALSE(Vir02(geen, "", D("2026-06-01")).allowed);  // what the service then enforces
}

// VIR-03: the reasonable-suspicion statement is required.
TEST(Vir03, RequiresTheStatementToBeTrue) {
  EXPECT_TRUE(Vir03(true).allowed);
  Decision d = Vir03(std::nullopt);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VIR-03");
  EXPECT_FALSE(Vir03(false).allowed);
}

// VIR-11: removal after two years (archived), at 23 and at death (not archived).
TEST(Vir11, RemovalDateIsTwoYearsOrThe23rdBirthdayWhicheverComesFirst) {
  EXPECT_EQ(Vir11VerwijderenUiterlijk(D("2026-03-01"), D("2010-01-01")), D("2028-03-01"));
  EXPECT_EQ(Vir11VerwijderenUiterlijk(D("2026-03-01"), D("2004-09-01")), D("2027-09-01"));
  EXPECT_EQ(Vir11VerwijderenUiterlijk(D("2024-02-29"), D("2010-01-01")), D("2026-02-28"));
}

TEST(Vir11, AutomaticRemovalKeepsOrRemovesWithTheRightArchiving) {
  const Date gemeld = D("2026-03-01");
  const Date jong = D("2010-01-01");
  EXPECT_EQ(Vir11(gemeld, jong, std::nullopt, D("2028-02-29")), Verwijdering::kGeen);
  EXPECT_EQ(Vir11(gemeld, jong, std::nullopt, D("2028-03-01")), Verwijdering::kNaTweeJaar);
  EXPECT_EQ(Vir11(gemeld, D("2004-09-01"), std::nullopt, D("2027-09-01")),
            Verwijdering::kDrieentwintig);
  EXPECT_EQ(Vir11(gemeld, jong, D("2026-05-05"), D("2026-05-05")), Verwijdering::kOverleden);
  EXPECT_EQ(Vir11(gemeld, jong, D("2026-05-06"), D("2026-05-05")), Verwijdering::kGeen);
}

// VIR-12: the archive is kept five years, destroyed earlier at 23 or death.
TEST(Vir12, ArchiveKeptFiveYearsDestroyedEarlierAt23OrDeath) {
  const Date gearchiveerd = D("2026-01-10");
  const Date jong = D("2015-01-01");
  EXPECT_FALSE(Vir12Vernietigen(gearchiveerd, jong, std::nullopt, D("2031-01-09")));
  EXPECT_TRUE(Vir12Vernietigen(gearchiveerd, jong, std::nullopt, D("2031-01-10")));
  EXPECT_TRUE(Vir12Vernietigen(gearchiveerd, D("2006-03-03"), std::nullopt, D("2029-03-03")));
  EXPECT_FALSE(Vir12Vernietigen(gearchiveerd, D("2006-03-03"), std::nullopt, D("2029-03-02")));
  EXPECT_TRUE(Vir12Vernietigen(gearchiveerd, jong, D("2027-07-07"), D("2027-07-07")));
}

// VIR-15: under 12 the representative, 12–15 together, 16 and older the youth.
TEST(Vir15, RepresentationByAge) {
  const Date geboren = D("2014-05-20");
  EXPECT_EQ(Vir15(geboren, D("2026-05-19")), Vertegenwoordiging::kWettelijkVertegenwoordiger);
  EXPECT_EQ(Vir15(geboren, D("2026-05-20")), Vertegenwoordiging::kSamen);
  EXPECT_EQ(Vir15(geboren, D("2030-05-19")), Vertegenwoordiging::kSamen);
  EXPECT_EQ(Vir15(geboren, D("2030-05-20")), Vertegenwoordiging::kJeugdige);
}

}  // namespace
}  // namespace jh::rules
