// The one way services write: the data and the request's pending audit records commit in
// one transaction, so nothing is acknowledged before its log records are durable.
//
// Conventions that keep the logs truthful:
//   - Record a processing (Processed) INSIDE the callback, after the statements that do it
//     succeeded: if the callback fails or is retried, what it recorded is dropped with it.
//   - Record a rule's decision (Decide) OUTSIDE callbacks, before or after Write: a refusal
//     must be logged even though nothing is written.
#pragma once

#include <functional>

#include "audit/trail.h"
#include "core/result.h"
#include "services/env.h"

namespace jh::services {

[[nodiscard]] Status Write(Env& env, const std::function<Status(store::Tx&)>& fn);

// Adds a processing record to the request's trail (no-op without a trail).
void Processed(Env& env, const char* activity_id, std::string name, const char* subject_type,
               const std::string& subject_id);
// Adds a decision to the request's trail (no-op without a trail).
void Decide(Env& env, audit::Decision decision);

// Writes whatever the trail still holds (reads, refusals) in a transaction of its own.
[[nodiscard]] Status FlushTrail(Env& env);

}  // namespace jh::services
