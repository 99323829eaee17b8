// Result<T>: a value or an Error. Expected failures (bad input, a rule that refuses,
// an unknown id, a store that is unavailable) travel as values, never as exceptions.
// The HTTP layer maps ErrorCode to a status code in exactly one place (http/problem.cc).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace jh {

enum class ErrorCode {
  kInvalidArgument,       // 400: malformed, wrong type, unknown or forbidden field
  kUnauthenticated,       // 401: no or unknown token
  kForbidden,             // 403: the caller may not do this (rule names why)
  kNotFound,              // 404: unknown id, or an id the caller may not know of
  kMethodNotAllowed,      // 405
  kNotAcceptable,         // 406: Accept names no form the operation can answer
  kConflict,              // 409: conflicts with the current state
  kPayloadTooLarge,       // 413
  kUnsupportedMediaType,  // 415
  kUnprocessable,         // 422: content breaks a rule (rule names it)
  kHeaderTooLarge,        // 431
  kUnavailable,           // 503: store or disk failed; nothing was written
  kInternal,              // 500: a defect; never caused by user input
};

// One offending input field, as in the problem+json member `invalidParams`.
struct InvalidParam {
  std::string name;    // JSON pointer-ish field name, e.g. "adres.postcode"
  std::string code;    // short machine code, e.g. "elfproef", "verplicht", "type"
  std::string reason;  // human-readable Dutch explanation; never echoes a BSN
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // detail for the caller; must never contain a BSN (BSN-02)
  std::string rule;     // RULES.md id ("VIR-02") when a rule refused, else empty
  std::string ground;   // legal source of that rule ("Jw 7.1.1.2"), else empty
  std::vector<InvalidParam> invalid_params;

  static Error Invalid(std::string field, std::string code, std::string reason);
  static Error Unauthenticated(std::string message);
  static Error Forbidden(std::string rule, std::string ground, std::string message);
  static Error NotFound(std::string message);
  static Error Conflict(std::string message);
  static Error Unprocessable(std::string rule, std::string ground, std::string message);
  static Error Unavailable(std::string message);
  static Error Internal(std::string message);
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& {
    assert(!ok_);
    return error_;
  }
  Error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

}  // namespace jh

// Propagates an error from an expression returning Result<...>.
#define JH_TRY(expr)                                          \
  do {                                                        \
    auto jh_try_r_ = (expr);                                  \
    if (!jh_try_r_.ok()) return std::move(jh_try_r_).error(); \
  } while (0)

#define JH_CONCAT_INNER(a, b) a##b
#define JH_CONCAT(a, b) JH_CONCAT_INNER(a, b)
// Declares `lhs` from the value of a Result expression, or returns its error. `lhs` may be a
// declaration ("auto x"), so it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define JH_ASSIGN_OR_RETURN(lhs, expr) \
  JH_ASSIGN_OR_RETURN_IMPL(JH_CONCAT(jh_aor_, __LINE__), lhs, expr)
#define JH_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return std::move(tmp).error();  \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
