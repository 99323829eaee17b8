// Private to the server (server.cc and server_connection.cc; never include elsewhere: it
// pulls in Asio). The state all connections share, and the interface through which the
// listener drives a connection without seeing Beast, so only server_connection.cc pays
// Beast's compile cost.
#pragma once

// g++ 12 with -fsanitize=thread warns (-Wtsan) about the atomic_thread_fence in Asio's
// std_fenced_block, and warnings are errors. TSan cannot see fences, but Asio's handler
// queues synchronise through mutexes it does see, so the warning carries no information.
// This must precede every include, so that <atomic> is covered.
#if defined(__SANITIZE_THREAD__) && defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored "-Wtsan"
#endif

// Boost 1.74's Asio uses std::exchange without including <utility>; g++ 12 in C++20 mode
// then fails, so <utility> must come first.
#include <utility>

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/server.h"

namespace jh::http::internal {

// One accepted TCP connection. Methods may be called from any thread; implementations
// hop onto the connection's strand.
class Connection {
 public:
  virtual ~Connection() = default;
  // Serves requests until the peer leaves, a limit is hit or the server stops.
  virtual void Start() = 0;
  // Answers 503 problem+json (connection limit reached) and closes.
  virtual void StartRejected() = 0;
  // The server is stopping: close now when idle, else after the current response.
  virtual void OnStop() = 0;
};

struct ServerCore;

// Creates a connection for `socket`. A `counted` connection unregisters itself from
// `core` when destroyed; a rejected one was never registered.
std::shared_ptr<Connection> MakeConnection(ServerCore* core, boost::asio::ip::tcp::socket socket,
                                           bool counted);

// Everything the connections share. Members are ordered for destruction: connections
// still queued in the worker pool or the io_context unregister themselves when those are
// destroyed, so the registry and options must outlive both.
struct ServerCore {
  ServerCore(ServerOptions o, std::function<Response(Request&)> h, Metrics* m)
      : options(std::move(o)), handler(std::move(h)), metrics(m) {}

  void DoAccept();
  void OnAccept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);
  void Unregister(Connection* connection);
  void StopNow();
  void RunIo();

  const ServerOptions options;
  const std::function<Response(Request&)> handler;
  Metrics* const metrics;

  std::mutex mu;  // guards connections, stopping, done
  std::condition_variable cv;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;
  bool stopping = false;
  bool done = false;
  std::atomic<bool> stopping_flag{false};  // lock-free mirror of `stopping`
  // Rejected connections still being answered 503. Bounded by max_connections, so a flood
  // of connections cannot tie up unbounded file descriptors while they linger.
  std::atomic<int> rejecting{0};
  bool started = false;
  uint16_t port = 0;

  std::mutex stop_mu;   // serialises Start and Stop callers
  std::thread stopper;  // runs StopNow when Stop is called from a server thread

  boost::asio::io_context ioc;
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;
  boost::asio::ip::tcp::acceptor acceptor{boost::asio::make_strand(ioc)};
  boost::asio::steady_timer accept_retry{acceptor.get_executor()};
  std::vector<std::thread> io_threads;
  std::optional<boost::asio::thread_pool> pool;  // declared last: destroyed (joined) first
};

// Marks the calling thread as one of the server's own (io or worker), so Stop() called
// from a handler does not wait for itself.
void MarkServerThread();
bool IsServerThread();

}  // namespace jh::http::internal
