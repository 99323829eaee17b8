// Information requests of Veilig Thuis to other organisations (a school, a huisarts): only
// within an investigation that follows a melding, never on an advice request (VT-02). The
// answer is recorded on the case, sealed under the case's key.
#pragma once

#include <string>

#include "services/env.h"
#include "services/vt_zaak_weergave.h"

namespace jh::services {

// Errors: kNotFound (VT-04); 403 VT-02 on an advice or without a running investigation;
// 422 naming organisatieId when it does not exist; 409 when the case is closed.
[[nodiscard]] Result<VtInformatieverzoek> CreateVtInformatieverzoek(
    Env& env, const std::string& zaak_id, const std::string& organisatie_id,
    const std::string& vraag);

// Records the answer. Errors: kNotFound (VT-04, or no such request on this case); 409 when it
// was answered already or the case is closed.
[[nodiscard]] Result<VtInformatieverzoek> BeantwoordVtInformatieverzoek(
    Env& env, const std::string& zaak_id, const std::string& verzoek_id,
    const std::string& antwoord);

// The write both answering paths share (Veilig Thuis staff recording an answer given to
// them, and the asked organisation answering itself): the answer sealed under the case's
// key, the case touched (VT-08), a processing record per person. The caller has decided who
// may answer. Errors: kNotFound (no such request on this case); 409 when it was answered
// already or the case is closed.
[[nodiscard]] Result<VtInformatieverzoek> LegVtAntwoordVast(Env& env, const std::string& zaak_id,
                                                            const std::string& verzoek_id,
                                                            const std::string& antwoord);

}  // namespace jh::services
