#include "services/enforce.h"

#include "services/write.h"

namespace jh::services {

Status Enforce(Env& env, const std::string& action, const std::string& resource_type,
               const std::string& resource_id, const rules::Decision& decision,
               Weigering weigering) {
  if (weigering == Weigering::kVerboden || !decision.allowed) {
    Decide(env, audit::Decision{action, resource_type, resource_id, decision.allowed,
                                std::string(decision.rule), std::string(decision.ground),
                                decision.reason});
  }
  if (decision.allowed) return {};
  return weigering == Weigering::kVerboden ? rules::AsForbidden(decision)
                                           : rules::AsUnprocessable(decision);
}

}  // namespace jh::services
