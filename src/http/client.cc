// The webhook client behind client.h. Every step is an asynchronous Beast/Asio operation on
// a private io_context, run to completion before the next: the asynchronous forms are the
// ones Beast puts a deadline on (tcp_stream::expires_at), and one deadline bounds the whole
// exchange.
#if defined(__SANITIZE_THREAD__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wtsan"  // see server_core.h
#endif
// Boost 1.74's Asio uses std::exchange without including <utility> (see server_core.h).
#include <utility>

#include "http/client.h"

#include <openssl/ssl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace jh::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxResponseHeader = size_t{16} * 1024;

// Runs the operations started on `ioc` to completion.
void RunAll(asio::io_context& ioc) {
  ioc.restart();
  ioc.run();
}

Error Failed(const char* step, const error_code& ec) {
  std::string why;
  if (ec == beast::error::timeout || ec == asio::error::operation_aborted) {
    why = "time-out";
  } else if (ec == asio::error::connection_refused) {
    why = "verbinding geweigerd";
  } else {
    why = ec.message();  // system and OpenSSL texts: no URL, no body
  }
  return Error::Unavailable(std::string(step) + ": " + why);
}

bool IsIpv4(const std::string& host) {
  error_code ec;
  asio::ip::make_address_v4(host, ec);
  return !ec;
}

Result<tcp::resolver::results_type> Resolve(asio::io_context& ioc, const Url& url,
                                            Clock::time_point deadline) {
  tcp::resolver resolver(ioc);
  asio::steady_timer timer(ioc, deadline);
  error_code ec;
  tcp::resolver::results_type results;
  timer.async_wait([&resolver](error_code e) {
    if (!e) resolver.cancel();
  });
  resolver.async_resolve(url.host, std::to_string(url.port),
                         [&](error_code e, tcp::resolver::results_type r) {
                           ec = e;
                           results = std::move(r);
                           timer.cancel();
                         });
  RunAll(ioc);
  if (ec) return Failed("adres opzoeken", ec);
  return results;
}

template <class Stream>
Result<int> Exchange(asio::io_context& ioc, Stream& stream,
                     const bhttp::request<bhttp::string_body>& request) {
  error_code ec;
  bhttp::async_write(stream, request, [&ec](error_code e, size_t) { ec = e; });
  RunAll(ioc);
  if (ec) return Failed("verzenden", ec);
  // Only the status matters; the body is never read, so its size cannot hurt.
  beast::flat_buffer buffer(kMaxResponseHeader + 1024);
  bhttp::response_parser<bhttp::empty_body> parser;
  parser.header_limit(kMaxResponseHeader);
  bhttp::async_read_header(stream, buffer, parser, [&ec](error_code e, size_t) { ec = e; });
  RunAll(ioc);
  if (ec) return Failed("antwoord lezen", ec);
  return static_cast<int>(parser.get().result_int());
}

bhttp::request<bhttp::string_body> MakeRequest(
    const Url& url, const std::vector<std::pair<std::string, std::string>>& headers,
    const std::string& body) {
  bhttp::request<bhttp::string_body> request{bhttp::verb::post, url.target, 11};
  const bool default_port = url.port == (url.tls ? 443 : 80);
  request.set(bhttp::field::host,
              default_port ? url.host : url.host + ":" + std::to_string(url.port));
  request.set(bhttp::field::user_agent, std::string("jeugdhulp-webhook/") + JH_VERSION);
  request.set(bhttp::field::content_type, "application/json");
  request.set(bhttp::field::connection, "close");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.prepare_payload();
  return request;
}

}  // namespace

struct WebhookClient::Impl {
  ssl::context tls{ssl::context::tls_client};
};

WebhookClient::WebhookClient() : impl_(std::make_unique<Impl>()) {
  error_code ec;
  // TLS 1.2 or newer; a missing trust store makes every https delivery fail verification,
  // which is the safe outcome.
  impl_->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                             ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                             ssl::context::no_tlsv1_1,
                         ec);
  impl_->tls.set_default_verify_paths(ec);
  impl_->tls.set_verify_mode(ssl::verify_peer, ec);
}

WebhookClient::~WebhookClient() = default;

Result<int> WebhookClient::Post(const Url& url,
                                const std::vector<std::pair<std::string, std::string>>& headers,
                                const std::string& body, std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  asio::io_context ioc;
  JH_ASSIGN_OR_RETURN(tcp::resolver::results_type endpoints, Resolve(ioc, url, deadline));
  const auto request = MakeRequest(url, headers, body);
  error_code ec;
  if (!url.tls) {
    beast::tcp_stream stream(ioc);
    stream.expires_at(deadline);
    stream.async_connect(endpoints, [&ec](error_code e, const tcp::endpoint&) { ec = e; });
    RunAll(ioc);
    if (ec) return Failed("verbinden", ec);
    return Exchange(ioc, stream, request);
  }
  beast::ssl_stream<beast::tcp_stream> stream(ioc, impl_->tls);
  // SNI names the host (never an address); the certificate must match the host name.
  if (!IsIpv4(url.host) &&
      SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str()) != 1) {
    return Error::Unavailable("TLS: de hostnaam kan niet worden ingesteld");
  }
  stream.set_verify_callback(ssl::host_name_verification(url.host), ec);
  beast::get_lowest_layer(stream).expires_at(deadline);
  beast::get_lowest_layer(stream).async_connect(
      endpoints, [&ec](error_code e, const tcp::endpoint&) { ec = e; });
  RunAll(ioc);
  if (ec) return Failed("verbinden", ec);
  stream.async_handshake(ssl::stream_base::client, [&ec](error_code e) { ec = e; });
  RunAll(ioc);
  if (ec) return Failed("TLS", ec);
  // No TLS shutdown afterwards: the connection is closed either way and a peer that does
  // not answer the close_notify would only cost time.
  return Exchange(ioc, stream, request);
}

}  // namespace jh::http
