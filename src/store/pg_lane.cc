#include "store/pg_lane.h"

#include "core/log.h"

namespace jh::store::pg {

namespace {

// Lane n is held by the key kLockBase + n: "JH" and 3 (0x4A480003) in the high 32 bits; the
// store's other advisory locks are 0x4A480001 (the writer lock before lanes) and 0x4A480002
// (migrations).
constexpr int64_t kLockBase = int64_t{1246232579} << 32;
constexpr int64_t kMaxLanes = 1000;
// How often a write checks that the lane connection (and so its lock) is still there.
constexpr auto kCheckInterval = std::chrono::seconds(1);

}  // namespace

Status Lane::Hold() {
  const auto now = Now();
  if (conn_ && now - checked_ < kCheckInterval) return {};
  if (conn_) {
    conn_->BeginTx();
    if (conn_->Control("SELECT 1").ok()) {
      checked_ = now;
      return {};
    }
    log::Warn("store-lane-lost", {{"lane", state_.lane}});
  }
  return Take();
}

std::chrono::steady_clock::time_point Lane::Now() const {
  return now_ ? now_() : std::chrono::steady_clock::now();
}

Status Lane::Take() {
  conn_.reset();  // closing the connection releases the lock of a lane held before
  state_ = LaneState{};
  JH_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, Connection::Open(url_));
  for (int64_t n = 1; n <= kMaxLanes; ++n) {
    conn->BeginTx();
    JH_ASSIGN_OR_RETURN(Rows got,
                        conn->Query("SELECT CASE WHEN pg_try_advisory_lock($1) THEN 1 ELSE 0 END",
                                    {kLockBase + n}));
    if (!got.empty() && got[0].Int(0) == 1) {
      state_.lane = n;
      conn_ = std::move(conn);
      checked_ = Now();
      log::Info("store-lane-taken", {{"lane", n}});
      return {};
    }
  }
  return Error::Unavailable("Alle " + std::to_string(kMaxLanes) +
                            " banen van de auditketens zijn bezet.");
}

void Lane::Settle(bool committed) {
  for (size_t i = 0; i < state_.pending.size(); ++i) {
    if (committed && state_.pending[i]) state_.committed[i] = state_.pending[i];
    state_.pending[i].reset();
  }
}

void Lane::ForgetHeads() {
  for (auto& head : state_.committed) head.reset();
  for (auto& head : state_.pending) head.reset();
  state_.seqs.clear();  // the other writer may have appended higher seqs than these
  state_.next_seq = 0;
  state_.stale = false;
  log::Warn("store-lane-stale", {{"lane", state_.lane}});
}

}  // namespace jh::store::pg
