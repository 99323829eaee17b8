// The data-subject rights (AVG), RULES.md AVG-01 and AVG-02, with the age matrix that makes
// them context-dependent (VIR-15, VT-09, VT-10, JW-09). Pure functions: every fact, including
// the date of the act, is an argument; the service finds out who the requester is to the
// person (himself, a parent with authority, or neither).
#pragma once

#include <string_view>

#include "core/date.h"
#include "rules/decision.h"

namespace jh::rules {

enum class VerzoekSoort { kInzage, kCorrectie, kVerwijdering };
enum class VerzoekContext { kVerwijsindex, kVeiligThuis, kJeugdhulp };
// Who asks, relative to the person the request is about (the betrokkene).
enum class Verzoeker {
  kBetrokkene,         // the youth himself
  kVertegenwoordiger,  // a parent with authority (the legal representative)
  kAnders,             // anybody else
};

struct Verzoekbevoegdheid {
  Decision decision;
  // The request is made jointly (VIR-15, 12–15): it is complete only when the other party
  // (the youth or the representative) has co-signed it.
  bool medeondertekening = false;
};

// AVG-02 and the context's rule: whether `verzoeker` may make a request of this kind in this
// context about a person born on `geboortedatum`, on `datum`. A refusal names the context's
// rule (VIR-15; VT-10 for inspection and correction at Veilig Thuis, VT-09 for destruction;
// JW-09), or AVG-02 for somebody who is neither the person nor his representative.
//   verwijsindex  <12 representative; 12–15 youth and representative together; 16+ youth
//   jeugdhulp     <12 parents; 12+ youth
//   VT inzage     <12 representative; 12–15 representative and youth (each alone; the
//                 child's interest is weighed when deciding, not when asking); 16+ youth
//   VT vernietig. <12 representative; 12+ youth
// Correction at Veilig Thuis follows inspection: who may see the file may have it corrected.
Verzoekbevoegdheid Avg02(VerzoekContext context, VerzoekSoort soort, Verzoeker verzoeker,
                         const Date& geboortedatum, const Date& datum);

// AVG-01 (AVG 12(3)): a request received on `ontvangen` is answered within one month.
Date Avg01Termijn(const Date& ontvangen);
// AVG-01: the term is extended once, by two months, with a reason, and the notice is given
// inside the first month. `verlengd`: it was extended before.
Decision Avg01Verlenging(const Date& ontvangen, const Date& vandaag, bool verlengd,
                         std::string_view reden);
// AVG-01: the term after the one extension.
Date Avg01Verlengd(const Date& termijn);

}  // namespace jh::rules
