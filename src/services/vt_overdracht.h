// The end of a melding (VT-07): a handover to the local team (wijkteam, jeugdteam, cjg) or a
// request to the Raad voor de Kinderbescherming, in which case the college of the child's
// municipality is informed in the same transaction (a webhook event to the gemeente, when it
// has one, and the record on the handover). The reporter sees the step.
#pragma once

#include <string>

#include "services/env.h"
#include "services/vt_zaak_weergave.h"

namespace jh::services {

// Errors: kNotFound (VT-04); 422 VT-07 for an advice or a receiver of another kind; 422 naming
// organisatieId when it does not exist; 409 when the case is closed or handed over.
[[nodiscard]] Result<VtOverdracht> CreateVtOverdracht(Env& env, const std::string& zaak_id,
                                                      const std::string& organisatie_id);

}  // namespace jh::services
