// Applying the retention rules (API.md `jeugdhulp purge`; VIR-11, VIR-12, VT-08, JW-09 — and
// the retention rules of later areas as they arrive). Runs as the system actor with its own trail,
// so every removal is in the processing log like any request. `serve` runs it at start and daily.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "services/env.h"
#include "services/jw_opschoning.h"
#include "services/vir_opschoning.h"
#include "services/vt_bewaring.h"

namespace jh::app {

struct PurgeSummary {
  services::VirOpschoning verwijsindex;
  services::VtBewaring veilig_thuis;
  services::JwOpschoning jeugdhulp;  // JW-09
};

// One run as of env.clock.Today(). `env` must carry no trail or actor: the run makes its own.
[[nodiscard]] Result<PurgeSummary> Purge(const services::Env& env);

// Runs Purge once, on the calling thread, and logs the counts; a failure is logged and
// returned. `serve` calls it before it listens, so no request on a new date sees data the
// retention rules have already removed.
[[nodiscard]] Status PurgeAndLog(const services::Env& env);

// Runs Purge every 24 hours (the first run 24 hours after construction) on its own thread
// until destroyed. A failed run is logged and retried at the next interval; it never stops
// the server.
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
