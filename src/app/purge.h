// Applying the retention rules (API.md `jeugdhulp purge`; VIR-11, VIR-12, JW-09 — and the retention
// rules of later areas as they arrive). Runs as the system actor with its own trail, so every
// removal is in the processing log like any request. `serve` runs it at start and daily.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "services/env.h"
#include "services/jw_opschoning.h"
#include "services/vir_opschoning.h"

namespace jh::app {

struct PurgeSummary {
  services::VirOpschoning verwijsindex;
  services::JwOpschoning jeugdhulp;  // JW-09
};

// One run as of env.clock.Today(). `env` must carry no trail or actor: the run makes its own.
[[nodiscard]] Result<PurgeSummary> Purge(const services::Env& env);

// Runs Purge and logs what it did or why it failed; a failure never stops the caller.
void RunAndLog(const services::Env& env);

// Runs RunAndLog every 24 hours on its own thread until destroyed (the first run 24 hours
// after construction: serve runs one itself before it takes requests).
class DailyPurge {
 public:
  explicit DailyPurge(services::Env env);
  ~DailyPurge();
  DailyPurge(const DailyPurge&) = delete;
  DailyPurge& operator=(const DailyPurge&) = delete;

 private:
  void Loop();
  services::Env env_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace jh::app
