// Operational endpoints: health, metrics and the OpenAPI document. No authentication; none
// of them returns personal data.
#include <mutex>
#include <numeric>
#include <optional>

#include "http/handlers/common.h"
#include "http/heap_stats.h"
#include "http/metrics.h"

namespace jh::api {

namespace {

// The store's counters. memory_bytes lets a soak tell SQLite's page caches filling up (which
// serve bounds) from memory that grows with every request.
std::string StoreMetrics(const store::StoreStats& s) {
  auto metric = [](const char* name, const char* type, const char* help, int64_t value) {
    return std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
           name + " " + std::to_string(value) + "\n";
  };
  return metric("jeugdhulp_store_commits_total", "counter",
                "Write transactions committed (each one flush).", s.commits) +
         metric("jeugdhulp_store_failed_batches_total", "counter",
                "Write transactions that could not begin or commit.", s.failed_batches) +
         metric("jeugdhulp_store_pending_writes", "gauge", "Writes queued for the store's writer.",
                s.pending) +
         metric("jeugdhulp_store_memory_bytes", "gauge",
                "Memory the store library holds in this process (SQLite: mostly its bounded "
                "page caches; 0 on PostgreSQL).",
                s.memory_bytes) +
         metric("jeugdhulp_store_background_checkpoints_total", "counter",
                "WAL checkpoints run off the writer thread (SQLite).", s.background_checkpoints) +
         metric("jeugdhulp_store_inline_checkpoints_total", "counter",
                "WAL checkpoints the writer ran itself because the WAL reached its hard limit; "
                "growing steadily means the background checkpoints cannot keep up.",
                s.inline_checkpoints) +
         "# HELP jeugdhulp_store_commit_seconds How long a write transaction's COMMIT took "
         "(SQLite: the WAL write, its fsync and any checkpoint the writer ran).\n"
         "# TYPE jeugdhulp_store_commit_seconds histogram\n" +
         http::RenderHistogram(
             "jeugdhulp_store_commit_seconds", "", store::kCommitBucketsSeconds, s.commit_durations,
             std::accumulate(s.commit_durations.begin(), s.commit_durations.end(), uint64_t{0}),
             s.commit_seconds_sum);
}

// The C heap over all of glibc's arenas (http/heap_stats.h): bytes handed out and not freed,
// and bytes the allocator holds from the system. In use growing with requests is a leak;
// only held growing is the allocator's fragmentation. Absent where malloc_info is not.
std::string HeapMetrics() {
  const std::optional<http::HeapStats> heap = http::CurrentHeapStats();
  if (!heap) return {};
  auto metric = [](const char* name, const char* help, size_t value) {
    return std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " gauge\n" + name +
           " " + std::to_string(value) + "\n";
  };
  return metric("jeugdhulp_heap_in_use_bytes", "C heap bytes allocated and not freed.",
                heap->in_use) +
         metric("jeugdhulp_heap_held_bytes", "C heap bytes the allocator holds from the system.",
                heap->held);
}

}  // namespace

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
           .handle = [metrics](Call& c) -> Result<Reply> {
             Reply r;
             r.content_type = "text/plain; version=0.0.4; charset=utf-8";
             r.raw = metrics != nullptr ? metrics->Render() : "";
             r.raw += StoreMetrics(c.env.store.Stats()) + HeapMetrics();
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
