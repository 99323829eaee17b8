#include "rules/vt_klacht.h"

namespace jh::rules {

namespace {
constexpr std::string_view kVt11Ground = "Wmo 2015 4.2.7; AVG 77";
}

Decision Vt11Escalatie(VtKlachtFase huidig) {
  if (huidig == VtKlachtFase::kAutoriteitPersoonsgegevens) {
    return Decision::Refuse("VT-11", kVt11Ground,
                            "De klacht ligt al bij de Autoriteit Persoonsgegevens.");
  }
  return Decision::Allow("VT-11", kVt11Ground,
                         "Na Veilig Thuis gaat de klacht naar de Autoriteit Persoonsgegevens.");
}

Decision Vt11Commissie(int64_t leden, bool voorzitter_onafhankelijk) {
  if (leden < 3) {
    return Decision::Refuse("VT-11", kVt11Ground,
                            "De klachtencommissie heeft ten minste drie leden.");
  }
  if (!voorzitter_onafhankelijk) {
    return Decision::Refuse("VT-11", kVt11Ground,
                            "De voorzitter van de klachtencommissie is onafhankelijk van Veilig "
                            "Thuis.");
  }
  return Decision::Allow("VT-11", kVt11Ground, "De commissie is naar de wet samengesteld.");
}

Date Vt11AntwoordUiterlijk(const Date& advies_commissie) { return advies_commissie.AddMonths(1); }

}  // namespace jh::rules
