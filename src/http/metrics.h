// Prometheus metrics for the HTTP server: requests by method, route template and status,
// and a latency histogram per route. Thread-safe; Record is cheap enough for every request.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace jh::http {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // `route` is the route template ("unmatched" when no route matched), never a raw path,
  // so ids and personal data never become label values.
  void Record(std::string_view method, std::string_view route, int status,
              std::chrono::nanoseconds latency);
  void ConnectionOpened();
  void ConnectionClosed();
  void ConnectionRejected();

  // The Prometheus text exposition format (version 0.0.4).
  std::string Render() const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace jh::http
