#include "core/result.h"

namespace jh {

Error Error::Invalid(std::string field, std::string code, std::string reason) {
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.message = "Het verzoek bevat een ongeldig veld: " + field + ".";
  e.invalid_params.push_back({std::move(field), std::move(code), std::move(reason)});
  return e;
}

Error Error::Unauthenticated(std::string message) {
  return Error{ErrorCode::kUnauthenticated, std::move(message), {}, {}, {}};
}

Error Error::Forbidden(std::string rule, std::string ground, std::string message) {
  return Error{ErrorCode::kForbidden, std::move(message), std::move(rule), std::move(ground), {}};
}

Error Error::NotFound(std::string message) {
  return Error{ErrorCode::kNotFound, std::move(message), {}, {}, {}};
}

Error Error::Conflict(std::string message) {
  return Error{ErrorCode::kConflict, std::move(message), {}, {}, {}};
}

Error Error::Unprocessable(std::string rule, std::string ground, std::string message) {
  return Error{
      ErrorCode::kUnprocessable, std::move(message), std::move(rule), std::move(ground), {}};
}

Error Error::Unavailable(std::string message) {
  return Error{ErrorCode::kUnavailable, std::move(message), {}, {}, {}};
}

Error Error::Internal(std::string message) {
  return Error{ErrorCode::kInternal, std::move(message), {}, {}, {}};
}

}  // namespace jh
