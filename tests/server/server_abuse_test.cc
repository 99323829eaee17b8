// Hostile clients over real sockets, each alongside a well-behaved one: slowloris headers
// and slow bodies are cut off at read_timeout, a request line or header block over the limit
// gets 431, a flood of connections beyond max_connections is shed (503 or closed) — and
// meanwhile the well-behaved client is served promptly on its own connection, and the server
// serves new clients again once the flood is gone. Runs under ThreadSanitizer too
// (make test-tsan), so it stays short: the fixture's limits are 300 ms / 1 KiB / 4
// connections.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/echo_server.h"
#include "support/http_client.h"

namespace jh::testing {
namespace {

using http::ServerOptions;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

using ServerAbuseTest = EchoServerTest;

// A well-behaved client: `n` requests on one kept-alive connection, 30 ms apart, while the
// attack runs. Records every status and the slowest answer.
struct GoodClient {
  explicit GoodClient(uint16_t port) : client(port) {}

  void Run(int n) {
    for (int i = 0; i < n; ++i) {
      const SteadyClock::time_point start = SteadyClock::now();
      statuses.push_back(client.Request("GET", "/echo?x=good").status);
      slowest = std::max(slowest, SteadyClock::now() - start);
      std::this_thread::sleep_for(30ms);
    }
  }

  void ExpectServedPromptly() const {
    for (int s : statuses) EXPECT_EQ(s, 200);
    // Well under the attack's length (the hostile clients hold on for seconds if never cut
    // off): the good client never waits for them. Generous for a loaded CI machine and TSan.
    EXPECT_LT(slowest, 1s) << std::chrono::duration_cast<std::chrono::milliseconds>(slowest).count()
                           << " ms";
    EXPECT_EQ(client.connects(), 1);  // never dropped by the server
  }

  HttpClient client;
  std::vector<int> statuses;
  SteadyClock::duration slowest{};
};

// Sends `bytes` one at a time, `gap` apart; true when the server closed the connection
// before the last byte went out.
bool Trickle(uint16_t port, const std::string& bytes, std::chrono::milliseconds gap) {
  HttpClient c(port);
  if (!c.Connect()) return false;
  for (char byte : bytes) {
    if (!c.SendRaw(std::string(1, byte)) || c.WaitForClose(gap)) return true;
  }
  return false;  // everything sent: not cut off
}

TEST_F(ServerAbuseTest, SlowBodyIsCutOffWhileAnotherIsServed) {
  StartServer();
  GoodClient good(port());
  ASSERT_EQ(good.client.Request("GET", "/echo").status, 200);
  std::atomic<bool> cut_off{false};
  std::thread slow([this, &cut_off] {
    HttpClient s(port());
    if (!s.Connect()) return;
    // The header arrives at once; the 60-byte body at 25 bytes per second (~2.4 s).
    if (!s.SendRaw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 60\r\n\r\n")) return;
    for (int i = 0; i < 60; ++i) {
      if (!s.SendRaw("b") || s.WaitForClose(40ms)) {
        cut_off = true;
        return;
      }
    }
  });
  good.Run(10);
  slow.join();
  EXPECT_TRUE(cut_off);
  good.ExpectServedPromptly();
}

TEST_F(ServerAbuseTest, ManySlowlorisClientsDoNotStarveAnother) {
  ServerOptions o = SmallLimits();
  o.max_connections = 16;
  StartServer(o);
  GoodClient good(port());
  ASSERT_EQ(good.client.Request("GET", "/echo").status, 200);
  constexpr int kSlow = 8;
  std::atomic<int> cut_off{0};
  std::vector<std::thread> slow;
  const std::string request =
      "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: slowloris-slowloris\r\n\r\n";
  for (int i = 0; i < kSlow; ++i) {
    slow.emplace_back([this, &cut_off, &request] {
      if (Trickle(port(), request, 40ms)) ++cut_off;
    });
  }
  good.Run(10);
  for (std::thread& t : slow) t.join();
  EXPECT_EQ(cut_off, kSlow);
  good.ExpectServedPromptly();
}

TEST_F(ServerAbuseTest, OversizedRequestLineIs431WhileAnotherIsServed) {
  StartServer();
  GoodClient good(port());
  ASSERT_EQ(good.client.Request("GET", "/echo").status, 200);
  std::thread big([this] {
    for (int i = 0; i < 3; ++i) {
      HttpClient b(port());
      HttpResponse r = b.Request("GET", "/echo?x=" + std::string(4000, 'q'));
      ExpectProblem(r, 431, "header-te-groot");
      EXPECT_TRUE(b.WaitForClose(2s));
      // Many headers, each small, adding up past the limit.
      HeaderList many;
      for (int h = 0; h < 100; ++h) many.emplace_back("X-H" + std::to_string(h), "0123456789");
      HttpClient m(port());
      ExpectProblem(m.Request("GET", "/echo", "", many), 431, "header-te-groot");
    }
  });
  good.Run(8);
  big.join();
  good.ExpectServedPromptly();
}

// More connections than the limit, none of which sends anything: those beyond the limit are
// refused at once, those within it are closed at read_timeout — so the flood ends by itself.
TEST_F(ServerAbuseTest, ConnectionFloodIsShedAndServiceResumes) {
  StartServer();  // max_connections 4
  GoodClient good(port());
  ASSERT_EQ(good.client.Request("GET", "/echo").status, 200);
  constexpr int kFlood = 40;
  std::vector<std::unique_ptr<HttpClient>> flood;
  for (int i = 0; i < kFlood; ++i) {
    flood.push_back(std::make_unique<HttpClient>(port()));
    // The kernel accepts into the backlog even when the server refuses; a failed connect
    // (backlog full) is a refusal too.
    (void)flood.back()->Connect();
  }
  good.Run(5);  // served on the connection it already had, while the flood holds every slot
  good.ExpectServedPromptly();
  int refused_503 = 0;
  for (auto& c : flood) {
    if (!c->connected()) continue;
    EXPECT_TRUE(c->WaitForClose(2s));  // closed by the server: 503 or the read timeout
    HttpResponse r = c->ReadResponse();
    if (r.status == 503) ++refused_503;
  }
  EXPECT_GE(refused_503, 1);
  EXPECT_NE(metrics_.Render().find("jeugdhulp_http_rejected_connections_total"), std::string::npos);
  // Service resumes: a new client is served without anyone restarting anything.
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {
    HttpClient fresh(port());
    status = fresh.Request("GET", "/echo").status;
    if (status != 200) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace jh::testing
