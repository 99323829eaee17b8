// Information requests as the asked organisation (a school, a huisarts) sees them: it lists
// the requests Veilig Thuis sent it and answers them itself (VT-02). It sees the question,
// the asking Veilig Thuis and the dates — never the case, its reporter or its other parts
// (VT-04): the case id is not even given. Every item shown and every answer is a processing
// record for the people of the case (vt-informatie) and an access decision (VT-02).
#pragma once

#include <optional>
#include <string>

#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct GevraagdeInformatie {
  std::string id;
  std::string veilig_thuis;  // the name of the asking Veilig Thuis
  std::string vraag;
  std::string verzocht_op;
  std::optional<std::string> antwoord, beantwoord_op;
};

// The requests to the caller's organisation, newest first; `beantwoord` filters when set.
[[nodiscard]] Result<PageOf<GevraagdeInformatie>> GevraagdeInformatieverzoeken(
    Env& env, std::optional<bool> beantwoord, const Page& page);

// The caller's organisation answers. Errors: 422 naming `antwoord` when it is blank; kNotFound for
// a request to another organisation (logged as a VT-02 refusal) or none; 409 when answered already
// or the case is closed.
[[nodiscard]] Result<GevraagdeInformatie> BeantwoordGevraagdeInformatie(
    Env& env, const std::string& id, const std::string& antwoord);

}  // namespace jh::services
