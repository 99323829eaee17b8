// Prometheus metrics for the HTTP server: requests by method, route template and status,
// and a latency histogram per route. Thread-safe; Record is cheap enough for every request.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
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

// The sample lines of one Prometheus histogram series: `counts` per bucket (not cumulative)
// with `bounds` as their upper bounds, `count` in all (the +Inf bucket) and their `sum`.
// `labels` is "" or `name="value",...` with the values escaped.
std::string RenderHistogram(std::string_view name, std::string_view labels,
                            std::span<const double> bounds, std::span<const uint64_t> counts,
                            uint64_t count, double sum);

}  // namespace jh::http
