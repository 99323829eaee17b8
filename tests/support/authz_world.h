// The world the authorisation matrix (tests/authz/) runs in: one municipality (GM0363, access
// through its wijkteam) with a medewerker of every role of API.md in the organisation that
// role belongs to — each designated meldingsbevoegde, each organisation with a convenant —
// and four roles again in another organisation (another provider, Rotterdam's municipality
// and Veilig Thuis); a burger (a youth of 17) and another burger; and one existing object of
// every kind a route can name: a registration and a signal, Veilig Thuis cases with an
// investigation and an information request, a referral, an assignment started with consent,
// a care dossier, a bill, a request and a complaint. The server must run with --today
// 2026-07-01.
//
// Objects a request changes or destroys (an erased person, a removed registration, a closed
// case, a stopped assignment) are separate ones, and everything a route needs is made here,
// so each route's outcome is the same whether the routes run in one process in any order or
// each alone (as ctest runs them).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "support/authz_tables.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace jh::testing {

struct AuthzWorld {
  // Bearer token per column of the matrix: every medewerker role; four roles of another
  // organisation ("jeugdhulpverlener-elders": a provider without contract or assignment;
  // "regievoerder-elders", "gemeentemedewerker-elders", "vt-medewerker-elders": Rotterdam,
  // GM0599); "burger" (the youth who made the requests and the complaint); "andere-burger"
  // (a neighbour with authority over nobody here); "geen" (no token); "ongeldig" (a
  // well-formed token the server never issued).
  std::map<std::string, std::string> tokens;
  // Ids and values the request table names as ${name}.
  std::map<std::string, std::string> vars;
};

// Builds the world over HTTP; fails the current test (ADD_FAILURE) when a step is refused.
AuthzWorld BuildAuthzWorld(HttpClient& client, const std::string& beheerder);

// A server on 2026-07-01 with the world built, for a test suite whose tests share it (its
// SetUpTestSuite starts one, TearDownTestSuite drops it). Null when the server did not start.
struct AuthzWorldServer {
  static std::unique_ptr<AuthzWorldServer> Start();
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<HttpClient> client;
  AuthzWorld world;
};

// The tables of tests/authz/ in this source tree, read once.
const AuthzTables& RepositoryAuthzTables();

}  // namespace jh::testing
