// An outgoing HTTP/1.1 POST for webhook deliveries (Boost.Beast behind this header, like the
// server: only client.cc pays Beast's compile cost). https:// with certificate and host-name
// verification against the system's trust store (OpenSSL default paths, so SSL_CERT_FILE
// and SSL_CERT_DIR apply); plain http:// only where core/url.h allows it (loopback).
//
// Bounded: one connection per call, closed afterwards ("Connection: close"); the whole
// exchange — resolving, connecting, the TLS handshake, sending, reading the response
// header — must finish within `timeout`; a response header over 16 KiB is an error; the
// response body is never read. Redirects are not followed (a 3xx is just not a 2xx).
//
// Thread-safety: a WebhookClient may be used by one thread at a time.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/url.h"

namespace jh::http {

class WebhookClient {
 public:
  WebhookClient();
  ~WebhookClient();
  WebhookClient(const WebhookClient&) = delete;
  WebhookClient& operator=(const WebhookClient&) = delete;

  // POSTs `body` as application/json with the extra `headers` (names and values must hold
  // no CR or LF). Returns the response status code, whatever it is.
  // Errors: kUnavailable with a short Dutch reason (time-out, refused, TLS failure, …) that
  // names neither the URL nor anything of the body.
  [[nodiscard]] Result<int> Post(const Url& url,
                                 const std::vector<std::pair<std::string, std::string>>& headers,
                                 const std::string& body, std::chrono::milliseconds timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jh::http
