#include "http/problem.h"

#include <nlohmann/json.hpp>
#include <string>

namespace jh::http {

namespace {

constexpr std::string_view kTypeBase = "https://jeugdhulp.example/problemen/";

struct Kind {
  std::string_view slug;
  std::string_view title;
};

// The problem type and Dutch title. A refusal that names a rule is one type whatever its
// status (403 or 422), so clients can branch on `type` and read `regel` for the reason.
Kind KindFor(const Error& error) {
  bool rule = !error.rule.empty();
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      return {"ongeldige-invoer", "Ongeldige invoer"};
    case ErrorCode::kUnauthenticated:
      return {"niet-geauthenticeerd", "Niet geauthenticeerd"};
    case ErrorCode::kForbidden:
      if (rule) return {"regel-geweigerd", "Geweigerd op grond van een regel"};
      return {"geen-toegang", "Geen toegang"};
    case ErrorCode::kNotFound:
      return {"niet-gevonden", "Niet gevonden"};
    case ErrorCode::kMethodNotAllowed:
      return {"methode-niet-toegestaan", "Methode niet toegestaan"};
    case ErrorCode::kNotAcceptable:
      return {"niet-aanvaardbaar", "Gevraagde vorm niet beschikbaar"};
    case ErrorCode::kConflict:
      return {"conflict", "Conflict met de huidige toestand"};
    case ErrorCode::kPayloadTooLarge:
      return {"te-groot", "Verzoek te groot"};
    case ErrorCode::kUnsupportedMediaType:
      return {"mediatype", "Mediatype niet ondersteund"};
    case ErrorCode::kUnprocessable:
      if (rule) return {"regel-geweigerd", "Geweigerd op grond van een regel"};
      return {"onverwerkbaar", "Inhoud niet verwerkbaar"};
    case ErrorCode::kHeaderTooLarge:
      return {"header-te-groot", "Headers te groot"};
    case ErrorCode::kUnavailable:
      return {"niet-beschikbaar", "Tijdelijk niet beschikbaar"};
    case ErrorCode::kInternal:
      return {"interne-fout", "Interne fout"};
  }
  return {"interne-fout", "Interne fout"};
}

}  // namespace

int StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kMethodNotAllowed:
      return 405;
    case ErrorCode::kNotAcceptable:
      return 406;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kUnprocessable:
      return 422;
    case ErrorCode::kHeaderTooLarge:
      return 431;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;  // an out-of-range enum value is a defect, not the caller's fault
}

namespace {

// A path segment that may stand in an answer as sent: a UUID, or one without five digits in a
// row. Anything longer of digits may be a BSN a client typed into the URL (BSN-02: never in an
// error message), so the instance names it "{waarde}" instead.
bool SafeSegment(std::string_view segment) {
  if (segment.size() == 36 && segment[8] == '-' && segment[13] == '-' && segment[18] == '-' &&
      segment[23] == '-') {
    return true;
  }
  int run = 0;
  for (char c : segment) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= 5) return false;
  }
  return true;
}

std::string SafeInstance(std::string_view path) {
  std::string out;
  size_t start = 0;
  for (;;) {
    const size_t end = path.find('/', start);
    const std::string_view segment =
        path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += SafeSegment(segment) ? std::string(segment) : "{waarde}";
    if (end == std::string_view::npos) return out;
    out += '/';
    start = end + 1;
  }
}

}  // namespace

Response ProblemResponse(const Error& error, std::string_view instance) {
  Kind kind = KindFor(error);
  int status = StatusFor(error.code);
  nlohmann::json body = nlohmann::json::object();
  body["type"] = std::string(kTypeBase) + std::string(kind.slug);
  body["title"] = std::string(kind.title);
  body["status"] = status;
  if (!error.message.empty()) body["detail"] = error.message;
  if (!instance.empty()) body["instance"] = SafeInstance(instance);
  if (!error.rule.empty()) body["regel"] = error.rule;
  if (!error.ground.empty()) body["grondslag"] = error.ground;
  if (!error.invalid_params.empty()) {
    nlohmann::json params = nlohmann::json::array();
    for (const InvalidParam& p : error.invalid_params) {
      params.push_back({{"name", p.name}, {"code", p.code}, {"reason", p.reason}});
    }
    body["invalidParams"] = std::move(params);
  }
  Response response;
  response.status = status;
  response.content_type = "application/problem+json";
  // `replace`: a message or instance may carry client bytes that are not valid UTF-8;
  // dumping must not throw on them.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (status == 401) {
    // RFC 9110 §11.6.1: a 401 names the scheme the client should use.
    response.headers.emplace_back("WWW-Authenticate", "Bearer");
  }
  return response;
}

}  // namespace jh::http
