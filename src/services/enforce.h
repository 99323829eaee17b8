// Asking a rule and living by its answer: the decision goes into the decision log (ADL)
// whether it allows or refuses, and a refusal becomes the error the caller gets, naming the
// rule and its legal ground.
#pragma once

#include <string>

#include "core/result.h"
#include "rules/decision.h"
#include "services/env.h"

namespace jh::services {

enum class Weigering {
  kVerboden,      // 403: who may act (VIR-02, VIR-09, …)
  kOnverwerkbaar  // 422: what the content may be (VIR-01, VIR-03, …)
};

// Logs `decision` for `action` on `resource_type`/`resource_id`; an error when it refuses.
[[nodiscard]] Status Enforce(Env& env, const std::string& action, const std::string& resource_type,
                             const std::string& resource_id, const rules::Decision& decision,
                             Weigering weigering);

}  // namespace jh::services
