#include "rules/jw_declaratie.h"

#include <algorithm>
#include <cmath>

namespace jh::rules {

namespace {
constexpr std::string_view kJw06Ground = "RJw 6a.1–6a.7; iJw JW323";
constexpr std::string_view kJw07Ground = "iJw OP367, OP368, OP259, IV024";
}  // namespace

const std::vector<std::string>& Jw06Velden() {
  static const std::vector<std::string> kVelden = {
      "id",            // the bill's reference (JW323 ReferentieNummer)
      "aanbiederAgb",  // provider (AGB)
      "gemeentecode",  // municipality code
      "bsn",           // the youth's BSN
      "toewijzingnummer",
      "productcategorie",
      "productcode",
      "productperiode",  // {begin, eind}
      "geleverdVolume",
      "eenheid",
      "productTarief",    // eurocent, optional
      "ingediendBedrag",  // eurocent
      "verwijzer",        // iJw COD327 referrer code
      "besluitnummer",    // the access decision's number, when access went that way
  };
  return kVelden;
}

bool Jw06Veld(std::string_view naam) {
  const auto& v = Jw06Velden();
  return std::find(v.begin(), v.end(), naam) != v.end();
}

Decision Jw06Doel(std::string_view doel) {
  if (doel != "bekostiging" && doel != "controle") {
    return Decision::Refuse("JW-06", kJw06Ground,
                            "De gemeente gebruikt een declaratie alleen voor bekostiging en voor "
                            "controle en fraudebestrijding.");
  }
  return Decision::Allow("JW-06", kJw06Ground, "Declaratie inzien voor " + std::string(doel) + ".");
}

Decision Jw06Inzage(const DeclaratieLezer& lezer, std::string_view gemeentecode,
                    std::string_view aanbieder_id) {
  const bool ok = lezer.gemeente
                      ? !lezer.gemeentecode.empty() && lezer.gemeentecode == gemeentecode
                      : !lezer.organisatie_id.empty() && lezer.organisatie_id == aanbieder_id;
  if (!ok) {
    return Decision::Refuse("JW-06", kJw06Ground,
                            "Een declaratie is alleen voor de aanbieder die haar indiende en de "
                            "gemeente aan wie zij is gericht.");
  }
  return Decision::Allow(
      "JW-06", kJw06Ground,
      lezer.gemeente ? "De gemeente van de declaratie." : "De indienende aanbieder.");
}

Decision Jw07Periode(const Periode& p, const Periode& toewijzing) {
  if (p.eind < p.begin) {
    return Decision::Refuse("JW-07", kJw07Ground, "Het einde van de periode ligt voor het begin.");
  }
  if (p.begin.year != p.eind.year || p.begin.month != p.eind.month) {
    return Decision::Refuse("JW-07", kJw07Ground,
                            "Een gedeclareerde periode ligt binnen een kalendermaand.");
  }
  if (p.begin < toewijzing.begin || toewijzing.eind < p.eind) {
    return Decision::Refuse("JW-07", kJw07Ground,
                            "De gedeclareerde periode ligt buiten de toewijzing.");
  }
  return Decision::Allow("JW-07", kJw07Ground, "Binnen een kalendermaand en de toewijzing.");
}

Decision Jw07Overlap(const Periode& p, const std::vector<Periode>& eerder) {
  const bool overlap = std::any_of(eerder.begin(), eerder.end(), [&](const Periode& e) {
    return e.begin <= p.eind && p.begin <= e.eind;
  });
  if (overlap) {
    return Decision::Refuse("JW-07", kJw07Ground,
                            "De periode overlapt een eerder gedeclareerde periode van deze "
                            "toewijzing.");
  }
  return Decision::Allow("JW-07", kJw07Ground, "Geen overlap met eerdere declaraties.");
}

Decision Jw07HeleEurocenten(double eurocent) {
  if (!std::isfinite(eurocent) || eurocent < 0 || eurocent >= 1e10) {
    return Decision::Refuse("JW-07", kJw07Ground,
                            "Een bedrag ligt tussen 0 en 99.999.999,99 euro.");
  }
  if (std::floor(eurocent) != eurocent) {
    return Decision::Refuse("JW-07", kJw07Ground,
                            "Bedragen zijn hele eurocenten (een geheel getal in eurocent).");
  }
  return Decision::Allow("JW-07", kJw07Ground, "Hele eurocenten.");
}

}  // namespace jh::rules
