#include "app/purge.h"

#include <chrono>

#include "audit/trail.h"
#include "core/log.h"
#include "services/write.h"

namespace jh::app {

Result<PurgeSummary> Purge(const services::Env& base) {
  audit::Trail trail = audit::SystemTrail(base.vault, base.clock);
  auth::Actor system = auth::Actor::System();
  services::Env env{base.store, base.vault, base.clock, &trail, &system, base.ledger};
  PurgeSummary summary;
  JH_ASSIGN_OR_RETURN(summary.verwijsindex, services::PurgeVerwijsindex(env));
  JH_ASSIGN_OR_RETURN(summary.veilig_thuis, services::PurgeVeiligThuis(env));
  JH_ASSIGN_OR_RETURN(summary.jeugdhulp, services::PurgeJeugdhulp(env));
  JH_TRY(services::FlushTrail(env));
  // VT-08, JW-09, AVG-04: a destroyed key must not live on in old page images of the WAL
  // until some later checkpoint reuses it; erasure and VT-09 destruction do the same.
  const auto& v = summary.verwijsindex;
  if (v.verwijderd + v.vernietigd + summary.veilig_thuis.vernietigd +
          summary.jeugdhulp.dossiers_vernietigd >
      0) {
    if (Status forgot = env.store.ForgetOverwritten(); !forgot.ok()) {
      log::Warn("erasure-wal-not-truncated", {{"reason", forgot.error().message}});
    }
  }
  return summary;
}

Status PurgeAndLog(const services::Env& env) {
  auto result = Purge(env);
  if (!result.ok()) {
    log::Error("purge-failed", {{"reason", result.error().message}});
    return std::move(result).error();
  }
  const auto& v = result->verwijsindex;
  log::Info("purge", {{"vir_gearchiveerd", v.gearchiveerd},
                      {"vir_verwijderd", v.verwijderd},
                      {"vir_vernietigd", v.vernietigd},
                      {"vt_vernietigd", result->veilig_thuis.vernietigd},
                      {"jw_dossiers_vernietigd", result->jeugdhulp.dossiers_vernietigd}});
  return {};
}

DailyPurge::DailyPurge(services::Env env) : env_(env), thread_([this] { Loop(); }) {}

DailyPurge::~DailyPurge() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void DailyPurge::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!cv_.wait_for(lock, std::chrono::hours(24), [this] { return stop_; })) {
    lock.unlock();
    (void)PurgeAndLog(env_);  // logged there; retried at the next interval
    lock.lock();
  }
}

}  // namespace jh::app
