// The API: every endpoint is one Operation, declared once with its access rule, body schema,
// query parameters and responses. From that one declaration come the route, authentication,
// the role check, strict body validation, the error mapping and the OpenAPI document, so the
// served documentation cannot drift from what the server does.
//
// Pipeline for a request (Api::Handle): route → authenticate (401) → role (403) → query
// parameters (400) → Accept (406, where the operation asks) → content type (415) → body
// schema (400) → handler → JSON or problem+json.
// A handler returns Result<Reply>; its Error becomes problem+json in http/problem.cc.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/actor.h"
#include "core/schema.h"
#include "http/message.h"
#include "http/metrics.h"
#include "http/negotiation.h"
#include "http/query_check.h"
#include "http/router.h"
#include "rules/decision.h"
#include "services/env.h"

namespace jh::api {

using Json = nlohmann::json;

enum class Access {
  kPublic,      // no token
  kMedewerker,  // a medewerker token (roles below)
  kBurger,      // a burger token
  // A burger token, or a medewerker token with one of the roles: a resource both sides of a
  // relation read (a request: its requester and its handler); the service decides per item.
  kBurgerOfMedewerker,
  kAnyToken,  // any token, medewerker or burger (nothing role-bound: who am I, a directory)
};

struct Call {
  http::Request& request;
  const auth::Actor* actor;  // nullptr on public operations
  Json body;                 // the validated body, or null
  services::Env& env;        // per request: carries the actor and the audit trail
  std::string media;         // the negotiated response media type ("" = JSON), see Operation

  const std::string& Param(const std::string& name) const { return request.params.at(name); }
  // A validated integer query parameter, or `fallback` when absent.
  int64_t IntQuery(const std::string& name, int64_t fallback) const;
};

struct Reply {
  int status = 200;
  Json body;
  std::string raw;           // used instead of body when content_type is not JSON
  std::string content_type;  // "" = application/json
  std::vector<std::pair<std::string, std::string>> headers;

  static Reply Ok(Json body) { return Reply{200, std::move(body), {}, {}, {}}; }
  static Reply Created(Json body) { return Reply{201, std::move(body), {}, {}, {}}; }
};

struct Operation {
  std::string method;
  std::string path;  // full path template, e.g. "/api/v1/organisaties/{id}"
  std::string operation_id;
  std::string tag;
  std::string summary;
  Access access = Access::kMedewerker;
  std::vector<std::string> roles;  // medewerker roles allowed; empty = every medewerker
  // Where API.md names the rule that refuses "anyone else": that rule, judged for a caller
  // this route is not for (a burger on a medewerker's route, say) with his role ("" for a
  // burger), so that every refusal of the route names it. Unset: a plain 403.
  std::function<rules::Decision(std::string_view rol)> others_rule;
  bool id_is_uuid = true;  // documents the {id} path parameter as a UUID
  schema::NodePtr body;    // request body schema; nullptr = no body
  std::vector<QueryParam> query;
  int success = 200;
  schema::NodePtr response;                     // success body schema (JSON); nullptr = none/raw
  std::string response_media;                   // non-JSON success media type (e.g. text/plain)
  std::vector<Representation> representations;  // other forms of the JSON response (Accept)
  std::vector<int> errors;                      // extra documented statuses (409, 422, ...)
  // 406 when Accept names neither JSON nor a representation, instead of JSON: for a route
  // whose other form is an exchange format (JW323), where a client that asked for a format
  // must not take JSON for it.
  bool not_acceptable = false;
  std::function<Result<Reply>(Call&)> handle;
};

// An others_rule for a route whose who-may rule needs no fact beyond the caller's kind and
// role: it is asked only about callers the route is not for, so it refuses every one of them
// with `rule` — RULES.md wants every refusal to name the rule that governs it.
inline std::function<rules::Decision(std::string_view)> RefusedBy(std::string_view rule,
                                                                  std::string_view ground) {
  return [rule, ground](std::string_view) {
    return rules::Decision::Refuse(rule, ground, "Deze rol mag dit niet.");
  };
}

class Api {
 public:
  // `audit` false (benchmarks only, `serve --bench-no-audit`): requests run without an audit
  // trail, so nothing is written to the processing and decision logs. It exists to measure
  // what logging costs; a server that serves people must never run so.
  Api(services::Env env, http::Metrics* metrics, std::string api_version, bool audit = true);

  // Registers an operation. Registering the same method and path twice is a defect.
  void Add(Operation op);

  // The whole pipeline; never throws. `as` overrides authentication (CLI administration
  // runs in-process as the system actor).
  http::Response Handle(http::Request& request, const auth::Actor* as = nullptr);

  const std::vector<std::shared_ptr<Operation>>& operations() const { return ops_; }
  http::Metrics* metrics() const { return metrics_; }
  const std::string& api_version() const { return api_version_; }
  services::Env& env() { return env_; }

 private:
  Result<Reply> Dispatch(http::Request& request, const Operation& op, const auth::Actor* as);

  services::Env env_;
  http::Metrics* metrics_;
  std::string api_version_;
  bool audit_ = true;  // false only for benchmarks, see the constructor
  http::Router router_;
  std::vector<std::shared_ptr<Operation>> ops_;
};

// The OpenAPI 3.0 document of every registered operation (ADR-conformant).
Json OpenApiDocument(const Api& api);

// Registration per area (http/handlers/*.cc).
void RegisterSystem(Api& api);
void RegisterOrganisaties(Api& api);
void RegisterMedewerkers(Api& api);
void RegisterPersonen(Api& api);
void RegisterGemeenten(Api& api);
void RegisterLogboek(Api& api);
void RegisterVerwijsindex(Api& api);
void RegisterVerwijsindexBeheer(Api& api);
void RegisterWebhooks(Api& api);
void RegisterVeiligThuis(Api& api);
void RegisterVeiligThuisStappen(Api& api);
void RegisterInformatieverzoeken(Api& api);  // as the asked organisation
void RegisterJeugdhulp(Api& api);            // verwijzingen, toegangsbesluiten, toewijzingen
void RegisterDossiers(Api& api);
void RegisterDeclaraties(Api& api);
void RegisterStatistieken(Api& api);
void RegisterVerzoeken(Api& api);
void RegisterKlachten(Api& api);
void RegisterAccess(Api& api);  // the AuthZEN evaluation API, outside /api/v1
void RegisterSessie(Api& api);  // who the token belongs to, and the organisation directory

// Every area above, in order.
void RegisterAll(Api& api);

}  // namespace jh::api
