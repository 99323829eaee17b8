// Which signals the Verwijsindex gives (rules/vir_signalen.h), as pure functions: VIR-05,
// VIR-06, VIR-07, VIR-08, VIR-09, VIR-10, VIR-12 and VIR-14, each allowing and refusing.
#include <gtest/gtest.h>

#include <algorithm>

#include "rules/vir.h"
#include "rules/vir_signalen.h"

namespace jh::rules {
namespace {

const NieuweRegistratie kNieuw{"n", "melder-n", "GM0363"};

BestaandeRegistratie B(std::string id, std::string melder, Verband v,
                       std::string gemeente = "GM0363") {
  return BestaandeRegistratie{std::move(id), std::move(melder), std::move(gemeente), v, true,
                              false};
}

// The signals addressed to one melder, or to one municipality's regie.
std::vector<Signaal> Aan(const std::vector<Signaal>& all, const std::string& melder,
                         const std::string& gemeente = "") {
  std::vector<Signaal> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Signaal& s) {
    return gemeente.empty() ? s.ontvanger_melder_id == melder : s.ontvanger_gemeente == gemeente;
  });
  return out;
}

using Ids = std::vector<std::string>;

TEST(Vir06, NoOtherRegistrationNoSignal) {
  EXPECT_TRUE(Vir06Vir07Vir12Signalen(kNieuw, {}).empty());
}

TEST(Vir06, EveryMelderAndTheRegieOfTheYouthsMunicipality) {
  auto s = Vir06Vir07Vir12Signalen(kNieuw, {B("a", "melder-a", Verband::kZelfdeJeugdige),
                                            B("b", "melder-b", Verband::kZelfdeJeugdige)});
  ASSERT_EQ(s.size(), 4u);  // a, b, the new melder, the regie
  auto a = Aan(s, "melder-a");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].soort, SignaalSoort::kJeugdige);
  EXPECT_EQ(a[0].melding_id, "a");        // about his own registration
  EXPECT_EQ(a[0].betrokkenen, Ids{"n"});  // the other melder only
  EXPECT_FALSE(a[0].verschillende_jeugdigen);
  auto n = Aan(s, "melder-n");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].betrokkenen, (Ids{"a", "b"}));
  auto regie = Aan(s, "", "GM0363");
  ASSERT_EQ(regie.size(), 1u);
  EXPECT_TRUE(regie[0].AanRegie());
  EXPECT_EQ(regie[0].betrokkenen, (Ids{"a", "b", "n"}));
}

// Jw 7.1.2.3(1)(d,e): two registrations in one family or at one address are signalled to the
// regie also when one melder made both; he is not told of himself.
TEST(Vir07, TheMeldersOwnRegistrationsReachOnlyTheRegie) {
  auto s = Vir06Vir07Vir12Signalen(
      kNieuw, {B("x", "melder-n", Verband::kGezin), B("y", "melder-n", Verband::kAdres)});
  EXPECT_TRUE(Aan(s, "melder-n").empty());
  auto regie = Aan(s, "", "GM0363");
  ASSERT_EQ(regie.size(), 2u);
  EXPECT_EQ(regie[0].soort, SignaalSoort::kGezin);
  EXPECT_EQ(regie[0].betrokkenen, (Ids{"x", "n"}));
  EXPECT_EQ(regie[1].soort, SignaalSoort::kAdres);
  EXPECT_EQ(s.size(), 2u);
}

// With another melder in the group, the new melder hears of that one only.
TEST(Vir07, TheNewMelderIsToldOfTheOthersOnly) {
  auto s = Vir06Vir07Vir12Signalen(
      kNieuw, {B("x", "melder-n", Verband::kGezin), B("g", "melder-g", Verband::kGezin)});
  auto n = Aan(s, "melder-n");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].betrokkenen, Ids{"g"});
  EXPECT_EQ(Aan(s, "melder-g").size(), 1u);
  EXPECT_EQ(Aan(s, "", "GM0363")[0].betrokkenen, (Ids{"x", "g", "n"}));
}

TEST(Vir07, FamilyAndAddressSayTheYouthsDiffer) {
  auto s = Vir06Vir07Vir12Signalen(
      kNieuw, {B("g", "melder-g", Verband::kGezin, "GM0599"), B("h", "melder-h", Verband::kAdres)});
  auto g = Aan(s, "melder-g");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].soort, SignaalSoort::kGezin);
  EXPECT_TRUE(g[0].verschillende_jeugdigen);
  auto h = Aan(s, "melder-h");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].soort, SignaalSoort::kAdres);
  // The new melder gets one signal per kind; both municipalities of the family get one.
  EXPECT_EQ(Aan(s, "melder-n").size(), 2u);
  EXPECT_EQ(Aan(s, "", "GM0599").size(), 1u);
  EXPECT_EQ(Aan(s, "", "GM0363").size(), 2u);
}

TEST(Vir07, ARegistrationCountsOnceUnderItsClosestRelation) {
  auto s = Vir06Vir07Vir12Signalen(
      kNieuw, {B("g", "melder-g", Verband::kAdres), B("g", "melder-g", Verband::kGezin)});
  auto g = Aan(s, "melder-g");
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].soort, SignaalSoort::kGezin);
}

TEST(Vir07, InstitutionAddressesNeverMatch) {
  BestaandeRegistratie instelling = B("i", "melder-i", Verband::kAdres);
  instelling.adres_uitgesloten = true;
  EXPECT_TRUE(Vir06Vir07Vir12Signalen(kNieuw, {instelling}).empty());
  instelling.adres_uitgesloten = false;
  EXPECT_FALSE(Vir06Vir07Vir12Signalen(kNieuw, {instelling}).empty());
}

TEST(Vir12, ArchiveGivesExactlyOneSignalToTheNewMelder) {
  BestaandeRegistratie archief = B("old", "melder-old", Verband::kZelfdeJeugdige);
  archief.actief = false;
  auto s = Vir06Vir07Vir12Signalen(kNieuw, {archief});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].soort, SignaalSoort::kHistorisch);
  EXPECT_EQ(s[0].ontvanger_melder_id, "melder-n");
  EXPECT_EQ(s[0].betrokkenen, Ids{"old"});
  // An archived registration of a sibling is no reason for a signal.
  archief.verband = Verband::kGezin;
  EXPECT_TRUE(Vir06Vir07Vir12Signalen(kNieuw, {archief}).empty());
  // Nor is the melder's own archived registration: it stays for another melder's signal.
  archief.verband = Verband::kZelfdeJeugdige;
  archief.melder_id = "melder-n";
  EXPECT_TRUE(Vir06Vir07Vir12Signalen(kNieuw, {archief}).empty());
}

TEST(Vir14, MeldersAlwaysRegieOnlyForAnotherMunicipality) {
  std::vector<ActieveRegistratie> actief = {{"a", "melder-a"}, {"b", "melder-b"}};
  auto binnen = Vir14Verhuizing(actief, "GM0363", "GM0363");
  ASSERT_EQ(binnen.size(), 2u);
  EXPECT_EQ(binnen[0].soort, SignaalSoort::kVerhuizing);
  EXPECT_EQ(binnen[0].betrokkenen, Ids{"b"});
  auto naar = Vir14Verhuizing(actief, "GM0363", "GM0599");
  ASSERT_EQ(naar.size(), 3u);
  EXPECT_EQ(naar[2].ontvanger_gemeente, "GM0599");
  EXPECT_EQ(naar[2].betrokkenen, (Ids{"a", "b"}));
  EXPECT_TRUE(Vir14Verhuizing({}, "GM0363", "GM0599").empty());
}

TEST(Vir09, OnlyTheRegievoerderOfTheSignalsMunicipality) {
  EXPECT_TRUE(Vir09("regievoerder", "GM0363", "GM0363").allowed);
  Decision d = Vir09("regievoerder", "GM0599", "GM0363");
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.rule, "VIR-09");
  EXPECT_FALSE(Vir09("huisarts", "GM0363", "GM0363").allowed);
  EXPECT_FALSE(Vir09("regievoerder", "GM0363", "").allowed);  // a signal to a melder
}

TEST(Vir08, OnlyOwnRegistrations) {
  EXPECT_TRUE(Vir08EigenRegistratie("m1", "m1").allowed);
  EXPECT_FALSE(Vir08EigenRegistratie("m1", "m2").allowed);
  EXPECT_FALSE(Vir08EigenRegistratie("", "").allowed);
}

TEST(Vir10, RisicoWegIsArchivedOnterechtIsNot) {
  EXPECT_TRUE(Vir10Archiveren("risico-weg"));
  EXPECT_FALSE(Vir10Archiveren("onterecht"));
}

TEST(Vir05, AccentedCapitalsAreTheirLowercaseAndTypographicApostrophesGo) {
  EXPECT_EQ(Vir05Familienaam("Çelik"), "çelik");
  EXPECT_EQ(Vir05Familienaam("Łuczak"), "łuczak");
  EXPECT_EQ(Vir05Familienaam("D’Souza"), Vir05Familienaam("d'souza"));
  EXPECT_NE(Vir05Familienaam("Çelik"), Vir05Familienaam("Celik"));  // a letter of its own
}

TEST(Vir05, ANameWithoutLettersIsNoName) {
  for (const char* geen_naam : {"", " - ' ", "...", "12", "’ ’"}) {
    EXPECT_TRUE(Vir05Familienaam(geen_naam).empty()) << geen_naam;
  }
  EXPECT_EQ(Vir05Familienaam("de Vries"), "devries");
}

TEST(Vir05, SameYouthSameNumberWhateverTheSpelling) {
  EXPECT_EQ(Vir05ServicenummerBron("de Vries", "2015-05-05", "M"),
            Vir05ServicenummerBron("DE VRIES", "2015-05-05", "M"));
  EXPECT_EQ(Vir05ServicenummerBron("van-Dijk", "2015-05-05", "V"),
            Vir05ServicenummerBron("Van Dijk", "2015-05-05", "V"));
  EXPECT_NE(Vir05ServicenummerBron("de Vries", "2015-05-05", "M"),
            Vir05ServicenummerBron("de Vries", "2015-05-06", "M"));
  EXPECT_NE(Vir05ServicenummerBron("de Vries", "2015-05-05", "M"),
            Vir05ServicenummerBron("de Vries", "2015-05-05", "V"));
}

TEST(Vir11Vir12, SignalNamingAGoneRegistrationLosesItOrGoes) {
  using enum SignaalNaVerwijdering;
  // To the melder of "a", about "b": when "b" goes there is nothing left to tell.
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kJeugdige, "a", {"b"}, "b"), kVervalt);
  // About his own registration: it goes with it.
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kJeugdige, "a", {"b"}, "a"), kVervalt);
  // Others remain: only the gone one's melder disappears.
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kGezin, "a", {"b", "c"}, "b"),
            kZonderBetrokkene);
  // A regie signal lists its cause too: the cause alone is no match.
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kJeugdige, "n", {"b", "n"}, "b"),
            kVervalt);
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kJeugdige, "n", {"b", "c", "n"}, "b"),
            kZonderBetrokkene);
  // The historical signal goes with the destroyed archive it told of.
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kHistorisch, "n", {"h"}, "h"), kVervalt);
  // A move notice stays with the addressee's own registration.
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kVerhuizing, "a", {"b"}, "b"),
            kZonderBetrokkene);
  // Not in it: untouched.
  EXPECT_EQ(Vir11Vir12SignaalNaVerwijdering(SignaalSoort::kJeugdige, "a", {"b"}, "c"),
            kOngewijzigd);
}

}  // namespace
}  // namespace jh::rules
