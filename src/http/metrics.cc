#include "http/metrics.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <tuple>

namespace jh::http {

namespace {

// Upper bounds in seconds. Fine at the low end: most requests take well under 10 ms.
constexpr std::array<double, 13> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                             0.25,  0.5,    1,     2.5,  5,     10};

// Methods outside this list are counted as "OTHER": the method is client-chosen text, and
// an unbounded label set would let a client grow the metrics without limit.
std::string_view NormalizeMethod(std::string_view method) {
  static constexpr std::array<std::string_view, 9> kKnown = {
      "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"};
  for (std::string_view known : kKnown) {
    if (method == known) return known;
  }
  return "OTHER";
}

// Label values escaped as the exposition format requires (backslash, quote, newline).
std::string Escape(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string FormatDouble(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

// Outside the anonymous namespace: a member of Metrics::Impl may not have a type with internal
// linkage when this file is compiled as part of a unity source (-Wsubobject-linkage).
struct Histogram {
  std::array<uint64_t, kBuckets.size()> counts{};  // per bucket, not cumulative
  uint64_t count = 0;
  double sum_seconds = 0;
};

// Orders (method, route, status) keys held as strings or looked up as string_views alike,
// so the hot path builds no strings. Spelled out because clang 14 with libstdc++ 12 cannot
// compare tuples of different element types through std::less<>.
struct RequestKeyLess {
  using is_transparent = void;
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    return View(a) < View(b);
  }
  template <class T>
  static std::tuple<std::string_view, std::string_view, int> View(const T& t) {
    return {std::get<0>(t), std::get<1>(t), std::get<2>(t)};
  }
};

struct Metrics::Impl {
  mutable std::mutex mu;
  // (method, route, status) → requests. std::less<> allows lookup by string_view without
  // building strings on the hot path.
  std::map<std::tuple<std::string, std::string, int>, uint64_t, RequestKeyLess> requests;
  std::map<std::string, Histogram, std::less<>> durations;
  int64_t open_connections = 0;
  uint64_t rejected_connections = 0;
};

Metrics::Metrics() : impl_(new Impl) {}
Metrics::~Metrics() { delete impl_; }

void Metrics::Record(std::string_view method, std::string_view route, int status,
                     std::chrono::nanoseconds latency) {
  std::string_view m = NormalizeMethod(method);
  if (route.empty()) route = "unmatched";
  double seconds = std::chrono::duration<double>(latency).count();
  if (seconds < 0) seconds = 0;
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto key = std::make_tuple(m, route, status);
  auto it = impl_->requests.find(key);
  if (it == impl_->requests.end()) {
    it = impl_->requests.emplace(std::make_tuple(std::string(m), std::string(route), status), 0)
             .first;
  }
  ++it->second;
  auto hit = impl_->durations.find(route);
  if (hit == impl_->durations.end()) {
    hit = impl_->durations.emplace(std::string(route), Histogram{}).first;
  }
  Histogram& h = hit->second;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.counts[i];
      break;
    }
  }
  ++h.count;
  h.sum_seconds += seconds;
}

void Metrics::ConnectionOpened() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  ++impl_->open_connections;
}

void Metrics::ConnectionClosed() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  --impl_->open_connections;
}

void Metrics::ConnectionRejected() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  ++impl_->rejected_connections;
}

std::string Metrics::Render() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  std::string out;
  out +=
      "# HELP jeugdhulp_http_requests_total HTTP requests by method, route template and "
      "status.\n"
      "# TYPE jeugdhulp_http_requests_total counter\n";
  for (const auto& [key, count] : impl_->requests) {
    const auto& [method, route, status] = key;
    out += "jeugdhulp_http_requests_total{method=\"" + Escape(method) + "\",route=\"" +
           Escape(route) + "\",status=\"" + std::to_string(status) + "\"} " +
           std::to_string(count) + "\n";
  }
  out +=
      "# HELP jeugdhulp_http_request_duration_seconds Time from receiving a request to its "
      "response, by route template.\n"
      "# TYPE jeugdhulp_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : impl_->durations) {
    out += RenderHistogram("jeugdhulp_http_request_duration_seconds",
                           "route=\"" + Escape(route) + "\"", kBuckets, h.counts, h.count,
                           h.sum_seconds);
  }
  out +=
      "# HELP jeugdhulp_http_open_connections HTTP connections currently open.\n"
      "# TYPE jeugdhulp_http_open_connections gauge\n"
      "jeugdhulp_http_open_connections " +
      std::to_string(impl_->open_connections) +
      "\n"
      "# HELP jeugdhulp_http_rejected_connections_total Connections refused because the "
      "connection limit was reached.\n"
      "# TYPE jeugdhulp_http_rejected_connections_total counter\n"
      "jeugdhulp_http_rejected_connections_total " +
      std::to_string(impl_->rejected_connections) + "\n";
  return out;
}

std::string RenderHistogram(std::string_view name, std::string_view labels,
                            std::span<const double> bounds, std::span<const uint64_t> counts,
                            uint64_t count, double sum) {
  std::string prefix(labels);  // before le="…"
  std::string braces;          // after _sum and _count
  if (!labels.empty()) {
    prefix.push_back(',');
    braces.append("{").append(labels).append("}");
  }
  std::string out;
  auto bucket = [&](const std::string& le, uint64_t n) {
    out.append(name).append("_bucket{").append(prefix).append("le=\"").append(le);
    out.append("\"} ").append(std::to_string(n)).append("\n");
  };
  uint64_t cumulative = 0;
  for (size_t i = 0; i < bounds.size() && i < counts.size(); ++i) {
    cumulative += counts[i];
    bucket(FormatDouble(bounds[i]), cumulative);
  }
  bucket("+Inf", count);
  out.append(name).append("_sum").append(braces).append(" ").append(FormatDouble(sum));
  out.append("\n").append(name).append("_count").append(braces).append(" ");
  out.append(std::to_string(count)).append("\n");
  return out;
}

}  // namespace jh::http
