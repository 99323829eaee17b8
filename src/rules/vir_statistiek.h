// VIR-16 (Jw 7.1.2.3(1)(h)): reports for policy and supervision hold nothing traceable to a
// specific youth or melder. A count under five in a cell of a report could point at one
// family or one professional, so it is suppressed. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "rules/decision.h"

namespace jh::rules {

// The smallest count a report may show.
inline constexpr int64_t kVir16Drempel = 5;

// VIR-16: whether a cell with this count may be shown. Allowed from five; refused below,
// zero included — an empty cell next to small ones narrows them down as well.
Decision Vir16(int64_t aantal);

// VIR-16: the count as a report shows it: the count from five, nothing (null) below.
std::optional<int64_t> Vir16Cel(int64_t aantal);

// VIR-16: who may read a municipality's report. A beheerder any; a gemeentemedewerker only
// his own municipality's — a report of another municipality serves no task of his, and with
// the figures of several municipalities small groups could be narrowed down again.
Decision Vir16Rapport(bool beheerder, std::string_view eigen_gemeente,
                      std::string_view gevraagde_gemeente);

}  // namespace jh::rules
