#include "services/webhook_outbox.h"

#include <algorithm>
#include <cmath>

#include "audit/register.h"
#include "core/log.h"
#include "services/keyring.h"
#include "services/webhook_verwijzingen.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kGeheimField = "webhook-geheim";

std::vector<WebhookSubject> ParseSubjects(const std::string& text) {
  std::vector<WebhookSubject> out;
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) return out;
  for (const auto& s : parsed) {
    if (s.is_object() && s.value("soort", "").size() > 0) {
      out.push_back({s.value("soort", ""), s.value("id", "")});
    }
  }
  return out;
}

// Opens the secret and payload of a claimed row under the webhook's data key.
Status Unseal(store::Tx& tx, const Env& env, const std::string& webhook_id,
              const std::string& geheim_enc, const std::string& payload_enc, Delivery& d) {
  JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, webhook_id));
  if (!key) return Error::Internal("De sleutel van de webhook ontbreekt.");
  JH_ASSIGN_OR_RETURN(d.geheim, Open(key, webhook_id, kGeheimField, geheim_enc));
  JH_ASSIGN_OR_RETURN(d.payload, Open(key, webhook_id, OutboxPayloadField(d.id), payload_enc));
  return {};
}

Result<bool> NamesErasedPersoon(store::Tx& tx, const std::vector<WebhookSubject>& subjects) {
  for (const WebhookSubject& s : subjects) {
    if (s.soort != "persoon") continue;
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT 1 FROM personen WHERE id = $1 AND vernietigd_op IS NOT NULL", {s.id}));
    if (!rows.empty()) return true;
  }
  return false;
}

}  // namespace

int64_t OutboxNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string OutboxPayloadField(const std::string& outbox_id) {
  return "webhook-payload:" + outbox_id;
}

std::chrono::milliseconds BackoffDelay(int64_t attempts, std::chrono::milliseconds base,
                                       std::chrono::milliseconds cap, double jitter) {
  // Doubling beyond 2^40 overflows nothing but is far past any cap: stop there.
  const int64_t exponent = std::clamp<int64_t>(attempts - 1, 0, 40);
  const double full =
      std::min(static_cast<double>(base.count()) * std::ldexp(1.0, static_cast<int>(exponent)),
               static_cast<double>(cap.count()));
  const double scaled = full * (0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0));
  return std::chrono::milliseconds(static_cast<int64_t>(scaled));
}

Result<std::vector<Delivery>> ClaimDueDeliveries(const Env& env, const OutboxOptions& options,
                                                 int64_t now_ms) {
  std::vector<Delivery> claimed;
  Env e = env;
  JH_TRY(e.store.Write([&](store::Tx& tx) -> Status {
    claimed.clear();  // a retried transaction starts over
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT o.id, o.organisatie_id, o.event_type, o.payload, o.subjects, o.attempts, "
                 "o.next_attempt_at, w.id, w.url, w.geheim_enc FROM webhook_outbox o "
                 "JOIN webhooks w ON w.organisatie_id = o.organisatie_id "
                 "WHERE o.delivered_at IS NULL AND o.given_up_at IS NULL "
                 "AND o.next_attempt_at <= $1 ORDER BY o.next_attempt_at LIMIT $2",
                 {now_ms, int64_t{options.batch}}));
    for (const store::Row& r : rows) {
      Delivery d;
      d.id = r.Text(0);
      d.subjects = ParseSubjects(r.Text(4));
      // Erasure withdraws the person's events (webhook_verwijzingen.h); one queued before
      // those references existed is withdrawn here, never delivered (AVG-04).
      JH_ASSIGN_OR_RETURN(bool gewist, NamesErasedPersoon(tx, d.subjects));
      if (gewist) {
        JH_TRY(tx.Exec("DELETE FROM webhook_outbox WHERE id = $1", {d.id}));
        JH_TRY(ForgetWebhookVerwijzingen(tx, d.id));
        continue;
      }
      // The condition on the old due time makes a concurrent claim by another process
      // change nothing here (optimistic claim).
      JH_ASSIGN_OR_RETURN(
          int64_t changed,
          tx.Exec("UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = $2 "
                  "WHERE id = $1 AND next_attempt_at = $3 AND delivered_at IS NULL",
                  {d.id, now_ms + options.lease.count(), r.Int(6)}));
      if (changed == 0) continue;
      d.organisatie_id = r.Text(1);
      d.event_type = r.Text(2);
      d.attempts = r.Int(5) + 1;
      d.url = r.Text(8);
      JH_TRY(Unseal(tx, env, r.Text(7), r.Bytes(9), r.Bytes(3), d));
      claimed.push_back(std::move(d));
    }
    return {};
  }));
  return claimed;
}

Status MarkDelivered(const Env& env, const Delivery& delivery, int64_t now_ms) {
  // Work of the system, logged like a request: its own trace, the system as actor.
  audit::Trail trail = audit::SystemTrail(env.vault, env.clock);
  Env logged{env.store, env.vault, env.clock, &trail, nullptr};
  return Write(logged, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(
        int64_t changed,
        tx.Exec("UPDATE webhook_outbox SET delivered_at = $2, payload = NULL, last_error = NULL "
                "WHERE id = $1 AND delivered_at IS NULL",
                {delivery.id, now_ms}));
    if (changed == 0)
      return {};  // removed meanwhile (webhook deleted, subject erased) or
                  // already delivered
    JH_TRY(ForgetWebhookVerwijzingen(tx, delivery.id));  // no longer pending
    const std::string name = "gebeurtenis aan webhook leveren";
    for (const WebhookSubject& s : delivery.subjects) {
      Processed(logged, audit::kWebhookLevering, name, s.soort.c_str(), s.id);
    }
    // Without named subjects the provision is still recorded, against the receiving
    // organisation, so no delivery of personal data goes unlogged.
    if (delivery.subjects.empty()) {
      Processed(logged, audit::kWebhookLevering, name, "organisatie", delivery.organisatie_id);
    }
    return {};
  });
}

Result<bool> MarkFailed(const Env& env, const Delivery& delivery, const std::string& error,
                        int64_t now_ms, const OutboxOptions& options, double jitter) {
  const int64_t next =
      now_ms +
      BackoffDelay(delivery.attempts, options.backoff_base, options.backoff_cap, jitter).count();
  const bool attempts_spent = delivery.attempts >= options.max_attempts;
  bool give_up = attempts_spent;
  Env e = env;
  JH_TRY(e.store.Write([&](store::Tx& tx) -> Status {
    give_up = attempts_spent;  // a callback may run more than once (Store::Write)
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT expires_at FROM webhook_outbox WHERE id = $1 "
                                 "AND delivered_at IS NULL AND given_up_at IS NULL",
                                 {delivery.id}));
    if (rows.empty()) return {};
    give_up = give_up || next > rows[0].Int(0);
    if (give_up) {
      JH_TRY(
          tx.Exec("UPDATE webhook_outbox SET given_up_at = $2, payload = NULL, "
                  "last_error = $3 WHERE id = $1",
                  {delivery.id, now_ms, error}));
      JH_TRY(ForgetWebhookVerwijzingen(tx, delivery.id));
    } else {
      JH_TRY(
          tx.Exec("UPDATE webhook_outbox SET next_attempt_at = $2, last_error = $3 WHERE id = $1",
                  {delivery.id, next, error}));
    }
    return {};
  }));
  return give_up;
}

Result<std::optional<int64_t>> NextDueAt(const Env& env) {
  std::optional<int64_t> due;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT MIN(next_attempt_at) FROM webhook_outbox "
                                 "WHERE delivered_at IS NULL AND given_up_at IS NULL"));
    if (!rows.empty() && !rows[0].IsNull(0)) due = rows[0].Int(0);
    return {};
  }));
  return due;
}

Result<int64_t> PurgeFinished(const Env& env, int64_t before_ms) {
  int64_t deleted = 0;
  JH_TRY(env.store.Write([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(deleted, tx.Exec("DELETE FROM webhook_outbox WHERE delivered_at < $1 "
                                         "OR given_up_at < $1",
                                         {before_ms}));
    return {};
  }));
  return deleted;
}

}  // namespace jh::services
