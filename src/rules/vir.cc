#include "rules/vir.h"

#include <algorithm>
#include <array>

namespace jh::rules {

namespace {
constexpr std::string_view kVir01Ground = "Jw 7.1.1.1";
constexpr std::string_view kVir02Ground = "Jw 7.1.1.2, 7.1.3.1; BJw 7.1.1–7.1.7";
constexpr std::string_view kVir03Ground = "Jw 7.1.4.1";

bool Geldig(const ConvenantFeit& c, const Date& datum) {
  return c.geldig_vanaf <= datum && (!c.geldig_tot || datum <= *c.geldig_tot);
}
}  // namespace

Decision Vir01(const Date& geboortedatum, const Date& datum) {
  const int leeftijd = AgeInYears(geboortedatum, datum);
  if (leeftijd < 0) {
    return Decision::Refuse("VIR-01", kVir01Ground,
                            "De jeugdige is op deze datum nog niet geboren.");
  }
  if (leeftijd >= 23) {
    return Decision::Refuse("VIR-01", kVir01Ground,
                            "Alleen jeugdigen jonger dan 23 jaar kunnen worden gemeld.");
  }
  return Decision::Allow("VIR-01", kVir01Ground, "De jeugdige is jonger dan 23 jaar.");
}

bool Vir02Categorie(std::string_view soort) {
  // Gemeentelijke toegang, Veilig Thuis, jeugdhulp, gecertificeerde instellingen, JGZ, GGZ,
  // huisarts, spoedeisende hulp (ziekenhuis), onderwijs, leerplicht, politie, de Raad.
  static constexpr std::array<std::string_view, 14> kCategorieen = {
      "wijkteam",
      "jeugdteam",
      "cjg",
      "veilig-thuis",
      "jeugdhulpaanbieder",
      "gecertificeerde-instelling",
      "jeugdgezondheidszorg",
      "ggz",
      "huisartsenpraktijk",
      "ziekenhuis",
      "school",
      "leerplicht",
      "politie",
      "raad-voor-de-kinderbescherming"};
  return std::find(kCategorieen.begin(), kCategorieen.end(), soort) != kCategorieen.end();
}

Decision Vir02(const MelderFeiten& melder, const std::string& jeugdige_gemeente,
               const Date& datum) {
  if (!Vir02Categorie(melder.organisatie_soort)) {
    return Decision::Refuse("VIR-02", kVir02Ground,
                            "Deze soort organisatie kan geen meldingsbevoegden aanwijzen.");
  }
  if (!melder.meldingsbevoegd) {
    return Decision::Refuse("VIR-02", kVir02Ground, "U bent niet aangewezen als meldingsbevoegde.");
  }
  const bool convenant =
      std::any_of(melder.convenanten.begin(), melder.convenanten.end(), [&](const auto& c) {
        return Geldig(c, datum) && (c.gemeentecode == jeugdige_gemeente ||
                                    c.gemeentecode == melder.organisatie_gemeente);
      });
  if (!convenant) {
    return Decision::Refuse("VIR-02", kVir02Ground,
                            "Uw organisatie heeft op deze datum geen geldig convenant met het "
                            "college van de gemeente van de jeugdige of van de eigen gemeente.");
  }
  return Decision::Allow("VIR-02", kVir02Ground, "Meldingsbevoegd met een geldig convenant.");
}

bool Vir02EnigConvenant(const MelderFeiten& melder, const Date& datum) {
  return std::any_of(melder.convenanten.begin(), melder.convenanten.end(),
                     [&](const auto& c) { return Geldig(c, datum); });
}

Decision Vir03(std::optional<bool> redelijk_vermoeden) {
  if (!redelijk_vermoeden.value_or(false)) {
    return Decision::Refuse("VIR-03", kVir03Ground,
                            "Verklaar dat u een redelijk vermoeden hebt van een risico "
                            "(redelijkVermoeden: true); welk risico mag niet worden vermeld.");
  }
  return Decision::Allow("VIR-03", kVir03Ground, "Redelijk vermoeden verklaard.");
}

Decision Vir08EigenRegistratie(std::string_view medewerker_id, std::string_view melder_id) {
  constexpr std::string_view kGrond = "Jw 7.1.4.3(2)";
  if (medewerker_id.empty() || medewerker_id != melder_id) {
    return Decision::Refuse("VIR-08", kGrond,
                            "De verwijsindex is niet doorzoekbaar: alleen eigen registraties.");
  }
  return Decision::Allow("VIR-08", kGrond, "Eigen registratie.");
}

Date Vir11VerwijderenUiterlijk(const Date& gemeld_op, const Date& geboortedatum) {
  return std::min(gemeld_op.AddYears(2), DateOfAge(geboortedatum, 23));
}

Verwijdering Vir11(const Date& gemeld_op, const Date& geboortedatum,
                   const std::optional<Date>& overlijdensdatum, const Date& vandaag) {
  if (overlijdensdatum && *overlijdensdatum <= vandaag) return Verwijdering::kOverleden;
  if (DateOfAge(geboortedatum, 23) <= vandaag) return Verwijdering::kDrieentwintig;
  if (gemeld_op.AddYears(2) <= vandaag) return Verwijdering::kNaTweeJaar;
  return Verwijdering::kGeen;
}

bool Vir12Vernietigen(const Date& gearchiveerd_op, const Date& geboortedatum,
                      const std::optional<Date>& overlijdensdatum, const Date& vandaag) {
  return gearchiveerd_op.AddYears(5) <= vandaag || DateOfAge(geboortedatum, 23) <= vandaag ||
         (overlijdensdatum && *overlijdensdatum <= vandaag);
}

Vertegenwoordiging Vir15(const Date& geboortedatum, const Date& datum) {
  const int leeftijd = AgeInYears(geboortedatum, datum);
  if (leeftijd < 12) return Vertegenwoordiging::kWettelijkVertegenwoordiger;
  if (leeftijd < 16) return Vertegenwoordiging::kSamen;
  return Vertegenwoordiging::kJeugdige;
}

}  // namespace jh::rules
