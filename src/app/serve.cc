#include "app/serve.h"

#include <signal.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "http/api.h"

namespace jh::app {

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

  store::SqliteOptions store_options;
  store_options.group_commit = options.group_commit;
  auto opened = OpenDataDir(options.dir, store_options);
  if (!opened.ok()) {
    std::fprintf(stderr, "jeugdhulp: %s\n", opened.error().message.c_str());
    return 2;
  }
  Clock clock(options.today);
  services::Env env{*opened->store, *opened->vault, clock};
  if (before_serve) {
    Status st = before_serve(env);
    if (!st.ok()) {
      std::fprintf(stderr, "jeugdhulp: %s\n", st.error().message.c_str());
      return 2;
    }
  }

  http::Metrics metrics;
  api::Api api(env, &metrics, options.http.api_version);
  api::RegisterAll(api);
  auto handler = [&api](http::Request& req) {
    http::Response resp = api.Handle(req);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                        req.received)
                  .count();
    spdlog::info("\"event\":\"request\",\"method\":\"{}\",\"route\":\"{}\",\"status\":{},"
                 "\"ms\":{:.2f},\"trace\":\"{}\"",
                 req.method.size() <= 10 ? req.method : "?", req.route, resp.status, ms,
                 req.trace.trace_id);
    return resp;
  };
  http::Server server(options.http, handler, &metrics);
  Status started = server.Start();
  if (!started.ok()) {
    std::fprintf(stderr, "jeugdhulp: %s\n", started.error().message.c_str());
    return 2;
  }
  std::printf("LISTENING=%s:%u\n", options.http.host.c_str(), server.port());
  std::fflush(stdout);
  spdlog::info("\"event\":\"listening\",\"host\":\"{}\",\"port\":{},\"today\":\"{}\"",
               options.http.host, server.port(), clock.Today().ToString());

  std::atomic<bool> signalled{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    signalled = true;
    spdlog::info("\"event\":\"stopping\",\"signal\":{}", sig);
    server.Stop();
  });
  server.Wait();
  // If the server stopped for another reason, wake the waiter so it can be joined.
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  spdlog::info("\"event\":\"stopped\"");
  return 0;
}

}  // namespace jh::app
