// The authorisation matrix as data (tests/authz/): matrix.tsv says, per route of the route
// table and per caller (every medewerker role of API.md, a burger, another burger, no token,
// an invalid token), which outcome class the request must have; requests.tsv says how to call the
// route. The expectations are written down by hand from RULES.md and API.md — never derived
// from the `roles` of an Operation, which is what they check.
//
// Outcome classes:
//   allow        the who-may checks let the caller through: any status but 401, 403, 404
//                and 5xx (2xx, 400, 409, 422 are all "allowed, and then answered")
//   403          refused without a rule: the caller's kind or role may not use the route
//   403:RULE     refused by that rule (`regel` in the problem), e.g. 403:VIR-02
//   404          the object named in the path exists, but this caller may not know of it
//   onbekend     the same for an object named in the body: 422 with an invalid parameter
//                of code "onbekend" (e.g. a provider billing another provider's assignment)
//   401          no or unknown token
#pragma once

#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "support/http_client.h"

namespace jh::testing {

struct AuthzRoute {
  std::string method;
  std::string path;                           // the route template, as in the route table
  std::string target;                         // with ${name} placeholders
  std::string body;                           // JSON with ${name} placeholders, or "" for none
  std::map<std::string, std::string> expect;  // column → outcome class
};

struct AuthzTables {
  std::vector<std::string> columns;  // the callers, in matrix.tsv's order
  std::vector<AuthzRoute> routes;    // in matrix.tsv's order
  std::vector<std::string> errors;   // what is wrong with the files; empty when they agree
};

// Names the route in GoogleTest's messages (instead of a byte dump).
void PrintTo(const AuthzRoute& route, std::ostream* os);

// Reads matrix.tsv and requests.tsv from `dir` and joins them by method and path.
AuthzTables LoadAuthzTables(const std::filesystem::path& dir);

// The outcome class of a response (see above); "error <status>" for anything unexpected.
std::string OutcomeClass(const HttpResponse& response);

// Replaces every ${name} by vars[name]; an unknown name is left as is (and so fails the
// request with 404 or 400, which the matrix reports).
std::string Substitute(const std::string& text, const std::map<std::string, std::string>& vars);

// A GoogleTest-safe name for a route: "POST_api_v1_dossiers_id_aantekeningen".
std::string RouteTestName(const std::string& method, const std::string& path);

}  // namespace jh::testing
