#include "http/api.h"

#include <algorithm>
#include <map>

#include "auth/authenticator.h"
#include "core/log.h"
#include "http/negotiation.h"
#include "http/problem.h"
#include "http/query_check.h"
#include "services/write.h"

namespace jh::api {

namespace {

Status Refuse(const Operation& op, const auth::Actor& actor, std::string message) {
  if (op.others_rule) {
    const rules::Decision d = op.others_rule(actor.IsMedewerker() ? actor.rol : "");
    if (!d.allowed) return Error::Forbidden(std::string(d.rule), std::string(d.ground), message);
  }
  return Error::Forbidden("", "", std::move(message));
}

Status Authorize(const Operation& op, const auth::Actor& actor) {
  if (actor.kind == auth::ActorKind::kSystem) return {};
  if (op.access == Access::kAnyToken) return {};  // authenticated is enough
  if (op.access == Access::kBurgerOfMedewerker && actor.IsBurger()) return {};
  if (op.access == Access::kBurger) {
    if (!actor.IsBurger()) return Refuse(op, actor, "Dit kan alleen met een token van een burger.");
    return {};
  }
  if (!actor.IsMedewerker()) {
    return Refuse(op, actor, "Dit kan alleen met een token van een medewerker.");
  }
  if (!op.roles.empty() &&
      std::find(op.roles.begin(), op.roles.end(), actor.rol) == op.roles.end()) {
    std::string roles;
    for (const auto& r : op.roles) roles += (roles.empty() ? "" : ", ") + r;
    return Refuse(op, actor, "Dit is voorbehouden aan de rol: " + roles + ".");
  }
  return {};
}

http::Response ToResponse(Reply&& reply) {
  http::Response r;
  r.status = reply.status;
  if (reply.content_type.empty()) {
    r.content_type = "application/json";
    r.body =
        reply.body.is_null() ? "" : reply.body.dump(-1, ' ', false, Json::error_handler_t::replace);
  } else {
    r.content_type = reply.content_type;
    r.body = std::move(reply.raw);
  }
  r.headers = std::move(reply.headers);
  return r;
}

}  // namespace

int64_t Call::IntQuery(const std::string& name, int64_t fallback) const {
  std::string v = request.QueryParam(name);
  if (v.empty()) return fallback;
  int64_t n = 0;
  for (char c : v) n = n * 10 + (c - '0');  // validated by CheckQuery
  return n;
}

Api::Api(services::Env env, http::Metrics* metrics, std::string api_version, bool audit)
    : env_(env), metrics_(metrics), api_version_(std::move(api_version)), audit_(audit) {}

void Api::Add(Operation op) {
  auto shared = std::make_shared<Operation>(std::move(op));
  router_.Add(shared->method, shared->path, [](http::Request&) { return http::Response{}; });
  ops_.push_back(std::move(shared));
}

namespace {
// "personen" for "/api/v1/personen/{id}/gezagsrelaties": the resource kind in the ADL.
std::string ResourceType(const std::string& path) {
  std::string rest = path.rfind("/api/v1/", 0) == 0 ? path.substr(8) : path.substr(1);
  return rest.substr(0, rest.find('/'));
}

// The path's id as the decision log records it. That log is a hash chain: what it holds can
// be neither rewritten nor shredded. So a value that is not an id of the route's own form — a
// BSN a client typed into the URL, say (BSN-02) — is recorded as "ongeldig", never as sent.
// The route then refuses the id itself (404 or 400).
std::string LoggedId(const Operation& op, const std::string& id) {
  if (op.id_is_uuid) return schema::UuidFormat().check(id).empty() ? id : "ongeldig";
  // Other ids are names from the register, such as "vir-registratie": lowercase and hyphens.
  const bool name = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return c == '-' || (c >= 'a' && c <= 'z');
  });
  return name ? id : "ongeldig";
}
}  // namespace

Result<Reply> Api::Dispatch(http::Request& req, const Operation& op, const auth::Actor* as) {
  std::optional<auth::Actor> actor;
  if (as != nullptr) {
    actor = *as;
  } else if (op.access != Access::kPublic) {
    JH_ASSIGN_OR_RETURN(
        actor, auth::Authenticate(env_.store, req.Header("authorization"), env_.clock.Today()));
  }
  const auth::Actor* who = actor ? &*actor : nullptr;
  // Without a trail (benchmark-only --bench-no-audit) Decide, Processed and FlushTrail are
  // no-ops, so the difference in throughput is exactly the cost of the logs.
  std::optional<audit::Trail> trail;
  if (audit_) {
    trail.emplace(audit::TraceIds{req.trace.trace_id, req.trace.span_id, req.trace.parent_span_id},
                  who, env_.vault, env_.clock);
  }
  audit::Trail* request_trail = trail ? &*trail : nullptr;
  services::Env env{env_.store, env_.vault, env_.clock, request_trail, who, env_.ledger};

  Result<Reply> result = [&]() -> Result<Reply> {
    if (who != nullptr && op.access != Access::kPublic) {
      Status allowed = Authorize(op, *who);
      auto id = req.params.find("id");
      services::Decide(
          env, audit::Decision{
                   op.operation_id, ResourceType(op.path),
                   id == req.params.end() ? "" : LoggedId(op, id->second), allowed.ok(), "", "",
                   allowed.ok() ? "rol " + who->rol + " toegestaan" : allowed.error().message});
      JH_TRY(allowed);
    }
    JH_TRY(CheckQuery(req.query, op.query));
    if (op.not_acceptable && !Acceptable(req.Header("accept"), op.representations)) {
      Error e;
      e.code = ErrorCode::kNotAcceptable;
      e.message = "Dit antwoord is er alleen als application/json";
      for (const auto& r : op.representations) e.message += " of " + r.media_type;
      e.message += ".";
      return e;
    }
    Json body;
    if (op.body) {
      if (!IsJsonMediaType(req.Header("content-type"))) {
        Error e;
        e.code = ErrorCode::kUnsupportedMediaType;
        e.message = "De inhoud moet application/json zijn.";
        return e;
      }
      JH_ASSIGN_OR_RETURN(body, schema::Decode(*op.body, req.body));
    } else if (!req.body.empty()) {
      return Error::Invalid("body", "geen-inhoud", "Dit verzoek heeft geen inhoud.");
    }
    Call call{req, who, std::move(body), env,
              NegotiateMedia(req.Header("accept"), op.representations)};
    return op.handle(call);
  }();
  // Nothing is answered before its log records are durable: if they cannot be written, the
  // caller gets 503 (the handler's own writes, if any, committed together with its records).
  JH_TRY(services::FlushTrail(env));
  return result;
}

http::Response Api::Handle(http::Request& req, const auth::Actor* as) {
  http::Response response;
  try {
    auto match = router_.Find(req.method, req.path);
    if (match.kind == http::Router::MatchKind::kNotFound) {
      req.route = "unmatched";
      response = http::ProblemResponse(Error::NotFound("Deze URL bestaat niet."), req.path);
    } else if (match.kind == http::Router::MatchKind::kMethodNotAllowed) {
      req.route = match.route;
      Error e;
      e.code = ErrorCode::kMethodNotAllowed;
      e.message = "Deze methode is hier niet toegestaan.";
      response = http::ProblemResponse(e, req.path);
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      response.headers.emplace_back("Allow", allow);
    } else {
      req.route = match.route;
      req.params = std::move(match.params);
      auto it = std::find_if(ops_.begin(), ops_.end(), [&](const auto& op) {
        return op->method == req.method && op->path == req.route;
      });
      Result<Reply> reply = Dispatch(req, **it, as);
      response = reply.ok() ? ToResponse(std::move(reply).value())
                            : http::ProblemResponse(reply.error(), req.path);
    }
  } catch (const std::exception& e) {
    // A defect, never user input: the message may hold internals, so it goes to the log
    // (which never receives request bodies) and the caller gets a generic 500.
    log::Error("handler-exception", {{"route", req.route}, {"what", e.what()}});
    response = http::ProblemResponse(Error::Internal("Er ging iets mis aan onze kant."), req.path);
  }
  return response;
}

void RegisterAll(Api& api) {
  RegisterSystem(api);
  RegisterOrganisaties(api);
  RegisterMedewerkers(api);
  RegisterPersonen(api);
  RegisterGemeenten(api);
  RegisterLogboek(api);
  RegisterVerwijsindex(api);
  RegisterVerwijsindexBeheer(api);
  RegisterVeiligThuis(api);
  RegisterVeiligThuisStappen(api);
  RegisterInformatieverzoeken(api);
  RegisterWebhooks(api);
  RegisterJeugdhulp(api);
  RegisterDossiers(api);
  RegisterDeclaraties(api);
  RegisterStatistieken(api);
  RegisterVerzoeken(api);
  RegisterKlachten(api);
  RegisterAccess(api);
  RegisterSessie(api);
}

}  // namespace jh::api
