// AVG-01 and AVG-02 with the age matrix of RULES.md: every cell, allowing and refusing, at
// the 12th and 16th birthdays; the one-month term and its single two-month extension.
#include <gtest/gtest.h>

#include "rules/avg.h"
#include "rules/reden.h"

namespace jh::rules {
namespace {

const Date kOp = *Date::Parse("2026-06-01");
const Date kElf = *Date::Parse("2014-06-02");       // 11, turns 12 tomorrow
const Date kTwaalf = *Date::Parse("2014-06-01");    // 12 today
const Date kVijftien = *Date::Parse("2010-06-02");  // 15, turns 16 tomorrow
const Date kZestien = *Date::Parse("2010-06-01");   // 16 today

using C = VerzoekContext;
using S = VerzoekSoort;
using V = Verzoeker;

Verzoekbevoegdheid Ask(C c, S s, V v, const Date& geboren) { return Avg02(c, s, v, geboren, kOp); }

void ExpectCell(C c, S s, const Date& geboren, bool betrokkene, bool vertegenwoordiger,
                std::string_view regel) {
  auto b = Ask(c, s, V::kBetrokkene, geboren);
  auto v = Ask(c, s, V::kVertegenwoordiger, geboren);
  EXPECT_EQ(b.decision.allowed, betrokkene) << geboren.ToString();
  EXPECT_EQ(v.decision.allowed, vertegenwoordiger) << geboren.ToString();
  EXPECT_EQ(b.decision.rule, regel);
  EXPECT_EQ(v.decision.rule, regel);
}

TEST(Avg02, VerwijsindexRepresentativeUnder12JointlyFrom12YouthFrom16) {
  for (S s : {S::kInzage, S::kCorrectie, S::kVerwijdering}) {
    ExpectCell(C::kVerwijsindex, s, kElf, false, true, "VIR-15");
    ExpectCell(C::kVerwijsindex, s, kTwaalf, true, true, "VIR-15");
    ExpectCell(C::kVerwijsindex, s, kVijftien, true, true, "VIR-15");
    ExpectCell(C::kVerwijsindex, s, kZestien, true, false, "VIR-15");
  }
  EXPECT_TRUE(Ask(C::kVerwijsindex, S::kInzage, V::kBetrokkene, kTwaalf).medeondertekening);
  EXPECT_TRUE(
      Ask(C::kVerwijsindex, S::kInzage, V::kVertegenwoordiger, kVijftien).medeondertekening);
  EXPECT_FALSE(Ask(C::kVerwijsindex, S::kInzage, V::kBetrokkene, kZestien).medeondertekening);
  EXPECT_FALSE(Ask(C::kVerwijsindex, S::kInzage, V::kVertegenwoordiger, kElf).medeondertekening);
}

TEST(Avg02, JeugdhulpParentsUnder12YouthFrom12) {
  for (S s : {S::kInzage, S::kCorrectie, S::kVerwijdering}) {
    ExpectCell(C::kJeugdhulp, s, kElf, false, true, "JW-09");
    ExpectCell(C::kJeugdhulp, s, kTwaalf, true, false, "JW-09");
    ExpectCell(C::kJeugdhulp, s, kZestien, true, false, "JW-09");
  }
  EXPECT_FALSE(Ask(C::kJeugdhulp, S::kInzage, V::kBetrokkene, kTwaalf).medeondertekening);
}

TEST(Avg02, VeiligThuisInspectionRepresentativeAndYouth12To15YouthFrom16) {
  for (S s : {S::kInzage, S::kCorrectie}) {
    ExpectCell(C::kVeiligThuis, s, kElf, false, true, "VT-10");
    ExpectCell(C::kVeiligThuis, s, kTwaalf, true, true, "VT-10");
    ExpectCell(C::kVeiligThuis, s, kVijftien, true, true, "VT-10");
    ExpectCell(C::kVeiligThuis, s, kZestien, true, false, "VT-10");
  }
  // Each alone: no co-signing at Veilig Thuis.
  EXPECT_FALSE(Ask(C::kVeiligThuis, S::kInzage, V::kBetrokkene, kTwaalf).medeondertekening);
}

TEST(Avg02, VeiligThuisDestructionRepresentativeUnder12YouthFrom12) {
  ExpectCell(C::kVeiligThuis, S::kVerwijdering, kElf, false, true, "VT-09");
  ExpectCell(C::kVeiligThuis, S::kVerwijdering, kTwaalf, true, false, "VT-09");
  ExpectCell(C::kVeiligThuis, S::kVerwijdering, kZestien, true, false, "VT-09");
}

TEST(Avg02, AnybodyElseIsRefusedByAvg02) {
  for (C c : {C::kVerwijsindex, C::kVeiligThuis, C::kJeugdhulp}) {
    auto a = Ask(c, S::kInzage, V::kAnders, kVijftien);
    EXPECT_FALSE(a.decision.allowed);
    EXPECT_EQ(a.decision.rule, "AVG-02");
  }
}

TEST(Avg01, OneMonthAndOneExtensionOfTwoMonthsInsideTheFirstMonth) {
  const Date ontvangen = *Date::Parse("2026-01-31");
  EXPECT_EQ(Avg01Termijn(ontvangen).ToString(), "2026-02-28");
  EXPECT_EQ(Avg01Verlengd(Avg01Termijn(ontvangen)).ToString(), "2026-04-28");
  // Allowed up to and including the last day of the first month, with a reason.
  EXPECT_TRUE(Avg01Verlenging(ontvangen, *Date::Parse("2026-02-28"), false, "complex").allowed);
  EXPECT_TRUE(Avg01Verlenging(ontvangen, ontvangen, false, "veel verzoeken").allowed);
}

TEST(Avg01, RefusesASecondExtensionALateOneAndOneWithoutReason) {
  const Date ontvangen = *Date::Parse("2026-01-31");
  auto twice = Avg01Verlenging(ontvangen, ontvangen, true, "nog eens");
  EXPECT_FALSE(twice.allowed);
  EXPECT_EQ(twice.rule, "AVG-01");
  EXPECT_FALSE(Avg01Verlenging(ontvangen, *Date::Parse("2026-03-01"), false, "te laat").allowed);
  EXPECT_FALSE(Avg01Verlenging(ontvangen, ontvangen, false, "").allowed);
}

TEST(Avg01, RefusesAReasonOfOnlyWhitespaceLikeAnEmptyOne) {
  const Date ontvangen = *Date::Parse("2026-01-31");
  for (std::string_view leeg : {"   ", "\t", " \r\n "}) {
    Decision d = Avg01Verlenging(ontvangen, ontvangen, false, leeg);
    EXPECT_FALSE(d.allowed) << "[" << leeg << "]";
    EXPECT_EQ(d.rule, "AVG-01");
  }
  EXPECT_TRUE(Avg01Verlenging(ontvangen, ontvangen, false, "  drie bronnen  ").allowed);
}

TEST(Blank, OnlyWhitespaceStatesNoReason) {
  EXPECT_TRUE(Blank(""));
  EXPECT_TRUE(Blank(" \t\r\n"));
  EXPECT_FALSE(Blank(" x "));
}

}  // namespace
}  // namespace jh::rules
