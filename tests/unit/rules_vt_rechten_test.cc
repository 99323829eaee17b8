// VT-09 and VT-10 beyond the age matrix (that is rules_avg_test.cc): what may be destroyed
// on request and when an inspection may be refused, allowing and refusing; VT-02 for the
// asked organisation; VIR-16 for who reads a municipality's report.
#include <gtest/gtest.h>

#include "rules/vir_statistiek.h"
#include "rules/vt.h"
#include "rules/vt_rechten.h"

namespace jh::rules {
namespace {

TEST(Vt09, NoRunningCaseAllowsDestruction) {
  Decision d = Vt09Vernietiging(0);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.rule, "VT-09");
}

TEST(Vt09, RunningCaseRefusesWithTheLegalRule) {
  Decision d = Vt09Vernietiging(2);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-09");
  EXPECT_EQ(d.ground, "Wmo 2015 5.3.5");
  EXPECT_NE(d.reason.find("2 zaken lopen"), std::string::npos) << d.reason;
  EXPECT_NE(d.reason.find("4.1.1"), std::string::npos) << d.reason;
  EXPECT_NE(Vt09Vernietiging(1).reason.find("1 zaak loopt"), std::string::npos);
}

TEST(Vt09, CaseAboutTheRequesterAloneIsDestroyed) { EXPECT_TRUE(Vt09ZaakVernietigen(0).allowed); }

TEST(Vt09, OthersInterestKeepsTheCase) {
  Decision d = Vt09ZaakVernietigen(2);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-09");
  EXPECT_NE(d.reason.find("2 andere personen"), std::string::npos) << d.reason;
  EXPECT_NE(Vt09ZaakVernietigen(1).reason.find("1 andere persoon;"), std::string::npos);
}

TEST(Vt09, RefusalStatesItsReason) {
  EXPECT_TRUE(Vt09Weigering("Het dossier is nodig voor de procedure bij de rechter.").allowed);
  EXPECT_FALSE(Vt09Weigering("").allowed);
  EXPECT_FALSE(Vt09Weigering("  \n").allowed);
  EXPECT_EQ(Vt09Weigering("").rule, "VT-09");
}

TEST(Vt10, ChildsInterestRefusesTheRepresentativeUnder16) {
  EXPECT_TRUE(Vt10Weigering(true, 11, "Het kind is bang voor de ouder.").allowed);
  EXPECT_TRUE(Vt10Weigering(true, 15, "Het kind is bang voor de ouder.").allowed);
  EXPECT_EQ(Vt10Weigering(true, 15, "x").rule, "VT-10");
}

TEST(Vt10, NoRefusalOfTheYouthOrFrom16) {
  EXPECT_FALSE(Vt10Weigering(false, 13, "Het belang van het kind.").allowed);
  EXPECT_FALSE(Vt10Weigering(false, 16, "Het belang van het kind.").allowed);
  Decision d = Vt10Weigering(true, 16, "Het belang van het kind.");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-10");
  EXPECT_EQ(d.ground, "Wmo 2015 5.3.2, 5.3.3");
}

TEST(Vt10, RefusalStatesItsReason) { EXPECT_FALSE(Vt10Weigering(true, 10, " ").allowed); }

TEST(Vt02, OnlyTheAskedOrganisationAnswers) {
  EXPECT_TRUE(Vt02Antwoord(true).allowed);
  Decision d = Vt02Antwoord(false);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VT-02");
}

TEST(Vir16, BeheerderReadsEveryMunicipality) {
  EXPECT_TRUE(Vir16Rapport(true, "GM0363", "GM0599").allowed);
}

TEST(Vir16, GemeentemedewerkerReadsOnlyHisOwn) {
  EXPECT_TRUE(Vir16Rapport(false, "GM0363", "GM0363").allowed);
  Decision d = Vir16Rapport(false, "GM0363", "GM0599");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VIR-16");
}

}  // namespace
}  // namespace jh::rules
