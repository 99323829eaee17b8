// Copies the WAL into the database file on a thread of its own, so that the writer does not.
//
// Why: with SQLite's automatic checkpoint the commit that fills the WAL to its limit copies
// every page of it into the database file and syncs that file before it returns — on the
// writer thread, while every caller queued for the next batch waits. Measured on `bench/vir`
// (empty index, 64 connections, 8,000-page limit): one commit in ~70 took 15–49 ms instead of
// ~1 ms, and those stalls made the p99 latency. Here the writer only notices, after each
// commit, how full the WAL is (Connection::SetWalHook) and wakes this thread, which runs a
// PASSIVE checkpoint on a connection of its own while the writer goes on.
//
// The WAL stays bounded: should it reach kInlineFactor times the limit (the thread cannot
// keep up, or its checkpoints never catch up with the writer and so the WAL never starts over),
// the writer waits for a checkpoint the thread is running and then checkpoints itself after
// that commit, as SQLite would have; with no reader holding an older snapshot the next write
// transaction starts the WAL over. A checkpoint that fails is logged and tried again at the
// next request; the committed data is in the WAL, and SQLite reads it from there until a
// checkpoint succeeds. Internal to the SQLite store.
//
// Thread-safety: Request, AfterCommit and the counters are safe from any thread. AfterCommit
// uses the writer's connection, so only the writer thread (its WAL hook) may call it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "core/result.h"
#include "store/sqlite_connection.h"

namespace jh::store::sqlite {

// What a writer does after a commit that left `wal_frames` frames in the WAL.
enum class CheckpointStep { kNone, kBackground, kInline };
inline constexpr int kInlineFactor = 4;
[[nodiscard]] constexpr CheckpointStep StepAfterCommit(int wal_frames, int limit_pages) {
  if (limit_pages <= 0) return CheckpointStep::kNone;
  if (wal_frames >= kInlineFactor * limit_pages) return CheckpointStep::kInline;
  if (wal_frames >= limit_pages) return CheckpointStep::kBackground;
  return CheckpointStep::kNone;
}

class Checkpointer {
 public:
  // Takes over `connection` (read-write, on the same file as the writer) and starts the
  // thread. `limit_pages` > 0. Errors: kUnavailable when the thread cannot be started.
  [[nodiscard]] static Result<std::unique_ptr<Checkpointer>> Start(
      std::unique_ptr<Connection> connection, int limit_pages);
  // Finishes a checkpoint that is running, then stops the thread.
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // The writer's WAL hook: applies StepAfterCommit with `writer`, the writer's connection.
  void AfterCommit(Connection& writer, int wal_frames);
  // Wakes the thread for one checkpoint (requests while one runs are merged into the next).
  void Request();

  // Checkpoints finished on the thread, and run by the writer itself.
  [[nodiscard]] int64_t BackgroundRuns() const { return background_runs_.load(); }
  [[nodiscard]] int64_t InlineRuns() const { return inline_runs_.load(); }
  // Checkpoints that failed (each one logged), on the thread or by the writer.
  [[nodiscard]] int64_t Failures() const { return failures_.load(); }

 private:
  Checkpointer(std::unique_ptr<Connection> connection, int limit_pages)
      : conn_(std::move(connection)), limit_pages_(limit_pages) {}
  void Loop();
  // Logs and counts a failure, or counts a checkpoint that ran in `runs`.
  void Count(const Result<bool>& r, const char* by, std::atomic<int64_t>& runs);

  std::unique_ptr<Connection> conn_;  // the checkpoint thread's only
  const int limit_pages_;
  std::mutex pass_mu_;  // held for each checkpoint, so the writer's waits for the thread's
  std::mutex mu_;
  std::condition_variable cv_;
  bool requested_ = false;  // guarded by mu_
  bool stop_ = false;       // guarded by mu_
  std::atomic<int64_t> background_runs_{0};
  std::atomic<int64_t> inline_runs_{0};
  std::atomic<int64_t> failures_{0};
  std::thread thread_;
};

}  // namespace jh::store::sqlite
