// The delivery worker of the webhook outbox: one background thread, started by `serve`,
// that takes due events (services/webhook_outbox.h), POSTs each signed to its organisation's
// webhook (http/client.h) and records the outcome through the normal store Write. It never
// runs on a request thread, so a slow or dead receiver cannot hold up the API.
//
// Bounded: one delivery at a time (one outgoing connection), each within `timeout`; at most
// `outbox.batch` events claimed at once; Stop() waits at most for the delivery in flight.
//
// Signature of a delivery: X-Jeugdhulp-Signature: sha256=<hex HMAC-SHA256(geheim,
// timestamp + "." + body)>, with timestamp = X-Jeugdhulp-Timestamp (Unix seconds).
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "services/env.h"
#include "services/webhook_outbox.h"

namespace jh::app {

struct WebhookWorkerOptions {
  services::OutboxOptions outbox;
  std::chrono::milliseconds timeout{5000};    // one delivery, connect to response header
  std::chrono::milliseconds poll{1000};       // longest sleep: events queued by other
                                              // processes or requests are seen this soon
  std::chrono::hours keep_finished{24 * 30};  // delivery records without payload
};

// The headers of one delivery, signed with `geheim` at `unix_seconds`.
std::vector<std::pair<std::string, std::string>> SignedHeaders(const services::Delivery& delivery,
                                                               int64_t unix_seconds);

class WebhookWorker {
 public:
  // `env` must outlive the worker; it carries no trail (each delivery logs its own).
  WebhookWorker(services::Env env, WebhookWorkerOptions options);
  ~WebhookWorker();  // stops
  WebhookWorker(const WebhookWorker&) = delete;
  WebhookWorker& operator=(const WebhookWorker&) = delete;

  void Start();
  // Finishes the delivery in flight (bounded by the timeout) and joins. Claimed events not
  // yet sent are retried after their lease, by this or another process.
  void Stop();

 private:
  void Run();
  void DeliverOne(const services::Delivery& delivery);
  // Sleeps until the next event is due, at most options.poll, or until Stop.
  void WaitForWork();

  struct Client;
  services::Env env_;
  WebhookWorkerOptions options_;
  std::unique_ptr<Client> client_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace jh::app
