// Running the server: opens the data directory, wires the API into the HTTP server, runs the
// webhook delivery worker beside it, logs one
// JSON line per request (method, route template, status, duration, trace id — never a body,
// a query string or a token), and stops gracefully on SIGTERM or SIGINT.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "app/data_dir.h"
#include "app/webhook_worker.h"
#include "core/date.h"
#include "http/server.h"
#include "services/env.h"

namespace jh::app {

struct ServeOptions {
  DataDir dir;
  http::ServerOptions http;
  std::optional<Date> today;
  bool group_commit = true;
  // SQLite's page cache of the writer connection, which serve takes from one pool resident
  // from the start (store/sqlite_page_pool.h). 256 MiB holds the index pages of the national
  // scale's 4.5 million persons; the integration tests, whose stores hold a few hundred rows,
  // start their many servers with 8 (`serve --cache-mib`).
  int writer_cache_mib = 256;
  // Benchmarks only (`serve --bench-no-audit`): no processing or decision logs at all, to
  // measure their cost. Serve warns loudly on stderr when it is set.
  bool bench_no_audit = false;
  // Tests only (`serve --test-rerun-batches`): SqliteOptions/PgOptions::rerun_batches.
  bool test_rerun_batches = false;
  // The webhook delivery worker (tests shorten its back-off: `--webhook-backoff-ms`).
  WebhookWorkerOptions webhooks;
};

// Serves until SIGTERM/SIGINT. Prints "LISTENING=host:port" on stdout once bound (scripts and
// tests read it). `before_serve` runs after the store is open and before the port is bound
// (the demo seeds its region there). Returns the process exit code.
int Serve(const ServeOptions& options,
          const std::function<Status(services::Env&)>& before_serve = {});

// Gives the SQLite page caches of a server with these options one pool instead of malloc
// (store/sqlite_page_pool.h). SQLite takes the pool only before it starts, so a command that
// opens the store itself before it serves (the demo's first initialisation) calls this
// first; Serve calls it too. Does nothing on PostgreSQL or when the pool is in place; when
// SQLite has already started it logs that the caches use malloc, and the server runs on.
void UseServePagePool(const ServeOptions& options);

// Parses "HOST:PORT". Errors: kInvalidArgument.
[[nodiscard]] Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& text);

}  // namespace jh::app
