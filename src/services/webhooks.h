// Organisation webhooks: where the signals of an organisation are delivered, and how other
// services queue an event for delivery (the outbox; the delivery itself is
// services/webhook_outbox.h and app/webhook_worker.h). See docs/architecture.md, "Webhooks".
//
// The secret that signs deliveries is generated here, shown once (like a token) and stored
// only sealed under the webhook's own data key; it is never logged.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "services/env.h"

namespace jh::services {

struct Webhook {
  std::string organisatie_id;
  std::string url;
  std::string geheim;  // only filled by SetWebhook: shown once
};

// A data subject whose personal data an event carries (internal id, never a BSN); the
// delivery is recorded in the processing log for each.
struct WebhookSubject {
  std::string soort;  // "medewerker" or "persoon"
  std::string id;
};

// Limits that keep the outbox bounded.
inline constexpr size_t kMaxWebhookPayloadBytes = size_t{64} * 1024;
inline constexpr size_t kMaxWebhookSubjects = 16;
inline constexpr int64_t kMaxPendingPerOrganisatie = 10000;

// Configures (or replaces) the organisation's webhook with a new secret, returned once.
// Replacing keeps the pending events: they go to the new URL with the new secret.
// Callers must have checked that the actor is a beheerder and validated the URL.
// Errors: kNotFound (organisation), kInvalidArgument (url).
[[nodiscard]] Result<Webhook> SetWebhook(Env& env, const std::string& organisatie_id,
                                         const std::string& url);
// The configured URL (no secret). Errors: kNotFound (organisation, or no webhook).
[[nodiscard]] Result<Webhook> GetWebhook(Env& env, const std::string& organisatie_id);
// Removes the webhook, its sealed secret and every pending event of the organisation.
// Errors: kNotFound (organisation, or no webhook).
[[nodiscard]] Status DeleteWebhook(Env& env, const std::string& organisatie_id);

// Queues `event` (a JSON object, must not contain a BSN) for delivery to the webhook of
// organisation `organisatie_id`, inside the caller's transaction `tx`: it is sent only if
// that transaction commits, and it survives restarts. No-op (ok) when the organisation has
// no webhook configured. Delivery is at least once: receivers deduplicate by the
// X-Jeugdhulp-Delivery header.
// `event_type`: 1..64 of [a-z0-9.-] (it travels in a header), e.g. "verwijsindex.signaal".
// Errors (defects of the caller, never user input): kInternal when the event is not an
// object, has a member whose name contains "bsn", exceeds kMaxWebhookPayloadBytes, or the
// type is malformed. When the organisation already has kMaxPendingPerOrganisatie pending
// events (its receiver has been down for long) the event is dropped with a warning in the
// log and ok is returned: a dead receiver must not block the caller's own work.
[[nodiscard]] Status EnqueueWebhook(store::Tx& tx, const Env& env,
                                    const std::string& organisatie_id,
                                    const std::string& event_type, const nlohmann::json& event);
// The same, naming the data subjects whose data `event` carries (at most
// kMaxWebhookSubjects), so each delivery is recorded in their processing log.
[[nodiscard]] Status EnqueueWebhook(store::Tx& tx, const Env& env,
                                    const std::string& organisatie_id,
                                    const std::string& event_type, const nlohmann::json& event,
                                    const std::vector<WebhookSubject>& subjects);
// The same, also naming what else the event is about (`verwijzingen`, see
// services/webhook_verwijzingen.h; each person subject is one already), so that the event is
// withdrawn undelivered when that is erased, removed or destroyed.
[[nodiscard]] Status EnqueueWebhook(store::Tx& tx, const Env& env,
                                    const std::string& organisatie_id,
                                    const std::string& event_type, const nlohmann::json& event,
                                    const std::vector<WebhookSubject>& subjects,
                                    const std::vector<std::string>& verwijzingen);

}  // namespace jh::services
