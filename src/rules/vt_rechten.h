// The rights of the people in a Veilig Thuis file, RULES.md VT-09 (destruction on request,
// Wmo 2015 5.3.5) and VT-10 (inspection and copy, Wmo 2015 5.3.2, 5.3.3), beyond who may ask
// (the age matrix is rules::Avg02). Pure functions: the service gathers the facts — which of
// the person's cases are still running, who else a case is about — and the handler's
// decision; the rule says what may be done and, when it refuses, the concrete reason.
#pragma once

#include <cstdint>
#include <string_view>

#include "rules/decision.h"

namespace jh::rules {

// The legal grounds of VT-09 and VT-10; rules::Avg02 names them too, for a request about a
// Veilig Thuis file.
inline constexpr std::string_view kVt09Ground = "Wmo 2015 5.3.5";
inline constexpr std::string_view kVt10Ground = "Wmo 2015 5.3.2, 5.3.3";

// VT-09: granting destruction. A case that is still running (not handed over, not closed)
// is kept: the law that gives Veilig Thuis its task (Wmo 2015 4.1.1, the terms of VT-06 and
// VT-07) opposes destroying it before it is finished. `lopende_zaken`: how many of the
// person's cases are running.
Decision Vt09Vernietiging(int64_t lopende_zaken);

// VT-09, per finished case: the whole case is destroyed only when it is about the requester
// alone. When it is also about others, their substantial interest keeps it: the refusal says
// so, and only the requester's link to the case goes.
Decision Vt09ZaakVernietigen(int64_t andere_betrokkenen);

// VT-09: a refused destruction states the concrete reason (not blank).
Decision Vt09Weigering(std::string_view reden);

// VT-10: refusing an inspection. Only a representative's inspection of a child under 16 can
// be refused for the child's interest; the youth himself (12 and older) and the
// representative of a child 16 or older get it, limited only to protect others (VT-04, which
// every inspection applies). A refusal states its reason.
Decision Vt10Weigering(bool vertegenwoordiger, int leeftijd_kind, std::string_view reden);

}  // namespace jh::rules
