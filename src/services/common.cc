#include "services/common.h"

namespace jh::services {

Error UnknownReference(std::string field, const std::string& what) {
  Error e;
  e.code = ErrorCode::kUnprocessable;
  e.message = what + " bestaat niet.";
  e.invalid_params.push_back({std::move(field), "onbekend", e.message});
  return e;
}

Error Inconsistent(std::string field, std::string code, std::string reason) {
  Error e;
  e.code = ErrorCode::kUnprocessable;
  e.message = reason;
  e.invalid_params.push_back({std::move(field), std::move(code), std::move(reason)});
  return e;
}

}  // namespace jh::services
