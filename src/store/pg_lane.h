// The lane of the audit chains a PostgreSQL store appends to (audit/chain.h; the why is in
// store/pg_store.cc and docs/architecture.md, "PostgreSQL"): held alone by a session
// advisory lock on a connection of its own, with the lane's heads kept in memory between
// transactions. Internal to the PostgreSQL store.
//
// Thread-safety: none; the store uses it under its write mutex only.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "store/pg_connection.h"
#include "store/store.h"

namespace jh::store::pg {

class Lane {
 public:
  // The URL is kept in memory only (never logged: it may hold a password). `now` tells the
  // time for the once-a-second check (PgOptions::lane_clock); empty: steady_clock.
  Lane(std::string url, std::function<std::chrono::steady_clock::time_point()> now)
      : url_(std::move(url)), now_(std::move(now)) {}

  // Before a write: a lane is held. The held one is checked at most once a second (its
  // connection may have broken, and its lock with it); without one, the lowest free lane is
  // taken, with no heads known. Errors: kUnavailable when PostgreSQL cannot be reached or
  // every lane is taken.
  [[nodiscard]] Status Hold();

  // What Append reads and moves (store::Tx::Lane()).
  LaneState& state() { return state_; }

  // After a transaction: its appends' heads become the committed ones when it committed;
  // either way the pending ones are forgotten.
  void Settle(bool committed);

  // Another writer appended to this lane (state().stale): forget every head, so the next
  // appends read them from the table.
  void ForgetHeads();

 private:
  [[nodiscard]] Status Take();
  [[nodiscard]] std::chrono::steady_clock::time_point Now() const;

  const std::string url_;
  const std::function<std::chrono::steady_clock::time_point()> now_;
  std::unique_ptr<Connection> conn_;  // holds the lock while open
  LaneState state_;
  std::chrono::steady_clock::time_point checked_;
};

}  // namespace jh::store::pg
