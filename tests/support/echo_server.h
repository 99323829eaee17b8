// A test fixture: an http::Server on a free port with small limits (1 KiB body and
// headers, 4 connections, 300 ms read timeout, 500 ms idle timeout) and a handler with a
// few fixed paths:
//   /echo...  the request as JSON (method, path, query, x, custom, body, remote, trace ids)
//   /slow     sleeps 300 ms, sets slow_started_ first
//   /page     sets its own Content-Security-Policy and Cache-Control
//   /throw    throws;  /stop  calls Server::Stop from the handler;  else 404 problem
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/problem.h"
#include "http/server.h"
#include "support/http_client.h"

namespace jh::testing {

using nlohmann::json;  // tests read JSON bodies throughout

inline http::ServerOptions SmallLimits() {
  http::ServerOptions o;
  o.port = 0;
  o.io_threads = 2;
  o.worker_threads = 4;
  o.max_body_bytes = 1024;
  o.max_header_bytes = 1024;
  o.max_connections = 4;
  o.read_timeout = std::chrono::milliseconds(300);
  o.idle_timeout = std::chrono::milliseconds(500);
  o.drain_timeout = std::chrono::seconds(2);
  o.api_version = "1.2.3";
  return o;
}

inline void ExpectStandardHeaders(const HttpResponse& r) {
  EXPECT_EQ(r.Header("api-version"), "1.2.3") << r.status;
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff") << r.status;
  EXPECT_EQ(r.Header("x-frame-options"), "DENY") << r.status;
  EXPECT_FALSE(r.Header("cache-control").empty()) << r.status;
  EXPECT_FALSE(r.Header("content-security-policy").empty()) << r.status;
  EXPECT_EQ(r.Header("traceparent").size(), 55u) << r.status;
}

inline void ExpectProblem(const HttpResponse& r, int status, const std::string& slug) {
  EXPECT_EQ(r.status, status) << r.error;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json");
  json body = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(body.is_object()) << r.body;
  EXPECT_EQ(body["type"], "https://jeugdhulp.example/problemen/" + slug);
  EXPECT_EQ(body["status"], status);
  ExpectStandardHeaders(r);
}

class EchoServerTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (server_) server_->Stop();
  }

  void StartServer(http::ServerOptions options = SmallLimits()) {
    server_ = std::make_unique<http::Server>(
        options, [this](http::Request& r) { return Handle(r); }, &metrics_);
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_NE(server_->port(), 0);
  }

  http::Response Handle(http::Request& req) {
    http::Response res;
    if (req.path == "/slow") {
      req.route = "/slow";
      slow_started_ = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      res.body = "slow";
      return res;
    }
    if (req.path == "/page") {
      req.route = "/page";
      res.content_type = "text/html";
      res.headers = {{"Content-Security-Policy", "default-src 'self'"},
                     {"Cache-Control", "max-age=60"}};
      res.body = "<p>hoi</p>";
      return res;
    }
    if (req.path == "/throw") throw std::runtime_error("defect");
    if (req.path == "/stop") {
      server_->Stop();  // from a worker thread: must not wait for itself
      return res;
    }
    if (req.path.starts_with("/echo")) {
      req.route = "/echo";
      res.body = json{{"method", req.method},
                      {"path", req.path},
                      {"query", req.query},
                      {"x", req.QueryParam("x")},
                      {"custom", req.Header("x-custom")},
                      {"body", req.body},
                      {"remote", req.remote},
                      {"traceId", req.trace.trace_id},
                      {"parentSpanId", req.trace.parent_span_id},
                      {"spanId", req.trace.span_id}}
                     .dump();
      return res;
    }
    return http::ProblemResponse(Error::NotFound("Onbekend pad."), req.path);
  }

  uint16_t port() const { return server_->port(); }

  http::Metrics metrics_;
  std::unique_ptr<http::Server> server_;
  std::atomic<bool> slow_started_{false};
};

}  // namespace jh::testing
