#include "rules/avg.h"

#include <string>

#include "rules/reden.h"
#include "rules/vt_rechten.h"

namespace jh::rules {

namespace {
constexpr std::string_view kAvg01Ground = "AVG 12(3)";
constexpr std::string_view kAvg02Ground = "AVG 12; Jw 7.1.5.1, 7.3.15; Wmo 2015 5.3.2, 5.3.5";
constexpr std::string_view kVir15Ground = "Jw 7.1.5.1";
constexpr std::string_view kJw09Ground = "Jw 7.3.15";

// Who may ask, by age band: the representative, the youth, or both.
struct Band {
  bool vertegenwoordiger = false;
  bool betrokkene = false;
  bool samen = false;  // both, jointly
};

Band BandVoor(VerzoekContext context, VerzoekSoort soort, int leeftijd) {
  switch (context) {
    case VerzoekContext::kVerwijsindex:
      if (leeftijd < 12) return {true, false, false};
      if (leeftijd < 16) return {true, true, true};
      return {false, true, false};
    case VerzoekContext::kJeugdhulp:
      if (leeftijd < 12) return {true, false, false};
      return {false, true, false};
    case VerzoekContext::kVeiligThuis:
      if (leeftijd < 12) return {true, false, false};
      if (soort == VerzoekSoort::kVerwijdering || leeftijd >= 16) return {false, true, false};
      return {true, true, false};
  }
  return {};
}

std::pair<std::string_view, std::string_view> RegelVoor(VerzoekContext context,
                                                        VerzoekSoort soort) {
  switch (context) {
    case VerzoekContext::kVerwijsindex:
      return {"VIR-15", kVir15Ground};
    case VerzoekContext::kJeugdhulp:
      return {"JW-09", kJw09Ground};
    case VerzoekContext::kVeiligThuis:
      if (soort == VerzoekSoort::kVerwijdering) return {"VT-09", kVt09Ground};
      return {"VT-10", kVt10Ground};
  }
  return {"AVG-02", kAvg02Ground};
}
}  // namespace

Verzoekbevoegdheid Avg02(VerzoekContext context, VerzoekSoort soort, Verzoeker verzoeker,
                         const Date& geboortedatum, const Date& datum) {
  if (verzoeker == Verzoeker::kAnders) {
    return {Decision::Refuse("AVG-02", kAvg02Ground,
                             "Alleen de betrokkene of zijn wettelijk vertegenwoordiger kan dit "
                             "verzoek doen."),
            false};
  }
  const int leeftijd = AgeInYears(geboortedatum, datum);
  const Band band = BandVoor(context, soort, leeftijd);
  const auto [regel, grond] = RegelVoor(context, soort);
  const bool mag = verzoeker == Verzoeker::kBetrokkene ? band.betrokkene : band.vertegenwoordiger;
  if (!mag) {
    const std::string wie = verzoeker == Verzoeker::kBetrokkene
                                ? "Op deze leeftijd oefent de wettelijk vertegenwoordiger dit "
                                  "recht uit."
                                : "Op deze leeftijd oefent de jeugdige dit recht zelf uit.";
    return {Decision::Refuse(regel, grond, wie), false};
  }
  if (band.samen) {
    return {Decision::Allow(regel, grond,
                            "Jeugdige en vertegenwoordiger doen dit verzoek samen; de ander "
                            "ondertekent mee."),
            true};
  }
  return {Decision::Allow(regel, grond, "Bevoegd voor dit verzoek op deze leeftijd."), false};
}

Date Avg01Termijn(const Date& ontvangen) { return ontvangen.AddMonths(1); }

Decision Avg01Verlenging(const Date& ontvangen, const Date& vandaag, bool verlengd,
                         std::string_view reden) {
  if (verlengd) {
    return Decision::Refuse("AVG-01", kAvg01Ground, "De termijn is al eens verlengd.");
  }
  if (vandaag > Avg01Termijn(ontvangen)) {
    return Decision::Refuse("AVG-01", kAvg01Ground,
                            "Verlengen kan alleen binnen de eerste maand na ontvangst.");
  }
  if (Blank(reden)) {  // spaces alone state no reason, as for VT-05
    return Decision::Refuse("AVG-01", kAvg01Ground, "Een verlenging vermeldt de reden.");
  }
  return Decision::Allow("AVG-01", kAvg01Ground, "Eenmalig verlengd met twee maanden.");
}

Date Avg01Verlengd(const Date& termijn) { return termijn.AddMonths(2); }

}  // namespace jh::rules
