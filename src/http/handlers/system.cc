// Operational endpoints: health, metrics and the OpenAPI document. No authentication; none
// of them returns personal data.
#include <mutex>

#include "http/handlers/common.h"

namespace jh::api {

void RegisterSystem(Api& api) {
  using namespace schema;
  api.Add({.method = "GET",
           .path = "/health",
           .operation_id = "getHealth",
           .tag = "Systeem",
           .summary = "Gezondheid van de dienst",
           .access = Access::kPublic,
           .response = Object({Req("status", Enum("Altijd ok als de dienst antwoordt.", {"ok"}))}),
           .handle = [](Call&) -> Result<Reply> {
             return Reply::Ok(Json{{"status", "ok"}});
           }});
  http::Metrics* metrics = api.metrics();
  api.Add({.method = "GET",
           .path = "/metrics",
           .operation_id = "getMetrics",
           .tag = "Systeem",
           .summary = "Prometheus-metrieken",
           .access = Access::kPublic,
           .response_media = "text/plain",
           .handle = [metrics](Call&) -> Result<Reply> {
             Reply r;
             r.content_type = "text/plain; version=0.0.4; charset=utf-8";
             r.raw = metrics != nullptr ? metrics->Render() : "";
             return r;
           }});
  // The document is built on first request, when every area has registered.
  auto once = std::make_shared<std::once_flag>();
  auto doc = std::make_shared<std::string>();
  const Api* self = &api;
  api.Add({.method = "GET",
           .path = "/api/v1/openapi.json",
           .operation_id = "getOpenApi",
           .tag = "Systeem",
           .summary = "Dit OpenAPI-document",
           .access = Access::kPublic,
           .response = FreeObject("Het OpenAPI 3.0-document."),
           .handle = [once, doc, self](Call&) -> Result<Reply> {
             std::call_once(*once, [&] { *doc = OpenApiDocument(*self).dump(); });
             Reply r;
             r.content_type = "application/json";
             r.raw = *doc;
             return r;
           }});
}

}  // namespace jh::api
