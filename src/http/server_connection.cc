// One HTTP/1.1 connection (Boost.Beast): the project's only Beast translation unit.
//
// States: kIdle (waiting for the first byte of a request; idle_timeout on keep-alive,
// read_timeout on a fresh connection) → kReading (the whole request must arrive within
// read_timeout) → kHandling (on a worker thread) → kWriting → kIdle again, or kLingering
// (after an error response: stop sending, discard input briefly, close) → kClosed.
#include "http/server_core.h"  // first: it includes <utility> before Asio

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <optional>

#include "http/server_support.h"

namespace jh::http::internal {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using error_code = boost::system::error_code;

constexpr size_t kFirstReadBytes = 4096;
// After an error response the peer may still be sending (a body over the limit). Closing
// with unread input makes the kernel send RST, which can destroy our response before the
// client reads it, so discard input for a bounded time and amount first.
constexpr std::chrono::milliseconds kMaxLinger{1000};
constexpr size_t kMaxLingerBytes = 1 << 20;

bool IsHttpSyntaxError(const error_code& ec) {
  static const error_code kSample = bhttp::error::bad_method;
  if (ec.category() != kSample.category()) return false;
  return ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

class Session : public Connection, public std::enable_shared_from_this<Session> {
 public:
  Session(ServerCore* core, tcp::socket socket, bool counted)
      : core_(core), stream_(std::move(socket)), counted_(counted) {
    error_code ec;
    tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = peer.address().to_string();
  }
  ~Session() override {
    if (counted_) {
      core_->Unregister(this);
    } else {
      --core_->rejecting;
    }
  }

  void Start() override {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->WaitForRequest(); });
  }
  void StartRejected() override {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->Fail(ErrorCode::kUnavailable,
                 "De server heeft het maximum aantal verbindingen bereikt; probeer het later "
                 "opnieuw.");
    });
  }
  void OnStop() override {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      // A request being read or handled finishes (with Connection: close); idle ones go.
      if (self->state_ == State::kIdle || self->state_ == State::kLingering) self->Close();
    });
  }

 private:
  enum class State { kIdle, kReading, kHandling, kWriting, kLingering, kClosed };

  void WaitForRequest() {
    if (core_->stopping_flag) return Close();
    state_ = State::kIdle;
    parser_.emplace();
    parser_->header_limit(
        static_cast<std::uint32_t>(std::min<size_t>(core_->options.max_header_bytes, UINT32_MAX)));
    parser_->body_limit(core_->options.max_body_bytes);
    if (buffer_.size() > 0) return ReadRequest();  // a pipelined request is already here
    stream_.expires_after(first_ ? core_->options.read_timeout : core_->options.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                            [self = shared_from_this()](error_code ec, size_t n) {
                              if (ec) return self->Close();  // EOF, idle timeout or Stop
                              self->buffer_.commit(n);
                              self->ReadRequest();
                            });
  }

  void ReadRequest() {
    state_ = State::kReading;
    received_ = Clock::now();
    // On a fresh connection the deadline set at accept still runs: the first request must
    // be complete within read_timeout of connecting.
    if (!first_) stream_.expires_after(core_->options.read_timeout);
    first_ = false;
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](error_code ec, size_t) {
                               if (ec) return self->OnReadError(ec);
                               self->OnHeader();
                             });
  }

  void OnHeader() {
    const auto& msg = parser_->get();
    auto expect = msg.find(bhttp::field::expect);
    if (!parser_->is_done() && expect != msg.end() && ToLower(expect->value()) == "100-continue") {
      // The header passed the limits; tell the client to send the body (curl waits for it).
      continue_.emplace(bhttp::status::continue_, msg.version());
      bhttp::async_write(stream_, *continue_, [self = shared_from_this()](error_code ec, size_t) {
        if (ec) return self->Close();
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Dispatch();
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](error_code ec, size_t) {
                        if (ec) return self->OnReadError(ec);
                        self->Dispatch();
                      });
  }

  void OnReadError(const error_code& ec) {
    if (ec == bhttp::error::body_limit) {
      return Fail(
          ErrorCode::kPayloadTooLarge,
          "Het verzoek is groter dan " + std::to_string(core_->options.max_body_bytes) + " bytes.");
    }
    if (ec == bhttp::error::header_limit) {
      return Fail(ErrorCode::kHeaderTooLarge, "De headers zijn groter dan " +
                                                  std::to_string(core_->options.max_header_bytes) +
                                                  " bytes.");
    }
    if (IsHttpSyntaxError(ec)) {
      return Fail(ErrorCode::kInvalidArgument, "Het verzoek is geen geldig HTTP/1.1-bericht.");
    }
    Close();  // timeout (slow client), the peer went away, or Stop
  }

  void Dispatch() {
    state_ = State::kHandling;
    auto& msg = parser_->get();
    Request request;
    request.method = std::string(msg.method_string());
    request.remote = remote_;
    request.received = received_;
    for (const auto& field : msg) {
      std::string name = ToLower(field.name_string());
      auto [it, inserted] = request.headers.emplace(name, std::string(field.value()));
      if (!inserted) {  // repeated header: one comma-separated list (RFC 9110 §5.3)
        it->second += name == "cookie" ? "; " : ", ";
        it->second += field.value();
      }
    }
    request.trace = StartSpan(request.Header("traceparent"));
    bool keep_alive = msg.keep_alive();
    version_ = msg.version();
    head_ = msg.method() == bhttp::verb::head;
    std::optional<Target> target = ParseTarget(msg.target());
    if (!target) {
      // The framing is intact, so the connection can stay open for the next request.
      Response problem = ServerProblem(ErrorCode::kInvalidArgument,
                                       "Het pad van het verzoek is ongeldig.", std::string_view());
      return Respond(std::move(problem), request, keep_alive);
    }
    request.path = std::move(target->path);
    request.query = std::move(target->query);
    request.body = std::move(msg.body());
    asio::post(*core_->pool,
               [self = shared_from_this(), request = std::move(request), keep_alive]() mutable {
                 MarkServerThread();
                 Response response = CallHandler(self->core_->handler, request);
                 self->Respond(std::move(response), request, keep_alive);
               });
  }

  // Completes the response (standard headers, traceparent), records it and sends it on the
  // connection's strand. Callable from any thread.
  void Respond(Response response, const Request& request, bool keep_alive) {
    FinishResponse(response, request.trace, core_->options.api_version);
    core_->metrics->Record(request.method, request.route, response.status,
                           Clock::now() - request.received);
    asio::post(stream_.get_executor(),
               [self = shared_from_this(), keep_alive, response = std::move(response)]() mutable {
                 self->Send(std::move(response), keep_alive, /*linger=*/false);
               });
  }

  // Answers a problem the server found itself, then lingers and closes.
  void Fail(ErrorCode code, std::string message) {
    const bhttp::request<bhttp::string_body>* msg = parser_ ? &parser_->get() : nullptr;
    Request request;  // as much of the request as was parsed, for metrics and trace
    request.received = state_ == State::kReading ? received_ : Clock::now();
    std::string instance;
    if (msg != nullptr) {
      request.method = std::string(msg->method_string());
      auto tp = msg->find("traceparent");
      if (tp != msg->end()) request.trace = StartSpan(tp->value());
      if (std::optional<Target> t = ParseTarget(msg->target())) instance = std::move(t->path);
      version_ = msg->version() == 10 ? 10 : 11;
    }
    if (request.trace.trace_id.empty()) request.trace = StartSpan("");
    Response response = ServerProblem(code, std::move(message), instance);
    FinishResponse(response, request.trace, core_->options.api_version);
    core_->metrics->Record(request.method, request.route, response.status,
                           Clock::now() - request.received);
    head_ = false;
    Send(std::move(response), /*keep_alive=*/false, /*linger=*/true);
  }

  void Send(Response response, bool keep_alive, bool linger) {
    state_ = State::kWriting;
    keep_alive = keep_alive && !core_->stopping_flag;
    response_.emplace(BuildWire(std::move(response), keep_alive));
    // A client that does not read its response is dead weight; idle_timeout bounds it.
    stream_.expires_after(std::max(core_->options.idle_timeout, core_->options.read_timeout));
    bhttp::async_write(stream_, *response_,
                       [self = shared_from_this(), keep_alive, linger](error_code ec, size_t) {
                         self->response_.reset();
                         if (ec) return self->Close();
                         if (linger) return self->Linger();
                         if (!keep_alive) return self->Close();
                         self->WaitForRequest();
                       });
  }

  bhttp::response<bhttp::string_body> BuildWire(Response response, bool keep_alive) const {
    if (response.status < 200 || response.status > 599) {
      // A handler returned a status we cannot send as a final response: a defect.
      Response problem = ServerProblem(ErrorCode::kInternal, "Ongeldige statuscode.", "");
      problem.headers = std::move(response.headers);
      response = std::move(problem);
    }
    bhttp::response<bhttp::string_body> wire;
    wire.version(version_);
    wire.result(static_cast<unsigned>(response.status));
    bool no_body = response.status == 204 || response.status == 304;
    if (!response.content_type.empty() && !no_body) {
      wire.set(bhttp::field::content_type, response.content_type);
    }
    for (auto& [name, value] : response.headers) {
      if (!IsSafeHeader(name, value) || IsFramingHeader(name)) continue;
      if (!response.content_type.empty() && ToLower(name) == "content-type") continue;
      wire.insert(name, value);
    }
    if (!no_body) wire.body() = std::move(response.body);
    wire.keep_alive(keep_alive);
    wire.prepare_payload();
    if (head_) wire.body().clear();  // HEAD: the length of the body, not the body
    return wire;
  }

  void Linger() {
    state_ = State::kLingering;
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(
        std::min<std::chrono::milliseconds>(kMaxLinger, core_->options.read_timeout));
    Discard();
  }

  void Discard() {
    stream_.async_read_some(asio::buffer(discard_),
                            [self = shared_from_this()](error_code ec, size_t n) {
                              self->lingered_ += n;
                              if (ec || self->lingered_ > kMaxLingerBytes) return self->Close();
                              self->Discard();
                            });
  }

  void Close() {
    if (state_ == State::kClosed) return;
    state_ = State::kClosed;
    error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  ServerCore* const core_;
  beast::tcp_stream stream_;
  const bool counted_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  std::array<char, 4096> discard_{};
  size_t lingered_ = 0;
  std::string remote_;
  State state_ = State::kIdle;
  bool first_ = true;
  bool head_ = false;
  unsigned version_ = 11;
  Clock::time_point received_ = Clock::now();
};

}  // namespace

std::shared_ptr<Connection> MakeConnection(ServerCore* core, tcp::socket socket, bool counted) {
  return std::make_shared<Session>(core, std::move(socket), counted);
}

}  // namespace jh::http::internal
