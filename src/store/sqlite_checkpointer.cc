#include "store/sqlite_checkpointer.h"

#include <pthread.h>

#include <system_error>
#include <utility>

#include "core/log.h"

namespace jh::store::sqlite {

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(std::unique_ptr<Connection> connection,
                                                          int limit_pages) {
  std::unique_ptr<Checkpointer> c(new Checkpointer(std::move(connection), limit_pages));
  try {
    c->thread_ = std::thread([raw = c.get()] { raw->Loop(); });
  } catch (const std::system_error&) {
    return Error::Unavailable("De checkpointthread van de opslag kan niet starten.");
  }
  return c;
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void Checkpointer::AfterCommit(Connection& writer, int wal_frames) {
  switch (StepAfterCommit(wal_frames, limit_pages_)) {
    case CheckpointStep::kNone:
      return;
    case CheckpointStep::kBackground:
      Request();
      return;
    case CheckpointStep::kInline: {
      // Waits for a checkpoint of the thread, so that this one copies the rest; busy now
      // means another process is checkpointing, and the next commit looks again.
      std::lock_guard pass(pass_mu_);
      Result<bool> r = writer.CheckpointPassive();
      Count(r, "writer", inline_runs_);
      return;
    }
  }
}

void Checkpointer::Count(const Result<bool>& r, const char* by, std::atomic<int64_t>& runs) {
  if (!r.ok()) {
    // SQLite's error text names codes, never a value.
    log::Error("store-checkpoint-failed", {{"by", by}, {"cause", r.error().message}});
    ++failures_;
  } else if (*r) {
    ++runs;
  }
}

void Checkpointer::Request() {
  {
    std::lock_guard lock(mu_);
    requested_ = true;
  }
  cv_.notify_one();
}

void Checkpointer::Loop() {
  pthread_setname_np(pthread_self(), "jh-checkpoint");
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stop_ || requested_; });
      if (stop_) return;
      requested_ = false;
    }
    std::lock_guard pass(pass_mu_);
    Result<bool> r = conn_->CheckpointPassive();
    Count(r, "background", background_runs_);
  }
}

}  // namespace jh::store::sqlite
