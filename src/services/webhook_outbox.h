// The delivery side of the webhook outbox (services/webhooks.h queues): which events are
// due, claiming them, and recording the outcome of an attempt. The worker that drives this
// and talks HTTP is app/webhook_worker.h.
//
// An attempt is claimed before it is made (attempts + 1, next attempt pushed past the HTTP
// timeout) in its own committed write, so a second server process on the same database does
// not send it at the same time, and a crash mid-delivery counts as a failed attempt that is
// retried. Delivery is therefore at least once; receivers deduplicate by the delivery id.
//
// Outbox times are physical time (milliseconds since the Unix epoch), not the legal date of
// the configured clock (`serve --today`): back-off is about how long a receiver was down.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/env.h"
#include "services/webhooks.h"

namespace jh::services {

// Events older than this are given up after their next failed attempt (3 days).
inline constexpr int64_t kOutboxMaxAgeMs = int64_t{3} * 24 * 3600 * 1000;

struct OutboxOptions {
  std::chrono::milliseconds backoff_base{1000};        // delay after the first failure
  std::chrono::milliseconds backoff_cap{3600 * 1000};  // longest delay between attempts
  int64_t max_attempts = 100;                          // then given up
  std::chrono::milliseconds lease{15000};  // claimed attempts are not retried before this
  int batch = 16;                          // most attempts claimed at once
};

// One claimed attempt, with what is needed to make it. Holds the secret and personal data:
// never log it.
struct Delivery {
  std::string id;
  std::string organisatie_id;
  std::string event_type;
  std::string url;
  std::string geheim;
  std::string payload;
  int64_t attempts = 0;  // including this one
  std::vector<WebhookSubject> subjects;
};

// Milliseconds since the Unix epoch, from the system clock.
int64_t OutboxNowMs();
// The field name (associated data) that binds a payload ciphertext to its outbox row.
std::string OutboxPayloadField(const std::string& outbox_id);

// The wait before attempt `attempts` + 1, after `attempts` (≥ 1) failed: base · 2^(attempts-1)
// capped at `cap`, then scaled into [1/2, 1] by `jitter` ∈ [0, 1) so that many events that
// failed together do not all retry at the same moment.
std::chrono::milliseconds BackoffDelay(int64_t attempts, std::chrono::milliseconds base,
                                       std::chrono::milliseconds cap, double jitter);

// Claims up to options.batch due events whose organisation still has a webhook.
// Errors: kUnavailable (store), kInternal (a ciphertext that does not open).
[[nodiscard]] Result<std::vector<Delivery>> ClaimDueDeliveries(const Env& env,
                                                               const OutboxOptions& options,
                                                               int64_t now_ms);

// Marks the event delivered, clears its payload and records the provision in the processing
// log (activity webhook-levering) for each of its subjects, in one transaction.
[[nodiscard]] Status MarkDelivered(const Env& env, const Delivery& delivery, int64_t now_ms);

// Records a failed attempt (`error`: a short reason without personal data) and schedules the
// next one with back-off, or gives the event up (payload cleared) when it has had
// max_attempts or would be retried after it expires. Returns true when given up.
[[nodiscard]] Result<bool> MarkFailed(const Env& env, const Delivery& delivery,
                                      const std::string& error, int64_t now_ms,
                                      const OutboxOptions& options, double jitter);

// When the earliest pending event is due (ms), or nullopt when none is pending.
[[nodiscard]] Result<std::optional<int64_t>> NextDueAt(const Env& env);

// Deletes delivered and given-up rows finished before `before_ms` (they hold no payload, only
// the record that a delivery happened). Returns the number deleted.
[[nodiscard]] Result<int64_t> PurgeFinished(const Env& env, int64_t before_ms);

}  // namespace jh::services
