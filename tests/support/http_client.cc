#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace jh::testing {

namespace {

using SteadyClock = std::chrono::steady_clock;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool HasHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [n, v] : headers) {
    if (Lower(n) == name) return true;
  }
  return false;
}

}  // namespace

std::string HttpResponse::Header(std::string_view name) const {
  auto it = headers.find(Lower(name));
  return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(uint16_t port, std::chrono::milliseconds timeout)
    : port_(port), timeout_(timeout) {}

HttpClient::~HttpClient() { Close(); }

void HttpClient::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  eof_ = false;
  buffer_.clear();
}

bool HttpClient::Connect() {
  Close();
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return false;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fd_ = fd;
  ++connects_;
  return true;
}

bool HttpClient::SendRaw(std::string_view bytes) {
  if (fd_ < 0) return false;
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

HttpClient::ReadResult HttpClient::ReadMore(SteadyClock::time_point deadline) {
  if (fd_ < 0 || eof_) return ReadResult::kEof;
  while (true) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
    if (left.count() <= 0) return ReadResult::kTimeout;
    pollfd p{fd_, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return ReadResult::kError;
    if (ready == 0) return ReadResult::kTimeout;
    char chunk[16384];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ReadResult::kError;  // typically ECONNRESET
    if (n == 0) {
      eof_ = true;
      return ReadResult::kEof;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
    return ReadResult::kData;
  }
}

bool HttpClient::WaitForClose(std::chrono::milliseconds wait) {
  if (fd_ < 0 || eof_) return true;
  SteadyClock::time_point deadline = SteadyClock::now() + wait;
  while (true) {
    switch (ReadMore(deadline)) {
      case ReadResult::kData:
        continue;
      case ReadResult::kEof:
      case ReadResult::kError:
        return true;
      case ReadResult::kTimeout:
        return false;
    }
  }
}

HttpResponse HttpClient::ReadResponse(bool head) {
  HttpResponse r;
  SteadyClock::time_point deadline = SteadyClock::now() + timeout_;
  auto fail = [&](std::string why) {
    r.status = 0;
    r.error = std::move(why);
    Close();
    return r;
  };
  size_t end;
  while (true) {
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (ReadMore(deadline) != ReadResult::kData) return fail("no complete response header");
    }
    std::string_view head_block(buffer_.data(), end);
    // "HTTP/1.1 200 OK"
    if (head_block.substr(0, 5) != "HTTP/" || head_block.size() < 12) {
      return fail("malformed status line");
    }
    r.status = std::atoi(std::string(head_block.substr(9, 3)).c_str());
    r.headers.clear();
    size_t pos = head_block.find("\r\n");
    while (pos != std::string_view::npos && pos < head_block.size()) {
      size_t next = head_block.find("\r\n", pos + 2);
      std::string_view line = head_block.substr(
          pos + 2, next == std::string_view::npos ? std::string_view::npos : next - pos - 2);
      size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        std::string name = Lower(line.substr(0, colon));
        std::string value(Trim(line.substr(colon + 1)));
        auto [it, inserted] = r.headers.emplace(name, value);
        if (!inserted) it->second += ", " + value;
      }
      pos = next;
    }
    buffer_.erase(0, end + 4);
    if (r.status >= 200) break;  // skip "100 Continue" and other interim responses
  }
  bool no_body = head || r.status == 204 || r.status == 304;
  std::string length = r.Header("content-length");
  if (no_body) {
    // nothing
  } else if (!length.empty()) {
    size_t n = std::strtoul(length.c_str(), nullptr, 10);
    while (buffer_.size() < n) {
      if (ReadMore(deadline) != ReadResult::kData) return fail("body shorter than Content-Length");
    }
    r.body = buffer_.substr(0, n);
    buffer_.erase(0, n);
  } else {
    // No length: the body runs until the server closes (chunked is not used by the server).
    ReadResult rr;
    while ((rr = ReadMore(deadline)) == ReadResult::kData) {
    }
    if (rr == ReadResult::kTimeout) return fail("timeout reading body until close");
    r.body = std::move(buffer_);
    buffer_.clear();
  }
  if (Lower(r.Header("connection")) == "close") {
    // The server closes after this response; the next Request reconnects.
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    eof_ = false;
    buffer_.clear();
  }
  return r;
}

HttpResponse HttpClient::Request(std::string_view method, std::string_view target,
                                 std::string_view body, const HeaderList& headers) {
  if (fd_ >= 0 && eof_) Close();  // the server closed a kept-alive connection meanwhile
  if (fd_ < 0 && !Connect()) {
    HttpResponse r;
    r.error = "connect failed";
    return r;
  }
  std::string out;
  out.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  if (!HasHeader(headers, "host")) out += "Host: 127.0.0.1:" + std::to_string(port_) + "\r\n";
  bool has_body_method = method == "POST" || method == "PUT" || method == "PATCH";
  if (!HasHeader(headers, "content-length") && !HasHeader(headers, "transfer-encoding") &&
      (!body.empty() || has_body_method)) {
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  for (const auto& [name, value] : headers) out += name + ": " + value + "\r\n";
  out += "\r\n";
  out.append(body);
  if (!SendRaw(out)) {
    HttpResponse r;
    r.error = "send failed";
    Close();
    return r;
  }
  return ReadResponse(method == "HEAD");
}

}  // namespace jh::testing
