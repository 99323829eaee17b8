// The listener and lifecycle behind server.h: accepting, the connection limit, threads,
// graceful stop. Per-connection HTTP handling (Beast) is in server_connection.cc.
#include "http/server_core.h"  // first: it includes <utility> before Asio

#include "core/log.h"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <future>

namespace jh::http::internal {

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

// Set on the server's own threads, so Stop() called from a handler does not join itself.
thread_local bool t_server_thread = false;

}  // namespace

void MarkServerThread() { t_server_thread = true; }
bool IsServerThread() { return t_server_thread; }

void ServerCore::DoAccept() {
  acceptor.async_accept(asio::make_strand(ioc),
                        [this](error_code ec, tcp::socket s) { OnAccept(ec, std::move(s)); });
}

void ServerCore::OnAccept(error_code ec, tcp::socket socket) {
  if (ec) {
    if (ec == asio::error::operation_aborted || stopping_flag) return;
    // Typically EMFILE: back off briefly rather than spin on a failing accept.
    accept_retry.expires_after(std::chrono::milliseconds(50));
    accept_retry.async_wait([this](error_code wait_ec) {
      if (!wait_ec && !stopping_flag) DoAccept();
    });
    return;
  }
  error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);  // small responses must not wait for Nagle
  std::shared_ptr<Connection> connection;
  bool rejected = false;
  {
    // Registering under `mu` with the `stopping` check closes the race with StopNow: a
    // connection is either seen by StopNow or never registered.
    std::lock_guard<std::mutex> lock(mu);
    if (stopping) return;  // the socket closes as it goes out of scope
    rejected = static_cast<int>(connections.size()) >= options.max_connections;
    connection = MakeConnection(this, std::move(socket), !rejected);
    if (!rejected) connections.emplace(connection.get(), connection);
  }
  if (rejected) {
    metrics->ConnectionRejected();
    // Over the bound the 503 is skipped: dropping the connection is the cheaper refusal.
    if (rejecting.fetch_add(1) < options.max_connections) connection->StartRejected();
    connection.reset();  // without StartRejected the last reference; the socket closes
  } else {
    metrics->ConnectionOpened();
    connection->Start();
  }
  DoAccept();
}

void ServerCore::Unregister(Connection* connection) {
  {
    std::lock_guard<std::mutex> lock(mu);
    connections.erase(connection);
  }
  metrics->ConnectionClosed();
  cv.notify_all();
}

void ServerCore::RunIo() {
  MarkServerThread();
  while (true) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      // Handlers here catch their own errors; this is the last line, keep serving.
      log::Error("http-io-exception", {{"what", e.what()}});
    } catch (...) {
      log::Error("http-io-exception", {{"what", "unknown"}});
    }
  }
}

void ServerCore::StopNow() {
  std::lock_guard<std::mutex> stop_lock(stop_mu);
  {
    std::lock_guard<std::mutex> lock(mu);
    if (done) return;
  }
  if (started) {
    std::vector<std::weak_ptr<Connection>> live;
    {
      std::lock_guard<std::mutex> lock(mu);
      stopping = true;
      stopping_flag = true;
      for (const auto& [ptr, weak] : connections) live.push_back(weak);
    }
    // Close the listener on its strand and wait, so no connection is accepted after Stop.
    std::promise<void> closed;
    std::future<void> closed_future = closed.get_future();
    asio::post(acceptor.get_executor(), [this, &closed] {
      error_code ignored;
      acceptor.close(ignored);
      accept_retry.cancel();
      closed.set_value();
    });
    closed_future.wait();
    // Locking outside `mu`: dropping the last reference runs ~Connection, which takes `mu`.
    for (const std::weak_ptr<Connection>& weak : live) {
      if (std::shared_ptr<Connection> c = weak.lock()) c->OnStop();
    }
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait_for(lock, options.drain_timeout, [this] { return connections.empty(); });
    }
    work.reset();
    ioc.stop();
    for (std::thread& t : io_threads) t.join();
    io_threads.clear();
    // Queued handlers are dropped; running ones are waited for (they cannot be interrupted).
    pool->stop();
    pool->join();
  }
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv.notify_all();
}

}  // namespace jh::http::internal

namespace jh::http {

using internal::ServerCore;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct Server::Impl {
  Impl(ServerOptions o, std::function<Response(Request&)> h, Metrics* m)
      : core(std::move(o), std::move(h), m) {}
  ServerCore core;
};

Server::Server(ServerOptions options, std::function<Response(Request&)> handler, Metrics* metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), metrics)) {}

Server::~Server() {
  Stop();
  ServerCore& c = impl_->core;
  Wait();
  std::lock_guard<std::mutex> stop_lock(c.stop_mu);
  if (c.stopper.joinable() && c.stopper.get_id() != std::this_thread::get_id()) c.stopper.join();
  if (c.stopper.joinable()) c.stopper.detach();
}

Status Server::Start() {
  ServerCore& c = impl_->core;
  std::lock_guard<std::mutex> stop_lock(c.stop_mu);
  {
    std::lock_guard<std::mutex> lock(c.mu);
    if (c.started || c.done) return Error::Internal("server already started or stopped");
  }
  std::string where = c.options.host + ":" + std::to_string(c.options.port);
  boost::system::error_code ec;
  tcp::resolver resolver(c.ioc);
  auto endpoints = resolver.resolve(c.options.host, std::to_string(c.options.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || endpoints.empty()) return Error::Unavailable("cannot resolve " + where);
  tcp::endpoint endpoint = endpoints.begin()->endpoint();
  c.acceptor.open(endpoint.protocol(), ec);
  if (!ec) c.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) c.acceptor.bind(endpoint, ec);
  if (!ec) c.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    boost::system::error_code ignored;
    c.acceptor.close(ignored);
    return Error::Unavailable("cannot listen on " + where + ": " + ec.message());
  }
  c.port = c.acceptor.local_endpoint(ec).port();
  c.pool.emplace(static_cast<size_t>(std::max(1, c.options.worker_threads)));
  c.work.emplace(asio::make_work_guard(c.ioc));
  asio::post(c.acceptor.get_executor(), [&c] { c.DoAccept(); });
  for (int i = 0; i < std::max(1, c.options.io_threads); ++i) {
    c.io_threads.emplace_back([&c] { c.RunIo(); });
  }
  c.started = true;
  return Status();
}

uint16_t Server::port() const { return impl_->core.port; }

void Server::Stop() {
  ServerCore& c = impl_->core;
  if (internal::IsServerThread()) {
    // From a handler or io thread: joining the pools here would wait for ourselves.
    std::lock_guard<std::mutex> stop_lock(c.stop_mu);
    if (!c.stopper.joinable()) c.stopper = std::thread([&c] { c.StopNow(); });
    return;
  }
  c.StopNow();
}

void Server::Wait() {
  ServerCore& c = impl_->core;
  std::unique_lock<std::mutex> lock(c.mu);
  c.cv.wait(lock, [&c] { return c.done; });
}

}  // namespace jh::http
