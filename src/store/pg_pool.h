// A pool of PostgreSQL connections for one store. Connections are made when first needed (a
// short command opens one, a busy server up to `size`), and one found broken is dropped when
// returned and made anew on the next Acquire — so the store recovers by itself when the
// server comes back after a restart. Internal to the PostgreSQL store.
//
// Thread-safety: Acquire and the Lease are safe from any thread; a leased Connection is used
// by the leasing thread only.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/pg_connection.h"

namespace jh::store::pg {

class Pool {
 public:
  // Gives a connection back to the pool when destroyed (drops it when broken).
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), c_(std::move(c)) {}
    ~Lease();
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Connection& operator*() const { return *c_; }
    Connection* operator->() const { return c_.get(); }
    // Drops this connection and leases a fresh one in its place (after it broke).
    [[nodiscard]] Status Replace();

   private:
    Pool* pool_;
    std::unique_ptr<Connection> c_;
  };

  // The URL is kept in memory only (never logged: it may hold a password).
  Pool(std::string url, int size) : url_(std::move(url)), size_(size) {}

  // Blocks while `size` connections are leased. Errors: kUnavailable when a new connection
  // cannot be made.
  [[nodiscard]] Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> c);

  const std::string url_;
  const int size_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  int open_ = 0;                                   // connections made and not dropped; mu_
};

// Runs `run(Connection&)`, the first statement of a unit of work, on the leased connection,
// and when the connection turns out to be broken (the server restarted since it was last used)
// runs it once more on a fresh one. Returns what `run` returns (a Status or Result) or the
// fresh connection's failure. Only for a first statement or a lone read: a retry must not be
// able to repeat a change.
template <class Run>
[[nodiscard]] auto RunFirst(Pool::Lease& c, Run run) -> decltype(run(*c)) {
  c->BeginTx();
  auto result = run(*c);
  if (result.ok() || !c->Broken()) return result;
  if (Status fresh = c.Replace(); !fresh.ok()) return fresh.error();
  c->BeginTx();
  return run(*c);
}

}  // namespace jh::store::pg
