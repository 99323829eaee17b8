#include "app/purge.h"

#include <chrono>

#include "audit/trail.h"
#include "core/log.h"
#include "services/write.h"

namespace jh::app {

Result<PurgeSummary> Purge(const services::Env& base) {
  audit::Trail trail = audit::SystemTrail(base.vault, base.clock);
  auth::Actor system = auth::Actor::System();
  services::Env env{base.store, base.vault, base.clock, &trail, &system};
  PurgeSummary summary;
  JH_ASSIGN_OR_RETURN(summary.verwijsindex, services::PurgeVerwijsindex(env));
  JH_ASSIGN_OR_RETURN(summary.jeugdhulp, services::PurgeJeugdhulp(env));
  JH_TRY(services::FlushTrail(env));
  return summary;
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
  // The run at start happened before the server took requests (RunAndLog in serve.cc).
  while (!cv_.wait_for(lock, std::chrono::hours(24), [this] { return stop_; })) {
    lock.unlock();
    RunAndLog(env_);
    lock.lock();
  }
}

void RunAndLog(const services::Env& env) {
  auto result = Purge(env);
  if (result.ok()) {
    const auto& v = result->verwijsindex;
    log::Info("purge", {{"vir_gearchiveerd", v.gearchiveerd},
                        {"vir_verwijderd", v.verwijderd},
                        {"vir_vernietigd", v.vernietigd},
                        {"jw_dossiers_vernietigd", result->jeugdhulp.dossiers_vernietigd}});
  } else {
    log::Error("purge-failed", {{"reason", result.error().message}});
  }
}

}  // namespace jh::app
