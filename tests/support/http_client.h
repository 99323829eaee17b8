// A small blocking HTTP/1.1 client over POSIX sockets for tests: no Boost, so test code
// compiles fast. Talks to 127.0.0.1 only. Not thread-safe: one client per thread.
//
//   HttpClient c(server.port());
//   HttpResponse r = c.Request("POST", "/x", body, {{"Content-Type", "application/json"}});
//   EXPECT_EQ(r.status, 201);
//
// Keep-alive: successive Requests reuse the connection until the server closes it (the
// client reconnects transparently; connects() counts TCP connections). Raw mode
// (Connect/SendRaw/ReadResponse/WaitForClose) sends arbitrary bytes for protocol tests.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jh::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;  // 0 when no complete response arrived; `error` says why
  std::map<std::string, std::string> headers;  // names lower-cased; repeats joined by ", "
  std::string body;
  std::string error;

  // The header value or "" when absent; `name` in any case.
  std::string Header(std::string_view name) const;
};

class HttpClient {
 public:
  explicit HttpClient(uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(5));
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends one request and reads its response. Adds Host, and Content-Length when there
  // is a body or the method usually carries one. Connects first when not connected.
  HttpResponse Request(std::string_view method, std::string_view target, std::string_view body = {},
                       const HeaderList& headers = {});

  // Raw mode.
  [[nodiscard]] bool Connect();                        // closes any open connection, then connects
  [[nodiscard]] bool SendRaw(std::string_view bytes);  // false once the peer is gone
  // Reads one response (skipping 1xx). `head`: the request was HEAD, so no body follows.
  HttpResponse ReadResponse(bool head = false);
  // Waits up to `wait` for the server to close the connection (EOF or reset); bytes that
  // arrive meanwhile are kept for ReadResponse. True when it closed.
  [[nodiscard]] bool WaitForClose(std::chrono::milliseconds wait);
  void Close();

  bool connected() const { return fd_ >= 0; }
  int connects() const { return connects_; }

 private:
  enum class ReadResult { kData, kEof, kError, kTimeout };
  ReadResult ReadMore(std::chrono::steady_clock::time_point deadline);

  uint16_t port_;
  std::chrono::milliseconds timeout_;
  int fd_ = -1;
  int connects_ = 0;
  bool eof_ = false;
  std::string buffer_;  // received, not yet consumed
};

}  // namespace jh::testing
