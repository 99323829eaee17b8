// The HTTP server's limits over real sockets: body and header size, malformed input,
// slow and idle clients, the connection cap and graceful stop.
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

using ServerLimitsTest = EchoServerTest;

TEST_F(ServerLimitsTest, BodyOverTheLimitIs413Problem) {
  StartServer();
  HttpClient c(port());
  HttpResponse r = c.Request("POST", "/echo", std::string(2048, 'a'));
  ExpectProblem(r, 413, "te-groot");
  EXPECT_EQ(r.Header("connection"), "close");
  // A body exactly at the limit is fine.
  HttpResponse ok = c.Request("POST", "/echo", std::string(1024, 'a'));
  EXPECT_EQ(ok.status, 200) << ok.error;
}

TEST_F(ServerLimitsTest, DeclaredLengthOverTheLimitIsAnsweredWithoutReadingTheBody) {
  StartServer();
  HttpClient c(port());
  ASSERT_TRUE(c.Connect());
  ASSERT_TRUE(c.SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"));
  ExpectProblem(c.ReadResponse(), 413, "te-groot");
}

TEST_F(ServerLimitsTest, ChunkedBodyOverTheLimitIs413) {
  StartServer();
  HttpClient c(port());
  ASSERT_TRUE(c.Connect());
  std::string chunk(800, 'b');
  ASSERT_TRUE(
      c.SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "320\r\n" +
                chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n"));
  ExpectProblem(c.ReadResponse(), 413, "te-groot");
}

TEST_F(ServerLimitsTest, OversizedHeadersAre431Problem) {
  StartServer();
  HttpClient c(port());
  HttpResponse r = c.Request("GET", "/echo", "", {{"X-Big", std::string(2000, 'h')}});
  ExpectProblem(r, 431, "header-te-groot");
  EXPECT_TRUE(c.WaitForClose(2s));
}

TEST_F(ServerLimitsTest, MalformedHttpIs400ProblemAndCloses) {
  StartServer();
  HttpClient c(port());
  ASSERT_TRUE(c.Connect());
  ASSERT_TRUE(c.SendRaw("THIS IS NOT HTTP\r\n\r\n"));
  ExpectProblem(c.ReadResponse(), 400, "ongeldige-invoer");
  EXPECT_TRUE(c.WaitForClose(2s));
}

TEST_F(ServerLimitsTest, SlowClientIsCutOffWhileAnotherIsServed) {
  StartServer();
  std::atomic<bool> slow_closed{false};
  std::thread slow([this, &slow_closed] {
    HttpClient s(port());
    if (!s.Connect()) return;
    const std::string request = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: slowloris\r\n\r\n";
    for (char byte : request) {  // ~2.5 s if never cut off; read_timeout is 300 ms
      if (!s.SendRaw(std::string(1, byte)) || s.WaitForClose(40ms)) {
        slow_closed = true;
        return;
      }
    }
  });
  HttpClient fast(port());
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(fast.Request("GET", "/echo").status, 200);
    std::this_thread::sleep_for(50ms);
  }
  slow.join();
  EXPECT_TRUE(slow_closed);
}

TEST_F(ServerLimitsTest, IdleKeepAliveConnectionIsClosed) {
  StartServer();
  HttpClient c(port());
  ASSERT_EQ(c.Request("GET", "/echo").status, 200);
  EXPECT_TRUE(c.WaitForClose(3s));  // idle_timeout is 500 ms
}

TEST_F(ServerLimitsTest, ConnectionsAboveTheLimitGet503) {
  ServerOptions o = SmallLimits();
  o.max_connections = 2;
  o.idle_timeout = 5s;  // the two kept-alive connections must stay for the whole test
  StartServer(o);
  HttpClient a(port());
  HttpClient b(port());
  ASSERT_EQ(a.Request("GET", "/echo").status, 200);
  ASSERT_EQ(b.Request("GET", "/echo").status, 200);
  HttpClient extra(port());
  ExpectProblem(extra.Request("GET", "/echo"), 503, "niet-beschikbaar");
  EXPECT_NE(metrics_.Render().find("jeugdhulp_http_rejected_connections_total 1\n"),
            std::string::npos);
  EXPECT_NE(metrics_.Render().find("jeugdhulp_http_open_connections 2\n"), std::string::npos);
  // A freed slot is usable again (the server notices the close asynchronously).
  a.Close();
  int status = 0;
  for (int i = 0; i < 100 && status != 200; ++i) {
    std::this_thread::sleep_for(20ms);
    status = extra.Request("GET", "/echo").status;
  }
  EXPECT_EQ(status, 200);
}

TEST_F(ServerLimitsTest, GracefulStopCompletesTheRequestInFlight) {
  StartServer();
  HttpClient idle(port());
  ASSERT_EQ(idle.Request("GET", "/echo").status, 200);
  HttpResponse slow_response;
  std::thread client([this, &slow_response] {
    HttpClient c(port());
    slow_response = c.Request("GET", "/slow");
  });
  for (int i = 0; i < 400 && !slow_started_; ++i) std::this_thread::sleep_for(5ms);
  ASSERT_TRUE(slow_started_);
  server_->Stop();  // returns once the slow request is answered
  client.join();
  EXPECT_EQ(slow_response.status, 200) << slow_response.error;
  EXPECT_EQ(slow_response.body, "slow");
  EXPECT_EQ(slow_response.Header("connection"), "close");
  EXPECT_TRUE(idle.WaitForClose(1s));  // idle connections are closed by Stop
  HttpClient late(port());
  EXPECT_FALSE(late.Connect());  // no longer listening
  server_->Wait();               // returns at once: Stop has completed
}

TEST_F(ServerLimitsTest, StopFromAHandlerDoesNotDeadlock) {
  StartServer();
  HttpClient c(port());
  EXPECT_EQ(c.Request("GET", "/stop").status, 200);
  server_->Wait();
  HttpClient late(port());
  EXPECT_FALSE(late.Connect());
}

}  // namespace
}  // namespace jh::testing
