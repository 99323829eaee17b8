// Figures for policy and supervision (API.md "Accountability and decisions"): per
// municipality and month of a year, how many registrations and signals the Verwijsindex saw,
// how many Veilig Thuis meldingen and access decisions there were. Counts only — no row of
// any person is read into memory — and every cell under five is suppressed (VIR-16).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "services/env.h"

namespace jh::services {

// One series: a cell per month (index 0 = January); nullopt where VIR-16 suppressed it.
using Reeks = std::array<std::optional<int64_t>, 12>;

struct VirStatistiek {
  std::string gemeentecode;
  int64_t jaar = 0;
  Reeks registraties;       // vir_meldingen made in the month, of youths of the municipality
  Reeks signalen;           // signals to the municipality's regie function
  Reeks meldingen;          // Veilig Thuis meldingen about its children (VT, incl. converted)
  Reeks toegangsbesluiten;  // access decisions of its access team (JW-03)
};

// A gemeentemedewerker reads only his own municipality (403 VIR-16), a beheerder any.
[[nodiscard]] Result<VirStatistiek> VirStatistiekPerMaand(Env& env, const std::string& gemeentecode,
                                                          int64_t jaar);

}  // namespace jh::services
