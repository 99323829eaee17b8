#include "services/write.h"

namespace jh::services {

Status Write(Env& env, const std::function<Status(store::Tx&)>& fn) {
  audit::Trail* trail = env.trail;
  const size_t mark = trail != nullptr ? trail->size() : 0;
  Status st = env.store.Write([&](store::Tx& tx) -> Status {
    if (trail != nullptr) trail->Truncate(mark);  // a retried attempt starts over
    JH_TRY(fn(tx));
    if (trail != nullptr) JH_TRY(trail->Flush(tx));
    return {};
  });
  if (trail != nullptr) {
    if (st.ok()) {
      trail->Committed();
    } else {
      trail->Truncate(mark);  // the processing did not happen
    }
  }
  return st;
}

void Processed(Env& env, const char* activity_id, std::string name, const char* subject_type,
               const std::string& subject_id) {
  if (env.trail == nullptr) return;
  env.trail->Processed(
      audit::Processing{activity_id, std::move(name), subject_type, subject_id, true});
}

void Decide(Env& env, audit::Decision decision) {
  if (env.trail != nullptr) env.trail->Decide(std::move(decision));
}

Status FlushTrail(Env& env) {
  if (env.trail == nullptr || !env.trail->HasPending()) return {};
  Status st = env.store.Write([&](store::Tx& tx) { return env.trail->Flush(tx); });
  if (st.ok()) env.trail->Committed();
  return st;
}

}  // namespace jh::services
