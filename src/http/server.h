// The HTTP/1.1 server (Boost.Beast behind this header; nothing here includes Boost).
//
// - `io_threads` threads run the network; handlers run on a separate pool of
//   `worker_threads`, so a handler may block on the store (group commit) without stalling
//   other connections.
// - Keep-alive; bounded request body (→ 413), header block (→ 431), connections (extra ones
//   are answered 503 and closed) and time: a request must arrive completely within
//   `read_timeout` (slow clients are cut off); idle keep-alive connections close after
//   `idle_timeout`.
// - Every response carries API-Version and the security headers of API.md, plus the
//   request's `traceparent`.
// - Stop() stops accepting, lets requests in progress finish (up to `drain_timeout`), closes.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "core/version.h"
#include "http/message.h"
#include "http/metrics.h"

namespace jh::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port (see Server::port)
  int io_threads = 2;
  int worker_threads = 64;
  size_t max_body_bytes = size_t{1} << 20;
  size_t max_header_bytes = size_t{16} * 1024;
  int max_connections = 1024;
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds idle_timeout{30000};
  std::chrono::milliseconds drain_timeout{10000};
  std::string api_version = kApiVersion;
};

class Server {
 public:
  // `handler` is called on a worker thread for every complete, size-valid request.
  // `metrics` must outlive the server; connection counts are recorded there.
  Server(ServerOptions options, std::function<Response(Request&)> handler, Metrics* metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the threads. Errors: kUnavailable when the address cannot be bound.
  [[nodiscard]] Status Start();
  // The bound port (after Start).
  uint16_t port() const;
  // Graceful stop; safe to call from any thread and more than once.
  void Stop();
  // Blocks until Stop has completed.
  void Wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Adds the headers every response carries (API-Version, Cache-Control: no-store,
// X-Content-Type-Options, X-Frame-Options, Content-Security-Policy) to `response`.
void AddStandardHeaders(Response& response, const std::string& api_version);

}  // namespace jh::http
