#include "app/serve.h"

#include <signal.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <thread>

#include "app/purge.h"
#include "core/log.h"
#include "http/api.h"
#include "http/web.h"
#include "store/sqlite_page_pool.h"

namespace jh::app {

namespace {

// The request line's method as the access log writes it: one of HTTP's own, or "?". Anything
// else is whatever a client typed, which may be a BSN (BSN-02); the log never copies it.
std::string LoggedMethod(const std::string& method) {
  static constexpr std::array<std::string_view, 9> kKnown = {
      "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"};
  return std::find(kKnown.begin(), kKnown.end(), method) != kKnown.end() ? method : "?";
}

store::SqliteOptions SqliteOptionsFor(const ServeOptions& options) {
  store::SqliteOptions store_options;
  store_options.group_commit = options.group_commit;
  store_options.rerun_batches = options.test_rerun_batches;
  // Every request touches index pages with random keys (ids, keyed hashes, pseudonyms); with
  // SQLite's 2 MiB default they fall out of the cache and each commit reads and writes them
  // through the OS. The server's working set fits comfortably in the writer's. A reader's
  // cache lives only as long as its read transaction while anything is written (WAL empties
  // it when the database changed, sqlite_page_pool.h), so 8 MiB, ample for one request.
  store_options.writer_cache_kib = options.writer_cache_mib * 1024;
  store_options.reader_cache_kib = 8 * 1024;
  store_options.wal_autocheckpoint_pages = 8000;
  // A checkpoint of those 8,000 pages stalled the writer, and every caller queued behind it,
  // for 15–49 ms (store/sqlite_checkpointer.h); a thread of its own does it instead.
  store_options.checkpoint_in_background = true;
  return store_options;
}

}  // namespace

void UseServePagePool(const ServeOptions& options) {
  // On PostgreSQL there are no page caches; a second call finds the pool in place.
  if (!options.dir.database_url.empty() || store::sqlite::PagePoolInUse()) return;
  const store::SqliteOptions store_options = SqliteOptionsFor(options);
  const size_t cache_bytes =
      (static_cast<size_t>(store_options.writer_cache_kib) +
       static_cast<size_t>(store_options.read_connections) * store_options.reader_cache_kib) *
      1024;
  if (Status pool = store::sqlite::UsePagePool(cache_bytes); !pool.ok()) {
    log::Info("sqlite-page-pool", {{"used", "no"}, {"reason", pool.error().message}});
  }
}

Result<std::pair<std::string, uint16_t>> ParseListen(const std::string& text) {
  auto colon = text.rfind(':');
  Error bad = Error::Invalid("listen", "adres", "Verwacht HOST:PORT, bijvoorbeeld 127.0.0.1:8080.");
  if (colon == std::string::npos || colon == 0 || colon + 1 >= text.size()) return bad;
  std::string port_text = text.substr(colon + 1);
  if (port_text.size() > 5) return bad;
  int port = 0;
  for (char c : port_text) {
    if (c < '0' || c > '9') return bad;
    port = port * 10 + (c - '0');
  }
  if (port > 65535) return bad;
  return std::make_pair(text.substr(0, colon), static_cast<uint16_t>(port));
}

int Serve(const ServeOptions& options, const std::function<Status(services::Env&)>& before_serve) {
  // Block the stop signals in every thread; one thread waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const store::SqliteOptions store_options = SqliteOptionsFor(options);
  store::PgOptions pg_options;
  pg_options.rerun_batches = options.test_rerun_batches;
  UseServePagePool(options);
  auto opened = OpenDataDir(options.dir, store_options, pg_options);
  if (!opened.ok()) {
    std::fprintf(stderr, "jeugdhulp: %s\n", opened.error().message.c_str());
    return 2;
  }
  Clock clock(options.today);
  services::Env env{*opened->store, *opened->vault, clock, nullptr, nullptr, opened->ledger.get()};
  if (before_serve) {
    Status st = before_serve(env);
    if (!st.ok()) {
      std::fprintf(stderr, "jeugdhulp: %s\n", st.error().message.c_str());
      return 2;
    }
  }

  http::Metrics metrics;
  if (options.bench_no_audit) {
    std::fprintf(stderr,
                 "jeugdhulp: WARNING: --bench-no-audit: NOT FOR PRODUCTION: processing and "
                 "decision logs are off. Benchmarks only.\n");
    log::Warn("bench-no-audit", {{"logs", "off"}});
  }
  if (options.test_rerun_batches) log::Warn("test-rerun-batches", {{"writes", "twice"}});
  api::Api api(env, &metrics, options.http.api_version, !options.bench_no_audit);
  api::RegisterAll(api);
  auto handler = [&api](http::Request& req) {
    std::optional<http::Response> page = http::ServeWeb(req);
    http::Response resp = page ? std::move(*page) : api.Handle(req);
    auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - req.received)
            .count();
    log::Info("request", {{"method", LoggedMethod(req.method)},
                          {"route", req.route},
                          {"status", resp.status},
                          {"ms", std::round(ms * 100.0) / 100.0},
                          {"trace", req.trace.trace_id}});
    return resp;
  };
  // Retention (VIR-11, VIR-12, VT-08) for today before anything is served: a request right
  // after a start must not see what the rules have removed. A failure is logged; serving the
  // data that is still there is better than serving nothing, and the daily run retries.
  (void)PurgeAndLog(env);
  http::Server server(options.http, handler, &metrics);
  Status started = server.Start();
  if (!started.ok()) {
    std::fprintf(stderr, "jeugdhulp: %s\n", started.error().message.c_str());
    return 2;
  }
  std::printf("LISTENING=%s:%u\n", options.http.host.c_str(), server.port());
  std::fflush(stdout);
  log::Info(
      "listening",
      {{"host", options.http.host}, {"port", server.port()}, {"today", clock.Today().ToString()}});

  // Retention daily after the run above; stopped before the store closes.
  DailyPurge purge(env);
  // Started only once the API serves, and stopped only after it has drained: events the
  // last requests queued are then durable in the outbox for the next start.
  WebhookWorker webhooks(env, options.webhooks);
  webhooks.Start();

  std::atomic<bool> signalled{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    signalled = true;
    log::Info("stopping", {{"signal", sig}});
    server.Stop();
  });
  server.Wait();
  // If the server stopped for another reason, wake the waiter so it can be joined.
  // SIGTERM is blocked in every thread and only consumed by the waiter's sigwait, so this
  // wakes it rather than terminating anything.
  if (!signalled)
    pthread_kill(waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  waiter.join();
  webhooks.Stop();
  log::Info("stopped");
  return 0;
}

}  // namespace jh::app
