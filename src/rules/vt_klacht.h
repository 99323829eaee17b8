// VT-11 (Wmo 2015 4.2.7; AVG 77): a complaint about a Veilig Thuis registration goes first
// to the regional Veilig Thuis (its complaints committee), then to the Autoriteit
// Persoonsgegevens; after the AP there is no further step here. Pure functions.
#pragma once

#include <cstdint>

#include "core/date.h"
#include "rules/decision.h"

namespace jh::rules {

enum class VtKlachtFase { kVeiligThuis, kAutoriteitPersoonsgegevens };

// VT-11: escalating from Veilig Thuis (to the AP) is allowed; from the AP it is refused.
Decision Vt11Escalatie(VtKlachtFase huidig);

// VT-11: the complaints committee that gives its opinion has at least three members and an
// independent chair (not of the Veilig Thuis complained about).
Decision Vt11Commissie(int64_t leden, bool voorzitter_onafhankelijk);

// VT-11: Veilig Thuis answers within one month of its committee's opinion.
Date Vt11AntwoordUiterlijk(const Date& advies_commissie);

}  // namespace jh::rules
