// The HTTP server's protocol behaviour over real sockets: keep-alive, pipelining, HEAD,
// 100-continue, the Request it builds, standard headers, trace context and metrics.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/echo_server.h"
#include "support/http_client.h"

namespace jh::testing {
namespace {

using http::Request;
using http::Response;
using http::Server;
using http::ServerOptions;
using namespace std::chrono_literals;

constexpr char kCallerTrace[] = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr char kCallerSpan[] = "00f067aa0ba902b7";

using ServerProtocolTest = EchoServerTest;

TEST_F(ServerProtocolTest, KeepAliveServesTwoRequestsOnOneConnection) {
  StartServer();
  HttpClient c(port());
  HttpResponse first = c.Request("GET", "/echo");
  HttpResponse second = c.Request("POST", "/echo", "hallo", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(first.status, 200) << first.error;
  EXPECT_EQ(second.status, 200) << second.error;
  EXPECT_EQ(json::parse(second.body)["body"], "hallo");
  EXPECT_EQ(c.connects(), 1);
  ExpectStandardHeaders(first);
  EXPECT_EQ(first.Header("cache-control"), "no-store");
  EXPECT_EQ(first.Header("content-security-policy"), "frame-ancestors 'none'");
}

TEST_F(ServerProtocolTest, FillsTheRequest) {
  StartServer();
  HttpClient c(port());
  HttpResponse r = c.Request("GET", "/echo/a%20b?x=1%202&y", "", {{"X-Custom", "Ja"}});
  ASSERT_EQ(r.status, 200) << r.error;
  json body = json::parse(r.body);
  EXPECT_EQ(body["method"], "GET");
  EXPECT_EQ(body["path"], "/echo/a b");
  EXPECT_EQ(body["query"], "x=1%202&y");
  EXPECT_EQ(body["x"], "1 2");
  EXPECT_EQ(body["custom"], "Ja");  // looked up by lower-case name
  EXPECT_EQ(body["remote"], "127.0.0.1");
}

TEST_F(ServerProtocolTest, PipelinedRequestsAreAnsweredInOrder) {
  StartServer();
  HttpClient c(port());
  ASSERT_TRUE(c.Connect());
  ASSERT_TRUE(c.SendRaw(
      "GET /echo?x=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /echo?x=2 HTTP/1.1\r\nHost: x\r\n\r\n"));
  HttpResponse first = c.ReadResponse();
  HttpResponse second = c.ReadResponse();
  ASSERT_EQ(first.status, 200) << first.error;
  ASSERT_EQ(second.status, 200) << second.error;
  EXPECT_EQ(json::parse(first.body)["x"], "1");
  EXPECT_EQ(json::parse(second.body)["x"], "2");
}

TEST_F(ServerProtocolTest, HeadSendsTheLengthButNoBody) {
  StartServer();
  HttpClient c(port());
  HttpResponse head = c.Request("HEAD", "/echo");
  EXPECT_EQ(head.status, 200) << head.error;
  EXPECT_NE(head.Header("content-length"), "0");
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(c.Request("GET", "/echo").status, 200);  // framing intact on the same connection
  EXPECT_EQ(c.connects(), 1);
}

TEST_F(ServerProtocolTest, ExpectContinueGetsTheBodyRead) {
  StartServer();
  HttpClient c(port());
  HttpResponse r = c.Request("POST", "/echo", "inhoud", {{"Expect", "100-continue"}});
  ASSERT_EQ(r.status, 200) << r.error;  // the client skips the interim 100 response
  EXPECT_EQ(json::parse(r.body)["body"], "inhoud");
}

TEST_F(ServerProtocolTest, ConnectionCloseIsHonoured) {
  StartServer();
  HttpClient c(port());
  HttpResponse r = c.Request("GET", "/echo", "", {{"Connection", "close"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_FALSE(c.connected());
}

TEST_F(ServerProtocolTest, MalformedPathEscapeIs400ProblemOnALiveConnection) {
  StartServer();
  HttpClient c(port());
  ExpectProblem(c.Request("GET", "/echo/%zz"), 400, "ongeldige-invoer");
  EXPECT_EQ(c.Request("GET", "/echo").status, 200);  // the framing was fine: same connection
  EXPECT_EQ(c.connects(), 1);
}

TEST_F(ServerProtocolTest, HandlerErrorsAndExceptionsAreProblems) {
  StartServer();
  HttpClient c(port());
  ExpectProblem(c.Request("GET", "/nergens"), 404, "niet-gevonden");
  ExpectProblem(c.Request("GET", "/throw"), 500, "interne-fout");
  EXPECT_EQ(c.Request("GET", "/echo").status, 200);  // the server lives on
}

TEST_F(ServerProtocolTest, HandlerCspAndCacheControlAreKept) {
  StartServer();
  HttpClient c(port());
  HttpResponse r = c.Request("GET", "/page");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-security-policy"), "default-src 'self'");
  EXPECT_EQ(r.Header("cache-control"), "max-age=60");
  EXPECT_EQ(r.Header("content-type"), "text/html");
  ExpectStandardHeaders(r);
}

TEST_F(ServerProtocolTest, TraceparentIsContinued) {
  StartServer();
  HttpClient c(port());
  std::string caller = std::string("00-") + kCallerTrace + "-" + kCallerSpan + "-01";
  HttpResponse r = c.Request("GET", "/echo", "", {{"traceparent", caller}});
  ASSERT_EQ(r.status, 200);
  json body = json::parse(r.body);
  EXPECT_EQ(body["traceId"], kCallerTrace);
  EXPECT_EQ(body["parentSpanId"], kCallerSpan);
  std::string server_span = body["spanId"];
  EXPECT_NE(server_span, kCallerSpan);
  EXPECT_EQ(r.Header("traceparent"), std::string("00-") + kCallerTrace + "-" + server_span + "-01");
}

TEST_F(ServerProtocolTest, InvalidOrMissingTraceparentStartsANewTrace) {
  StartServer();
  HttpClient c(port());
  HttpResponse none = c.Request("GET", "/echo");
  HttpResponse bad =
      c.Request("GET", "/echo", "",
                {{"traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"}});
  for (const HttpResponse& r : {none, bad}) {
    ASSERT_EQ(r.status, 200);
    json body = json::parse(r.body);
    EXPECT_EQ(body["parentSpanId"], "");
    EXPECT_EQ(r.Header("traceparent"), "00-" + body["traceId"].get<std::string>() + "-" +
                                           body["spanId"].get<std::string>() + "-01");
  }
  EXPECT_NE(json::parse(none.body)["traceId"], json::parse(bad.body)["traceId"]);
}

TEST_F(ServerProtocolTest, MetricsRecordEveryResponse) {
  StartServer();
  HttpClient c(port());
  EXPECT_EQ(c.Request("GET", "/echo").status, 200);
  EXPECT_EQ(c.Request("POST", "/echo", std::string(2048, 'a')).status, 413);
  std::string text = metrics_.Render();
  EXPECT_NE(
      text.find(R"(jeugdhulp_http_requests_total{method="GET",route="/echo",status="200"} 1)"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(R"(jeugdhulp_http_requests_total{method="POST",route="unmatched",status="413"} 1)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("jeugdhulp_http_request_duration_seconds_count{route=\"/echo\"} 1"),
            std::string::npos);
}

TEST_F(ServerProtocolTest, StartFailsWhenThePortIsTaken) {
  StartServer();
  ServerOptions o = SmallLimits();
  o.port = port();
  Server second(
      o, [](Request&) { return Response{}; }, &metrics_);
  Status s = second.Start();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace jh::testing
