// RFC 9457 problem+json, the single place where an Error becomes an HTTP status and body.
#pragma once

#include <string_view>

#include "core/result.h"
#include "http/message.h"

namespace jh::http {

// The status code for an error code (kInvalidArgument → 400, ..., kUnavailable → 503).
int StatusFor(ErrorCode code);

// An application/problem+json response: type, title, status, detail, instance and, when
// set, regel, grondslag and invalidParams. `instance` is the request path (never a query
// string, which could hold personal data), with every segment of five or more digits in a row
// (other than in a UUID) replaced by "{waarde}": it may be a BSN typed into the URL.
Response ProblemResponse(const Error& error, std::string_view instance);

}  // namespace jh::http
