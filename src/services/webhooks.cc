#include "services/webhooks.h"

#include <optional>

#include "core/log.h"
#include "core/url.h"
#include "services/keyring.h"
#include "services/webhook_outbox.h"
#include "services/webhook_verwijzingen.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kWebhookGeheimField = "webhook-geheim";
constexpr int kMaxEventDepth = 32;

Error NoOrganisatie() { return Error::NotFound("De organisatie bestaat niet."); }
Error NoWebhook() { return Error::NotFound("Voor deze organisatie is geen webhook ingesteld."); }

Result<bool> OrganisatieExists(store::Tx& tx, const std::string& id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT 1 FROM organisaties WHERE id = $1", {id}));
  return !rows.empty();
}

// The webhook's id (owner of its data key), or nullopt when none is configured.
Result<std::optional<std::string>> WebhookId(store::Tx& tx, const std::string& organisatie_id) {
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      tx.Query("SELECT id FROM webhooks WHERE organisatie_id = $1", {organisatie_id}));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows[0].Text(0));
}

// A member name that says "bsn" anywhere in the event is a defect of the caller: BSNs never
// leave the system this way (BSN-02). Values are not scanned: a phone number can pass the
// elfproef, and refusing it would block the caller's own work.
bool NamesBsn(const nlohmann::json& value, int depth) {
  if (depth > kMaxEventDepth) return true;
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      std::string lower;
      for (char c : key) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      if (lower.find("bsn") != std::string::npos || NamesBsn(member, depth + 1)) return true;
    }
  } else if (value.is_array()) {
    for (const auto& item : value) {
      if (NamesBsn(item, depth + 1)) return true;
    }
  }
  return false;
}

bool IsEventType(const std::string& type) {
  if (type.empty() || type.size() > 64) return false;
  for (char c : type) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<std::string> SubjectsJson(const std::vector<WebhookSubject>& subjects) {
  if (subjects.size() > kMaxWebhookSubjects) return Error::Internal("Te veel betrokkenen.");
  nlohmann::json out = nlohmann::json::array();
  for (const WebhookSubject& s : subjects) {
    if ((s.soort != "medewerker" && s.soort != "persoon") || s.id.empty()) {
      return Error::Internal("Ongeldige betrokkene bij een webhook-gebeurtenis.");
    }
    out.push_back({{"soort", s.soort}, {"id", s.id}});
  }
  return out.dump();
}

}  // namespace

Result<Webhook> SetWebhook(Env& env, const std::string& organisatie_id, const std::string& url) {
  JH_TRY(ParseWebhookUrl(url));
  Webhook out{organisatie_id, url, crypto::RandomToken()};
  const std::string now = env.clock.NowRfc3339();
  bool exists = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(exists, OrganisatieExists(tx, organisatie_id));
    if (!exists) return {};
    JH_ASSIGN_OR_RETURN(std::optional<std::string> id, WebhookId(tx, organisatie_id));
    if (id) {
      // Keep the id and its key: pending events are sealed under it.
      JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, *id));
      if (!key) return Error::Internal("De sleutel van de webhook ontbreekt.");
      JH_TRY(
          tx.Exec("UPDATE webhooks SET url = $2, geheim_enc = $3, gewijzigd_op = $4 "
                  "WHERE organisatie_id = $1",
                  {organisatie_id, url, Seal(*key, *id, kWebhookGeheimField, out.geheim), now}));
      return {};
    }
    const std::string new_id = crypto::NewUuid();
    JH_ASSIGN_OR_RETURN(crypto::DataKey key, CreateDataKey(tx, env.vault, new_id));
    JH_TRY(tx.Exec(
        "INSERT INTO webhooks (organisatie_id, id, url, geheim_enc, aangemaakt_op, "
        "gewijzigd_op) VALUES ($1, $2, $3, $4, $5, $5)",
        {organisatie_id, new_id, url, Seal(key, new_id, kWebhookGeheimField, out.geheim), now}));
    return {};
  }));
  if (!exists) return NoOrganisatie();
  return out;
}

Result<Webhook> GetWebhook(Env& env, const std::string& organisatie_id) {
  bool exists = false;
  std::optional<Webhook> found;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(exists, OrganisatieExists(tx, organisatie_id));
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT url FROM webhooks WHERE organisatie_id = $1", {organisatie_id}));
    if (!rows.empty()) found = Webhook{organisatie_id, rows[0].Text(0), ""};
    return {};
  }));
  if (!exists) return NoOrganisatie();
  if (!found) return NoWebhook();
  return *found;
}

Status DeleteWebhook(Env& env, const std::string& organisatie_id) {
  bool exists = false;
  std::optional<std::string> id;
  int64_t dropped = 0;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(exists, OrganisatieExists(tx, organisatie_id));
    JH_ASSIGN_OR_RETURN(id, WebhookId(tx, organisatie_id));
    if (!id) return {};
    // Pending events would otherwise wait for a webhook that no longer exists, sealed under
    // a key that is about to be destroyed.
    JH_TRY(
        tx.Exec("DELETE FROM webhook_outbox_verwijzingen WHERE outbox_id IN (SELECT id "
                "FROM webhook_outbox WHERE organisatie_id = $1 AND delivered_at IS NULL "
                "AND given_up_at IS NULL)",
                {organisatie_id}));
    JH_ASSIGN_OR_RETURN(dropped, tx.Exec("DELETE FROM webhook_outbox WHERE organisatie_id = $1 "
                                         "AND delivered_at IS NULL AND given_up_at IS NULL",
                                         {organisatie_id}));
    JH_TRY(tx.Exec("DELETE FROM webhooks WHERE organisatie_id = $1", {organisatie_id}));
    JH_TRY(tx.Exec("DELETE FROM data_keys WHERE owner_id = $1", {*id}));
    return {};
  }));
  if (!exists) return NoOrganisatie();
  if (!id) return NoWebhook();
  log::Info("webhook-deleted", {{"organisatie", organisatie_id}, {"dropped", dropped}});
  return {};
}

Status EnqueueWebhook(store::Tx& tx, const Env& env, const std::string& organisatie_id,
                      const std::string& event_type, const nlohmann::json& event) {
  return EnqueueWebhook(tx, env, organisatie_id, event_type, event, {});
}

Status EnqueueWebhook(store::Tx& tx, const Env& env, const std::string& organisatie_id,
                      const std::string& event_type, const nlohmann::json& event,
                      const std::vector<WebhookSubject>& subjects) {
  return EnqueueWebhook(tx, env, organisatie_id, event_type, event, subjects, {});
}

Status EnqueueWebhook(store::Tx& tx, const Env& env, const std::string& organisatie_id,
                      const std::string& event_type, const nlohmann::json& event,
                      const std::vector<WebhookSubject>& subjects,
                      const std::vector<std::string>& verwijzingen) {
  if (!IsEventType(event_type)) return Error::Internal("Ongeldig soort webhook-gebeurtenis.");
  if (!event.is_object() || NamesBsn(event, 0)) {
    return Error::Internal("Een webhook-gebeurtenis is een object zonder BSN.");
  }
  const std::string payload = event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (payload.size() > kMaxWebhookPayloadBytes) {
    return Error::Internal("De webhook-gebeurtenis is te groot.");
  }
  JH_ASSIGN_OR_RETURN(std::string subjects_json, SubjectsJson(subjects));
  JH_ASSIGN_OR_RETURN(std::optional<std::string> webhook_id, WebhookId(tx, organisatie_id));
  if (!webhook_id) return {};
  JH_ASSIGN_OR_RETURN(store::Rows pending,
                      tx.Query("SELECT COUNT(*) FROM webhook_outbox WHERE organisatie_id = $1 "
                               "AND delivered_at IS NULL AND given_up_at IS NULL",
                               {organisatie_id}));
  if (pending.at(0).Int(0) >= kMaxPendingPerOrganisatie) {
    log::Warn("webhook-outbox-full", {{"organisatie", organisatie_id}, {"type", event_type}});
    return {};
  }
  JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, *webhook_id));
  if (!key) return Error::Internal("De sleutel van de webhook ontbreekt.");
  const std::string id = crypto::NewUuid();
  const int64_t now = OutboxNowMs();
  JH_TRY(tx.Exec(
      "INSERT INTO webhook_outbox (id, organisatie_id, event_type, payload, subjects, attempts, "
      "next_attempt_at, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $6)",
      {id, organisatie_id, event_type, Seal(*key, *webhook_id, OutboxPayloadField(id), payload),
       subjects_json, now, now + kOutboxMaxAgeMs}));
  // An erased person's events must not be delivered afterwards (AVG-04).
  std::vector<std::string> alle = verwijzingen;
  for (const WebhookSubject& s : subjects) {
    if (s.soort == "persoon") alle.push_back(WebhookVerwijzing("persoon", s.id));
  }
  return StoreWebhookVerwijzingen(tx, id, alle);
}

}  // namespace jh::services
