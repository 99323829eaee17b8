// The Verwijsindex coordinator of an organisation (Jw 7.1.3.3): a medewerker of that
// organisation whose contact details go with its melders' registrations and signals (VIR-04,
// VIR-08) and who sees the signals on their registrations. Administered by the beheerder.
#pragma once

#include <optional>
#include <string>

#include "services/env.h"

namespace jh::services {

// Sets (or, with nullopt, clears) the coordinator. Errors: kNotFound (organisation),
// kUnprocessable naming medewerkerId when he is unknown or works elsewhere.
[[nodiscard]] Status SetVirCoordinator(Env& env, const std::string& organisatie_id,
                                       const std::optional<std::string>& medewerker_id);

}  // namespace jh::services
