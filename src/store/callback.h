// Running a store callback, shared by both stores: the Tx it gets and the guard around it.
#pragma once

#include "core/result.h"
#include "store/store.h"

namespace jh::store {

// Calls a store callback; an exception escaping it becomes kInternal (its text is dropped:
// it could hold anything, personal data included).
[[nodiscard]] inline Status CallSafely(const Store::TxFn& fn, Tx& tx) {
  try {
    return fn(tx);
  } catch (...) {
    return Error::Internal("Een opslagtransactie is afgebroken door een uitzondering.");
  }
}

// The Tx handed to store callbacks: forwards to a store's own connection type.
template <class Connection>
class ConnectionTx final : public Tx {
 public:
  explicit ConnectionTx(Connection& c, LaneState* lane = nullptr) : c_(c), lane_(lane) {}
  Result<Rows> Query(std::string_view sql, std::vector<Value> params) override {
    return c_.Query(sql, params);
  }
  Result<int64_t> Exec(std::string_view sql, std::vector<Value> params) override {
    return c_.Exec(sql, params);
  }
  LaneState* Lane() override { return lane_; }

 private:
  Connection& c_;
  LaneState* lane_;
};

}  // namespace jh::store
