#include "app/webhook_worker.h"

#include <algorithm>
#include <random>

#include "core/log.h"
#include "core/url.h"
#include "crypto/hmac.h"
#include "http/client.h"

namespace jh::app {

struct WebhookWorker::Client {
  http::WebhookClient http;
  std::mt19937_64 random{std::random_device{}()};
  std::uniform_real_distribution<double> jitter{0.0, 1.0};
};

std::vector<std::pair<std::string, std::string>> SignedHeaders(const services::Delivery& delivery,
                                                               int64_t unix_seconds) {
  const std::string timestamp = std::to_string(unix_seconds);
  // The timestamp is signed with the body so a receiver can refuse old deliveries replayed.
  const std::string signature =
      crypto::HmacSha256Hex(delivery.geheim, timestamp + "." + delivery.payload);
  return {{"X-Jeugdhulp-Event", delivery.event_type},
          {"X-Jeugdhulp-Delivery", delivery.id},
          {"X-Jeugdhulp-Timestamp", timestamp},
          {"X-Jeugdhulp-Signature", "sha256=" + signature}};
}

WebhookWorker::WebhookWorker(services::Env env, WebhookWorkerOptions options)
    : env_(env), options_(options), client_(std::make_unique<Client>()) {}

WebhookWorker::~WebhookWorker() { Stop(); }

void WebhookWorker::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void WebhookWorker::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WebhookWorker::Run() {
  auto next_purge = std::chrono::steady_clock::now();
  while (true) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return;
    }
    if (std::chrono::steady_clock::now() >= next_purge) {
      next_purge += std::chrono::hours(1);
      const int64_t keep = std::chrono::milliseconds(options_.keep_finished).count();
      auto purged = services::PurgeFinished(env_, services::OutboxNowMs() - keep);
      if (!purged.ok()) log::Warn("webhook-purge-failed", {{"cause", purged.error().message}});
    }
    auto claimed = services::ClaimDueDeliveries(env_, options_.outbox, services::OutboxNowMs());
    if (!claimed.ok()) {
      log::Warn("webhook-claim-failed", {{"cause", claimed.error().message}});
    } else {
      for (const services::Delivery& d : *claimed) DeliverOne(d);
      // A full batch means more may be due now: no sleep.
      if (static_cast<int>(claimed->size()) == options_.outbox.batch) continue;
    }
    WaitForWork();
  }
}

void WebhookWorker::WaitForWork() {
  auto wait = options_.poll;
  auto due = services::NextDueAt(env_);
  if (due.ok() && due->has_value()) {
    const int64_t until = **due - services::OutboxNowMs();
    wait =
        std::clamp(std::chrono::milliseconds(until), std::chrono::milliseconds(0), options_.poll);
  }
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait_for(lock, wait, [this] { return stopping_; });
}

void WebhookWorker::DeliverOne(const services::Delivery& d) {
  // Logged by ids only: the URL may carry a receiver's token, the payload personal data.
  nlohmann::json fields{
      {"delivery", d.id}, {"organisatie", d.organisatie_id}, {"attempt", d.attempts}};
  Result<Url> url = ParseWebhookUrl(d.url);
  Result<int> status =
      url.ok() ? client_->http.Post(*url, SignedHeaders(d, services::OutboxNowMs() / 1000),
                                    d.payload, options_.timeout)
               : Result<int>(Error::Unavailable("ongeldige URL"));
  const int64_t now = services::OutboxNowMs();
  if (status.ok() && *status >= 200 && *status < 300) {
    Status marked = services::MarkDelivered(env_, d, now);
    fields["status"] = *status;
    if (marked.ok()) {
      log::Info("webhook-delivered", fields);
    } else {
      // Sent but not recorded: it will be sent again after the lease (at least once).
      fields["cause"] = marked.error().message;
      log::Warn("webhook-delivered-unrecorded", fields);
    }
    return;
  }
  const std::string error =
      status.ok() ? "HTTP " + std::to_string(*status) : status.error().message;
  fields["error"] = error;
  auto given_up =
      services::MarkFailed(env_, d, error, now, options_.outbox, client_->jitter(client_->random));
  if (!given_up.ok()) {
    fields["cause"] = given_up.error().message;
    log::Warn("webhook-failure-unrecorded", fields);
  } else if (*given_up) {
    log::Error("webhook-given-up", fields);
  } else {
    log::Warn("webhook-attempt-failed", fields);
  }
}

}  // namespace jh::app
