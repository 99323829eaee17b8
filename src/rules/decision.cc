#include "rules/decision.h"

namespace jh::rules {

Error AsForbidden(const Decision& d) {
  return Error::Forbidden(std::string(d.rule), std::string(d.ground), d.reason);
}

Error AsUnprocessable(const Decision& d) {
  return Error::Unprocessable(std::string(d.rule), std::string(d.ground), d.reason);
}

}  // namespace jh::rules
