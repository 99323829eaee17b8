#include "store/pg_pool.h"

namespace jh::store::pg {

Pool::Lease::~Lease() {
  if (pool_ != nullptr && c_ != nullptr) pool_->Release(std::move(c_));
}

Status Pool::Lease::Replace() {
  JH_ASSIGN_OR_RETURN(std::unique_ptr<Connection> fresh, Connection::Open(pool_->url_));
  c_ = std::move(fresh);  // the broken one is closed here; the slot stays ours
  return {};
}

Result<Pool::Lease> Pool::Acquire() {
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !idle_.empty() || open_ < size_; });
    if (!idle_.empty()) {
      std::unique_ptr<Connection> c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
    ++open_;  // reserve the slot; connect without holding the lock
  }
  Result<std::unique_ptr<Connection>> made = Connection::Open(url_);
  if (!made.ok()) {
    {
      std::lock_guard lock(mu_);
      --open_;
    }
    cv_.notify_one();
    return std::move(made).error();
  }
  return Lease(this, std::move(made).value());
}

void Pool::Release(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lock(mu_);
    if (c->Broken()) {
      --open_;
    } else {
      idle_.push_back(std::move(c));
    }
  }
  // Outside the lock: a broken connection is closed (a network round trip) after unlocking.
  cv_.notify_one();
}

}  // namespace jh::store::pg
