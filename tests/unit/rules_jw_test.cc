// The rules of toegang, jeugdhulp and declaraties as pure functions (JW-01 … JW-10): each
// allowing and refusing, at its boundaries — month edges, overlap by one day, half a cent,
// the 12th and 16th birthdays.
#include <gtest/gtest.h>

#include "rules/jw.h"
#include "rules/jw_declaratie.h"
#include "support/date_literal.h"

namespace jh::rules {
namespace {

using jh::testing::D;

void ExpectRule(const Decision& d, bool allowed, std::string_view rule) {
  EXPECT_EQ(d.allowed, allowed) << d.reason;
  EXPECT_EQ(d.rule, rule);
  EXPECT_FALSE(d.ground.empty());
}

// JW-01: every municipal access states one of the four purposes of Jw 7.4.0.
TEST(Jw01, AllowsTheFourPurposesRefusesNoneOrAnother) {
  for (const char* doel : {"toegang", "jeugdbescherming", "bekostiging", "controle"}) {
    ExpectRule(Jw01Doel(doel), true, "JW-01");
  }
  ExpectRule(Jw01Doel(""), false, "JW-01");
  ExpectRule(Jw01Doel("beleid"), false, "JW-01");
  EXPECT_EQ(Jw01Doel("").ground, "Jw 7.4.0");
}

// JW-02: huisarts 02, jeugdarts 03, medisch specialist 05; nobody else refers.
TEST(Jw02, AllowsTheThreeReferrersRefusesOthers) {
  ExpectRule(Jw02("huisarts"), true, "JW-02");
  EXPECT_EQ(Jw02VerwijzerCode("huisarts"), "02");
  EXPECT_EQ(Jw02VerwijzerCode("jeugdarts"), "03");
  EXPECT_EQ(Jw02VerwijzerCode("medisch-specialist"), "05");
  ExpectRule(Jw02("jeugdhulpverlener"), false, "JW-02");
  ExpectRule(Jw02("leerkracht"), false, "JW-02");
  ExpectRule(Jw02("toegangsmedewerker"), false, "JW-02");
}

// JW-03: only a toegangsmedewerker of the configured team kind of the youth's municipality.
TEST(Jw03, AllowsTheConfiguredTeamRefusesOtherTeamsRolesAndMunicipalities) {
  ToegangFeiten f{"toegangsmedewerker", "wijkteam", "GM0363", "GM0363", "wijkteam"};
  ExpectRule(Jw03(f), true, "JW-03");
  ToegangFeiten ander_team = f;
  ander_team.organisatie_soort = "cjg";
  ExpectRule(Jw03(ander_team), false, "JW-03");
  ToegangFeiten andere_rol = f;
  andere_rol.rol = "jeugdhulpverlener";
  ExpectRule(Jw03(andere_rol), false, "JW-03");
  ToegangFeiten andere_gemeente = f;
  andere_gemeente.jeugdige_gemeente = "GM0599";
  ExpectRule(Jw03(andere_gemeente), false, "JW-03");
  ToegangFeiten niet_ingesteld = f;
  niet_ingesteld.toegangsteam.reset();
  ExpectRule(Jw03(niet_ingesteld), false, "JW-03");
}

TEST(Jw03, AssignmentNeedsReferralOrDecisionExceptCourtMeasures) {
  ExpectRule(Jw03Toegangsgrond(true, false, "45"), true, "JW-03");
  ExpectRule(Jw03Toegangsgrond(false, true, "45"), true, "JW-03");
  ExpectRule(Jw03Toegangsgrond(false, false, "48"), true, "JW-03");
  ExpectRule(Jw03Toegangsgrond(false, false, "45"), false, "JW-03");
}

ToewijzingFeiten Toewijzing(const char* categorie, const char* soort) {
  return ToewijzingFeiten{
      "aanbieder-1",
      soort,
      categorie,
      D("2026-01-01"),
      D("2026-12-31"),
      {ContractFeit{"aanbieder-1", {"45", "48"}, D("2025-01-01"), D("2026-12-31")}}};
}

// JW-04: a contract for the category valid over the whole period; 47/48 only to a GI.
TEST(Jw04, AllowsUnderAValidContractRefusesWithoutOrBeyondIt) {
  ExpectRule(Jw04(Toewijzing("45", "jeugdhulpaanbieder")), true, "JW-04");
  ExpectRule(Jw04(Toewijzing("43", "jeugdhulpaanbieder")), false, "JW-04");  // no category
  ToewijzingFeiten te_lang = Toewijzing("45", "jeugdhulpaanbieder");
  te_lang.geldig_tot = D("2027-01-01");  // one day past the contract
  ExpectRule(Jw04(te_lang), false, "JW-04");
  ToewijzingFeiten te_vroeg = Toewijzing("45", "jeugdhulpaanbieder");
  te_vroeg.geldig_vanaf = D("2024-12-31");  // one day before the contract
  ExpectRule(Jw04(te_vroeg), false, "JW-04");
  ToewijzingFeiten andere = Toewijzing("45", "jeugdhulpaanbieder");
  andere.aanbieder_id = "aanbieder-2";
  ExpectRule(Jw04(andere), false, "JW-04");
}

TEST(Jw04, CategoriesFortySevenAndFortyEightOnlyToACertifiedInstitution) {
  ExpectRule(Jw04(Toewijzing("48", "gecertificeerde-instelling")), true, "JW-04");
  ExpectRule(Jw04(Toewijzing("48", "jeugdhulpaanbieder")), false, "JW-04");
  EXPECT_TRUE(Jw04AlleenGi("47"));
  EXPECT_TRUE(Jw04AlleenGi("48"));
  EXPECT_FALSE(Jw04AlleenGi("46"));
}

TEST(Jw04, OnlyTheYouthsMunicipalityAndOnlyTheAssignedProvider) {
  ExpectRule(Jw04Gemeente("GM0363", "GM0363"), true, "JW-04");
  ExpectRule(Jw04Gemeente("GM0599", "GM0363"), false, "JW-04");
  ExpectRule(Jw04EigenToewijzing("org-1", "org-1"), true, "JW-04");
  ExpectRule(Jw04EigenToewijzing("org-2", "org-1"), false, "JW-04");
  ExpectRule(Jw04EigenToewijzing("", ""), false, "JW-04");
}

// JW-04: only a gemeentemedewerker assigns, and only for the youth's municipality; a
// regievoerder or huisarts of that municipality is refused by the same rule.
TEST(Jw04, OnlyAGemeentemedewerkerOfTheYouthsMunicipalityAssigns) {
  ExpectRule(Jw04Toewijzer("gemeentemedewerker", "GM0363", "GM0363"), true, "JW-04");
  ExpectRule(Jw04Toewijzer("gemeentemedewerker", "GM0599", "GM0363"), false, "JW-04");
  ExpectRule(Jw04Toewijzer("regievoerder", "GM0363", "GM0363"), false, "JW-04");
  ExpectRule(Jw04Toewijzer("huisarts", "GM0363", "GM0363"), false, "JW-04");
  ExpectRule(Jw04Toewijzer("", "GM0363", "GM0363"), false, "JW-04");
}

// JW-05: the provider's care workers only; the municipality and everybody else refused.
TEST(Jw05, AllowsTheAssignedProvidersCareWorkersRefusesEverybodyElse) {
  ExpectRule(Jw05("jeugdhulpverlener", "org-1", "org-1"), true, "JW-05");
  ExpectRule(Jw05("jeugdhulpverlener", "org-2", "org-1"), false, "JW-05");
  ExpectRule(Jw05("gemeentemedewerker", "gemeente", "org-1"), false, "JW-05");
  ExpectRule(Jw05("beheerder", "org-1", "org-1"), false, "JW-05");  // same org, not a carer
}

// JW-06: exactly the fields of the Regeling; the municipality reads for payment or control.
TEST(Jw06, TheFieldSetAndThePurposesOfABill) {
  for (const char* veld :
       {"aanbiederAgb", "gemeentecode", "bsn", "toewijzingnummer", "productcategorie",
        "productcode", "productperiode", "geleverdVolume", "eenheid", "productTarief",
        "ingediendBedrag", "verwijzer", "besluitnummer"}) {
    EXPECT_TRUE(Jw06Veld(veld)) << veld;
  }
  for (const char* veld : {"diagnose", "aantekening", "naam", "tekst", "toelichting"}) {
    EXPECT_FALSE(Jw06Veld(veld)) << veld;
  }
  ExpectRule(Jw06Doel("bekostiging"), true, "JW-06");
  ExpectRule(Jw06Doel("controle"), true, "JW-06");
  ExpectRule(Jw06Doel("toegang"), false, "JW-06");
}

TEST(Jw06, ABillIsSeenByItsProviderAndItsMunicipalityOnly) {
  ExpectRule(Jw06Inzage({true, "GM0363", "gem"}, "GM0363", "org-1"), true, "JW-06");
  ExpectRule(Jw06Inzage({true, "GM0599", "gem"}, "GM0363", "org-1"), false, "JW-06");
  ExpectRule(Jw06Inzage({false, "GM0363", "org-1"}, "GM0363", "org-1"), true, "JW-06");
  ExpectRule(Jw06Inzage({false, "GM0363", "org-2"}, "GM0363", "org-1"), false, "JW-06");
}

// JW-07: one calendar month, inside the assignment.
TEST(Jw07, PeriodWithinOneMonthAndTheAssignment) {
  const Periode toewijzing{D("2026-01-15"), D("2026-03-10")};
  ExpectRule(Jw07Periode({D("2026-02-01"), D("2026-02-28")}, toewijzing), true, "JW-07");
  ExpectRule(Jw07Periode({D("2026-01-31"), D("2026-02-01")}, toewijzing), false, "JW-07");
  ExpectRule(Jw07Periode({D("2026-01-15"), D("2026-01-31")}, toewijzing), true, "JW-07");
  ExpectRule(Jw07Periode({D("2026-01-14"), D("2026-01-31")}, toewijzing), false, "JW-07");
  ExpectRule(Jw07Periode({D("2026-03-01"), D("2026-03-10")}, toewijzing), true, "JW-07");
  ExpectRule(Jw07Periode({D("2026-03-01"), D("2026-03-11")}, toewijzing), false, "JW-07");
  ExpectRule(Jw07Periode({D("2026-02-10"), D("2026-02-09")}, toewijzing), false, "JW-07");
  // Same month number, another year: not one calendar month.
  ExpectRule(Jw07Periode({D("2025-02-01"), D("2026-02-01")}, {D("2025-01-01"), D("2026-12-31")}),
             false, "JW-07");
}

// JW-07: no overlap with an earlier billed line — touching is fine, one shared day is not.
TEST(Jw07, NoOverlapByEvenOneDay) {
  const std::vector<Periode> eerder = {{D("2026-02-01"), D("2026-02-14")}};
  ExpectRule(Jw07Overlap({D("2026-02-15"), D("2026-02-28")}, eerder), true, "JW-07");
  ExpectRule(Jw07Overlap({D("2026-02-14"), D("2026-02-28")}, eerder), false, "JW-07");
  ExpectRule(Jw07Overlap({D("2026-01-20"), D("2026-02-01")}, eerder), false, "JW-07");
  ExpectRule(Jw07Overlap({D("2026-02-05"), D("2026-02-06")}, eerder), false, "JW-07");
  ExpectRule(Jw07Overlap({D("2026-02-05"), D("2026-02-06")}, {}), true, "JW-07");
}

// JW-07: whole eurocents — 12.50 euro is 1250 cents; 12.505 euro (1250.5 cents) is refused.
TEST(Jw07, WholeEurocentsOnly) {
  ExpectRule(Jw07HeleEurocenten(1250), true, "JW-07");
  ExpectRule(Jw07HeleEurocenten(0), true, "JW-07");
  ExpectRule(Jw07HeleEurocenten(1250.5), false, "JW-07");  // 0.005 euro too much
  ExpectRule(Jw07HeleEurocenten(0.5), false, "JW-07");
  ExpectRule(Jw07HeleEurocenten(-1), false, "JW-07");
  ExpectRule(Jw07HeleEurocenten(9999999999), true, "JW-07");
  ExpectRule(Jw07HeleEurocenten(1e10), false, "JW-07");
}

ToestemmingFeiten Gezin(std::vector<std::string> toestemming) {
  return ToestemmingFeiten{"kind", D("2014-06-15"), {"moeder", "vader"}, std::move(toestemming)};
}

// JW-08: under 12 the parents with authority; 12–15 youth and parents; from 16 the youth.
TEST(Jw08, UnderTwelveTheParents) {
  const Date dag_voor_12 = D("2026-06-14");
  ExpectRule(Jw08(Gezin({"moeder", "vader"}), dag_voor_12), true, "JW-08");
  ExpectRule(Jw08(Gezin({"moeder"}), dag_voor_12), false, "JW-08");  // one parent missing
  ExpectRule(Jw08(Gezin({"moeder", "vader", "kind"}), dag_voor_12), false, "JW-08");
  ToestemmingFeiten zonder_gezag = Gezin({"kind"});
  zonder_gezag.gezag.clear();
  ExpectRule(Jw08(zonder_gezag, dag_voor_12), false, "JW-08");
}

TEST(Jw08, TwelveToFifteenTheYouthAndTheParents) {
  const Date twaalfde = D("2026-06-15");
  ExpectRule(Jw08(Gezin({"kind", "moeder", "vader"}), twaalfde), true, "JW-08");
  ExpectRule(Jw08(Gezin({"moeder", "vader"}), twaalfde), false, "JW-08");
  ExpectRule(Jw08(Gezin({"kind"}), twaalfde), false, "JW-08");
  ExpectRule(Jw08(Gezin({"kind", "moeder", "vader"}), D("2030-06-14")), true, "JW-08");  // 15
}

TEST(Jw08, FromSixteenTheYouthAlone) {
  const Date zestiende = D("2030-06-15");
  ExpectRule(Jw08(Gezin({"kind"}), zestiende), true, "JW-08");
  ExpectRule(Jw08(Gezin({"kind", "moeder"}), zestiende), false, "JW-08");
  ExpectRule(Jw08(Gezin({"moeder", "vader"}), zestiende), false, "JW-08");
  ExpectRule(Jw08(Gezin({"kind"}), D("2030-06-14")), false, "JW-08");  // still 15
}

// JW-08: consent counts on the day it is given. A youth of 15 today needs his parents too,
// even for care he would start at 16; and care cannot be started ahead of today.
TEST(Jw08, ConsentIsJudgedOnTheDayItIsGivenNotOnALaterStart) {
  const Date vandaag = D("2030-01-10");  // 15
  ExpectRule(Jw08(Gezin({"kind"}), vandaag), false, "JW-08");
  ExpectRule(Jw08(Gezin({"kind", "moeder", "vader"}), vandaag), true, "JW-08");
  ExpectRule(Jw08Startdatum(vandaag, vandaag), true, "JW-08");
  ExpectRule(Jw08Startdatum(D("2029-12-01"), vandaag), true, "JW-08");  // recorded afterwards
  ExpectRule(Jw08Startdatum(D("2030-01-11"), vandaag), false, "JW-08");
  ExpectRule(Jw08Startdatum(D("2030-07-01"), vandaag), false, "JW-08");  // he'd be 16 then
}

// JW-09: twenty years after the last change; the dossier rights from 12 to the youth.
TEST(Jw09, DestroyedTwentyYearsAfterTheLastChange) {
  EXPECT_FALSE(Jw09Vernietigen(D("2026-03-01"), D("2046-02-28")));
  EXPECT_TRUE(Jw09Vernietigen(D("2026-03-01"), D("2046-03-01")));
  EXPECT_EQ(Jw09VernietigenOp(D("2024-02-29")), D("2044-02-29"));
  EXPECT_EQ(Jw09Rechten(D("2014-06-15"), D("2026-06-14")), DossierRechten::kOuders);
  EXPECT_EQ(Jw09Rechten(D("2014-06-15"), D("2026-06-15")), DossierRechten::kJeugdige);
}

// JW-10: from the care worker to the AKJ; no step after the AKJ.
TEST(Jw10, EscalatesOnceToTheConfidant) {
  ExpectRule(Jw10Escalatie(KlachtFase::kMedewerker), true, "JW-10");
  ExpectRule(Jw10Escalatie(KlachtFase::kAkj), false, "JW-10");
}

}  // namespace
}  // namespace jh::rules
