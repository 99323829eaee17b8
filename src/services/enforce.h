// Asking a rule and living by its answer; a refusal becomes the error the caller gets,
// naming the rule and its legal ground. What goes into the decision log (ADL):
//   - who-may rules (kVerboden: VIR-02, VIR-08, VIR-09, …) are authorisation decisions and
//     are logged whether they allow or refuse;
//   - content rules (kOnverwerkbaar: an age, a missing statement) decide about the request's
//     content, not about the caller: they are logged when they refuse, so every refusal can
//     be traced to its rule, but an allowing content check adds no record.
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
