#include <gtest/gtest.h>

#include <array>
#include <thread>
#include <vector>

#include "http/metrics.h"

namespace jh::http {
namespace {

using std::chrono::milliseconds;

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(MetricsTest, EmptyRenderHasTypesAndZeroGauges) {
  Metrics m;
  std::string text = m.Render();
  EXPECT_TRUE(Has(text, "# TYPE jeugdhulp_http_requests_total counter"));
  EXPECT_TRUE(Has(text, "# TYPE jeugdhulp_http_request_duration_seconds histogram"));
  EXPECT_TRUE(Has(text, "jeugdhulp_http_open_connections 0"));
  EXPECT_TRUE(Has(text, "jeugdhulp_http_rejected_connections_total 0"));
}

TEST(MetricsTest, CountsRequestsByMethodRouteAndStatus) {
  Metrics m;
  m.Record("GET", "/api/v1/x/{id}", 200, milliseconds(1));
  m.Record("GET", "/api/v1/x/{id}", 200, milliseconds(1));
  m.Record("GET", "/api/v1/x/{id}", 404, milliseconds(1));
  m.Record("POST", "/api/v1/x", 201, milliseconds(1));
  std::string text = m.Render();
  EXPECT_TRUE(
      Has(text,
          R"(jeugdhulp_http_requests_total{method="GET",route="/api/v1/x/{id}",status="200"} 2)"));
  EXPECT_TRUE(
      Has(text,
          R"(jeugdhulp_http_requests_total{method="GET",route="/api/v1/x/{id}",status="404"} 1)"));
  EXPECT_TRUE(Has(
      text, R"(jeugdhulp_http_requests_total{method="POST",route="/api/v1/x",status="201"} 1)"));
}

TEST(MetricsTest, EmptyRouteIsUnmatchedAndUnknownMethodIsOther) {
  Metrics m;
  m.Record("BREW", "", 404, milliseconds(0));
  m.Record("", "", 400, milliseconds(0));
  std::string text = m.Render();
  EXPECT_TRUE(Has(
      text, R"(jeugdhulp_http_requests_total{method="OTHER",route="unmatched",status="404"} 1)"));
  EXPECT_TRUE(Has(
      text, R"(jeugdhulp_http_requests_total{method="OTHER",route="unmatched",status="400"} 1)"));
  EXPECT_EQ(text.find("BREW"), std::string::npos);
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithSumAndCount) {
  Metrics m;
  m.Record("GET", "/r", 200, milliseconds(3));      // ≤ 0.005
  m.Record("GET", "/r", 200, milliseconds(30));     // ≤ 0.05
  m.Record("GET", "/r", 500, milliseconds(20000));  // only +Inf
  std::string text = m.Render();
  const std::string b = "jeugdhulp_http_request_duration_seconds_bucket{route=\"/r\",le=";
  EXPECT_TRUE(Has(text, b + "\"0.001\"} 0"));
  EXPECT_TRUE(Has(text, b + "\"0.005\"} 1"));
  EXPECT_TRUE(Has(text, b + "\"0.025\"} 1"));
  EXPECT_TRUE(Has(text, b + "\"0.05\"} 2"));
  EXPECT_TRUE(Has(text, b + "\"10\"} 2"));
  EXPECT_TRUE(Has(text, b + "\"+Inf\"} 3"));
  EXPECT_TRUE(Has(text, "jeugdhulp_http_request_duration_seconds_count{route=\"/r\"} 3"));
  EXPECT_TRUE(Has(text, "jeugdhulp_http_request_duration_seconds_sum{route=\"/r\"} 20.033"));
}

TEST(MetricsTest, NegativeLatencyCountsAsZero) {
  Metrics m;
  m.Record("GET", "/r", 200, milliseconds(-5));
  std::string text = m.Render();
  EXPECT_TRUE(
      Has(text, "jeugdhulp_http_request_duration_seconds_bucket{route=\"/r\",le=\"0.001\"} 1"));
  EXPECT_TRUE(Has(text, "jeugdhulp_http_request_duration_seconds_sum{route=\"/r\"} 0"));
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  Metrics m;
  m.Record("GET", "/a\"b\\c\nd", 200, milliseconds(1));
  std::string text = m.Render();
  EXPECT_NE(text.find(R"(route="/a\"b\\c\nd")"), std::string::npos);
}

TEST(MetricsTest, TracksOpenAndRejectedConnections) {
  Metrics m;
  m.ConnectionOpened();
  m.ConnectionOpened();
  m.ConnectionClosed();
  m.ConnectionRejected();
  std::string text = m.Render();
  EXPECT_TRUE(Has(text, "jeugdhulp_http_open_connections 1"));
  EXPECT_TRUE(Has(text, "jeugdhulp_http_rejected_connections_total 1"));
}

TEST(MetricsTest, ConcurrentRecordingLosesNothing) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m, t] {
      for (int i = 0; i < 1000; ++i) {
        m.Record("GET", t % 2 == 0 ? "/even" : "/odd", 200, milliseconds(1));
        m.ConnectionOpened();
        m.ConnectionClosed();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::string text = m.Render();
  EXPECT_TRUE(
      Has(text, R"(jeugdhulp_http_requests_total{method="GET",route="/even",status="200"} 2000)"));
  EXPECT_TRUE(
      Has(text, R"(jeugdhulp_http_requests_total{method="GET",route="/odd",status="200"} 2000)"));
  EXPECT_TRUE(Has(text, "jeugdhulp_http_open_connections 0"));
}

TEST(RenderHistogramTest, BucketsAreCumulativeAndUnlabelledSeriesHaveNoBraces) {
  const std::array<double, 2> bounds = {0.001, 0.01};
  const std::array<uint64_t, 3> counts = {2, 3, 1};  // the last one is above 0.01
  EXPECT_EQ(RenderHistogram("x_seconds", "", bounds, counts, 6, 0.5),
            "x_seconds_bucket{le=\"0.001\"} 2\n"
            "x_seconds_bucket{le=\"0.01\"} 5\n"
            "x_seconds_bucket{le=\"+Inf\"} 6\n"
            "x_seconds_sum 0.5\n"
            "x_seconds_count 6\n");
}

TEST(RenderHistogramTest, LabelsPrecedeTheBoundAndFollowSumAndCount) {
  const std::array<double, 1> bounds = {0.5};
  const std::array<uint64_t, 2> counts = {0, 1};
  EXPECT_EQ(RenderHistogram("y", "route=\"/a\"", bounds, counts, 1, 2),
            "y_bucket{route=\"/a\",le=\"0.5\"} 0\n"
            "y_bucket{route=\"/a\",le=\"+Inf\"} 1\n"
            "y_sum{route=\"/a\"} 2\n"
            "y_count{route=\"/a\"} 1\n");
}

}  // namespace
}  // namespace jh::http
