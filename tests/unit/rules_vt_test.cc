// The Veilig Thuis rules as pure functions: each allowing and refusing, at its boundaries
// (five days, ten weeks, four weeks plus at most two, twenty years).
#include <gtest/gtest.h>

#include "rules/vt.h"
#include "support/date_literal.h"

namespace jh::rules {
namespace {

using jh::testing::D;

// VT-01: the people of an advice request only with their consent.
TEST(Vt01, AllowsAnAdviceWithoutPeopleOrWithConsent) {
  EXPECT_TRUE(Vt01Advies(false, std::nullopt).allowed);
  EXPECT_TRUE(Vt01Advies(true, true).allowed);
  EXPECT_EQ(Vt01Advies(true, true).rule, "VT-01");
}
TEST(Vt01, RefusesPeopleWithoutConsent) {
  Decision d = Vt01Advies(true, std::nullopt);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-01");
  EXPECT_EQ(d.ground, "Wmo 2015 5.1.6(2),(3)");
  EXPECT_FALSE(Vt01Advies(true, false).allowed);
}

// VT-02: gathering only within an investigation after a melding.
TEST(Vt02, AllowsGatheringInAnInvestigationOfAMelding) {
  EXPECT_TRUE(Vt02Informatie("melding", true).allowed);
}
TEST(Vt02, RefusesGatheringOnAnAdviceOrWithoutInvestigation) {
  Decision d = Vt02Informatie("advies", true);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-02");
  EXPECT_FALSE(Vt02Informatie("advies", false).allowed);
  EXPECT_FALSE(Vt02Informatie("melding", false).allowed);
}

// VT-03: a melding states which of the two grounds it has.
TEST(Vt03, AllowsEitherGround) {
  EXPECT_TRUE(Vt03Grond(std::string("redelijk-vermoeden")).allowed);
  EXPECT_TRUE(Vt03Grond(std::string("beeindigen-geweld")).allowed);
}
TEST(Vt03, RefusesAMeldingWithoutGround) {
  Decision d = Vt03Grond(std::nullopt);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-03");
  EXPECT_FALSE(Vt03Grond(std::string("zorgen")).allowed);
}

// VT-04: the reporter's identity.
TEST(Vt04, DisclosesAProfessionalWithoutThreatsAndAConsentingPrivateReporter) {
  Vt04Besluit b = Vt04MelderIdentiteit({true, false, false, false, false});
  EXPECT_TRUE(b.decision.allowed);
  EXPECT_TRUE(b.gronden.empty());
  EXPECT_EQ(b.decision.rule, "VT-04");
  EXPECT_TRUE(Vt04MelderIdentiteit({false, true, false, false, false}).decision.allowed);
}
TEST(Vt04, WithholdsOnEachThreatAndAPrivateReporterWithoutConsent) {
  Vt04Besluit b = Vt04MelderIdentiteit({true, false, true, false, false});
  EXPECT_FALSE(b.decision.allowed);
  EXPECT_EQ(b.gronden, std::vector<std::string>{"bedreiging-slachtoffer"});
  EXPECT_FALSE(Vt04MelderIdentiteit({true, false, false, true, false}).decision.allowed);
  b = Vt04MelderIdentiteit({true, false, false, false, true});
  EXPECT_EQ(b.gronden, std::vector<std::string>{"verstoring-vertrouwensrelatie"});
  b = Vt04MelderIdentiteit({false, false, false, false, false});
  EXPECT_FALSE(b.decision.allowed);
  EXPECT_EQ(b.gronden, std::vector<std::string>{"geen-toestemming-melder"});
}
TEST(Vt04, FullViewOnlyForStaffOfTheCaseStepsForItsReporter) {
  EXPECT_EQ(Vt04Zicht({true, true, false}), ZaakZicht::kVolledig);
  EXPECT_TRUE(Vt04ZichtBesluit({true, true, false}).allowed);
  EXPECT_EQ(Vt04Zicht({false, false, true}), ZaakZicht::kAlleenStappen);
  EXPECT_TRUE(Vt04ZichtBesluit({false, false, true}).allowed);
}
TEST(Vt04, NoViewForAnotherVeiligThuisOrAnyoneElse) {
  EXPECT_EQ(Vt04Zicht({true, false, false}), ZaakZicht::kGeen);  // another region's staff
  EXPECT_EQ(Vt04Zicht({false, true, false}), ZaakZicht::kGeen);  // not staff
  Decision d = Vt04ZichtBesluit({false, false, false});
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-04");
}

// VT-05: four weeks to inform; extensions of at most two weeks, with a reason, in time.
TEST(Vt05, InformsWithinFourWeeks) {
  EXPECT_EQ(Vt05InformerenUiterlijk(D("2026-06-01")), D("2026-06-29"));
}
TEST(Vt05, AllowsAnExtensionOfAtMostTwoWeeksWithAReasonInTime) {
  const Date uiterlijk = D("2026-06-29");
  EXPECT_TRUE(Vt05Verlenging(uiterlijk, D("2026-06-29"), 14, "moeder onbereikbaar").allowed);
  EXPECT_TRUE(Vt05Verlenging(uiterlijk, D("2026-06-10"), 1, "x").allowed);
}
TEST(Vt05, RefusesMoreThanTwoWeeksNoReasonOrTooLate) {
  const Date uiterlijk = D("2026-06-29");
  Decision d = Vt05Verlenging(uiterlijk, D("2026-06-10"), 15, "reden");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-05");
  EXPECT_FALSE(Vt05Verlenging(uiterlijk, D("2026-06-10"), 0, "reden").allowed);
  EXPECT_FALSE(Vt05Verlenging(uiterlijk, D("2026-06-10"), 7, "  ").allowed);
  EXPECT_FALSE(Vt05Verlenging(uiterlijk, D("2026-06-30"), 7, "reden").allowed);
}

// VT-06: start within five days of the decision, decide within ten weeks.
TEST(Vt06, TheDecisionFollowsTheMelding) {
  const Date melding = *Date::Parse("2026-12-05");
  EXPECT_TRUE(Vt06Besluit(melding, melding).allowed);
  EXPECT_TRUE(Vt06Besluit(melding, *Date::Parse("2026-12-06")).allowed);
  const Decision ervoor = Vt06Besluit(melding, *Date::Parse("2026-12-01"));
  EXPECT_FALSE(ervoor.allowed);
  EXPECT_EQ(ervoor.rule, "VT-06");
}

TEST(Vt06, TermsFromTheDecision) {
  Vt06Termijnen t = Vt06(D("2026-06-01"));
  EXPECT_EQ(t.start_uiterlijk, D("2026-06-06"));
  EXPECT_EQ(t.beslissen_uiterlijk, D("2026-08-10"));
}
TEST(Vt06, AllowsAStartOnDayFiveAndADecisionInWeekTen) {
  EXPECT_TRUE(Vt06Start(D("2026-06-01"), D("2026-06-01")).allowed);
  Decision d = Vt06Start(D("2026-06-01"), D("2026-06-06"));  // day 5
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "VT-06");
  EXPECT_TRUE(Vt06BeslissingTijdig(D("2026-06-01"), D("2026-08-10")));  // 70 days
}
TEST(Vt06, RefusesAStartOnDaySixOrBeforeTheDecisionAndLateDecisions) {
  Decision d = Vt06Start(D("2026-06-01"), D("2026-06-07"));  // day 6
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-06");
  EXPECT_EQ(d.ground, "Uitv.Wmo 4.1.7");
  EXPECT_FALSE(Vt06Start(D("2026-06-01"), D("2026-05-31")).allowed);
  EXPECT_FALSE(Vt06BeslissingTijdig(D("2026-06-01"), D("2026-08-11")));  // 71 days
}

// VT-07: handover of a melding to the local team or the Raad; the Raad informs the college.
TEST(Vt07, AllowsTheLocalTeamsAndTheRaad) {
  for (const char* soort : {"wijkteam", "jeugdteam", "cjg", "raad-voor-de-kinderbescherming"}) {
    EXPECT_TRUE(Vt07Overdracht("melding", soort).allowed) << soort;
  }
  EXPECT_TRUE(Vt07GemeenteInformeren("raad-voor-de-kinderbescherming"));
  EXPECT_FALSE(Vt07GemeenteInformeren("wijkteam"));
}
TEST(Vt07, RefusesOtherReceiversAndAdvice) {
  Decision d = Vt07Overdracht("melding", "school");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-07");
  EXPECT_FALSE(Vt07Overdracht("melding", "huisartsenpraktijk").allowed);
  EXPECT_FALSE(Vt07Overdracht("advies", "wijkteam").allowed);
}
// VT-07: the Raad is asked only when the college to inform is known; the local team needs
// no municipality.
TEST(Vt07, TheRaadNeedsTheMunicipalityToInform) {
  EXPECT_TRUE(Vt07GemeenteBekend("raad-voor-de-kinderbescherming", "GM0363").allowed);
  EXPECT_TRUE(Vt07GemeenteBekend("wijkteam", "").allowed);
  Decision d = Vt07GemeenteBekend("raad-voor-de-kinderbescherming", "");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-07");
  EXPECT_EQ(d.ground, "Wmo 2015 4.1.1(2)");
}

// VT-08: twenty years from the last change.
TEST(Vt08, KeepsTwentyYears) {
  EXPECT_EQ(Vt08BewarenTot(D("2026-06-01")), D("2046-06-01"));
  EXPECT_FALSE(Vt08Vernietigen(D("2026-06-01"), D("2046-05-31")));
}
TEST(Vt08, DestroysAfterTwentyYears) {
  EXPECT_TRUE(Vt08Vernietigen(D("2026-06-01"), D("2046-06-01")));
  EXPECT_TRUE(Vt08Vernietigen(D("2024-02-29"), D("2044-02-29")));
}

}  // namespace
}  // namespace jh::rules
