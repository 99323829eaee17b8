// Webhook URLs (core/url.h), the delivery signature (crypto/hmac.h, app/webhook_worker.h)
// and the back-off (services/webhook_outbox.h): pure functions, no I/O.
#include <gtest/gtest.h>

#include <string>

#include "app/webhook_worker.h"
#include "core/url.h"
#include "crypto/hmac.h"
#include "crypto/vault.h"
#include "services/webhook_outbox.h"

namespace jh {
namespace {

using std::chrono::milliseconds;

TEST(WebhookUrl, AcceptsHttpsAndLoopbackHttp) {
  auto u = ParseWebhookUrl("https://Bron.Example.nl:8443/hook?x=1");
  ASSERT_TRUE(u.ok());
  EXPECT_TRUE(u->tls);
  EXPECT_EQ(u->host, "bron.example.nl");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->target, "/hook?x=1");
  auto plain = ParseWebhookUrl("http://127.0.0.1:9000");
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->tls);
  EXPECT_EQ(plain->port, 9000);
  EXPECT_EQ(plain->target, "/");
  EXPECT_EQ(ParseWebhookUrl("https://x.nl?q=1")->target, "/?q=1");
  EXPECT_EQ(ParseWebhookUrl("https://x.nl")->port, 443);
  EXPECT_TRUE(ParseWebhookUrl("http://localhost/h").ok());
  EXPECT_TRUE(ParseWebhookUrl("https://10.0.0.1/h").ok());
  EXPECT_TRUE(ParseWebhookUrl("https://999.example.nl/").ok());
}

TEST(WebhookUrl, RefusesEverythingElseNamingUrl) {
  for (const char* bad : {"",
                          "http://example.nl/",
                          "http://127.0.0.2/",
                          "http://localhost.evil.nl/",
                          "ftp://x.nl/",
                          "HTTPS://x.nl/",
                          "https://",
                          "https:///path",
                          "https://user:pw@x.nl/",
                          "https://x.nl:0/",
                          "https://x.nl:65536/",
                          "https://x.nl:/",
                          "https://x.nl:8a/",
                          "https://x.nl/a b",
                          "https://x.nl/#frag",
                          "https://x.nl/a\\b",
                          "https://-x.nl/",
                          "https://x..nl/",
                          "https://1.2.3/",
                          "https://256.1.1.1/",
                          "https://[::1]/",
                          "https://x.nl/\r\nX: y",
                          "//x.nl/",
                          "https://ex_ample.nl/"}) {
    auto u = ParseWebhookUrl(bad);
    ASSERT_FALSE(u.ok()) << bad;
    EXPECT_EQ(u.error().code, ErrorCode::kInvalidArgument);
    ASSERT_EQ(u.error().invalid_params.size(), 1u);
    EXPECT_EQ(u.error().invalid_params[0].name, "url");
    EXPECT_FALSE(WebhookUrlProblem(bad).empty()) << bad;
  }
  EXPECT_FALSE(ParseWebhookUrl("https://x.nl/" + std::string(2048, 'a')).ok());
}

TEST(WebhookSignature, HmacSha256MatchesRfc4231) {
  // RFC 4231, test case 2.
  EXPECT_EQ(crypto::HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookSignature, SignsTimestampDotBody) {
  services::Delivery d;
  d.id = "0d6c5a4e-0000-4000-8000-000000000001";
  d.event_type = "verwijsindex.signaal";
  d.geheim = crypto::RandomToken();
  d.payload = R"({"a":1})";
  auto headers = app::SignedHeaders(d, 1700000000);
  std::map<std::string, std::string> h(headers.begin(), headers.end());
  EXPECT_EQ(h["X-Jeugdhulp-Event"], "verwijsindex.signaal");
  EXPECT_EQ(h["X-Jeugdhulp-Delivery"], d.id);
  EXPECT_EQ(h["X-Jeugdhulp-Timestamp"], "1700000000");
  EXPECT_EQ(h["X-Jeugdhulp-Signature"],
            "sha256=" + crypto::HmacSha256Hex(d.geheim, "1700000000." + d.payload));
}

TEST(WebhookBackoff, DoublesFromTheBaseUpToTheCapWithJitterInTheUpperHalf) {
  const milliseconds base(1000);
  const milliseconds cap(3600 * 1000);
  EXPECT_EQ(services::BackoffDelay(1, base, cap, 0.999999).count(), 999);
  EXPECT_EQ(services::BackoffDelay(1, base, cap, 0.0).count(), 500);
  EXPECT_EQ(services::BackoffDelay(2, base, cap, 0.0).count(), 1000);
  EXPECT_EQ(services::BackoffDelay(3, base, cap, 0.0).count(), 2000);
  EXPECT_EQ(services::BackoffDelay(13, base, cap, 0.0).count(), 1800 * 1000);
  EXPECT_EQ(services::BackoffDelay(100, base, cap, 0.0).count(), 1800 * 1000);
  EXPECT_EQ(services::BackoffDelay(1000000, base, cap, 1.0).count(), 3600 * 1000);
  for (int64_t n = 1; n < 60; ++n) {
    EXPECT_LE(services::BackoffDelay(n, base, cap, 0.0),
              services::BackoffDelay(n + 1, base, cap, 0.0));
  }
}

}  // namespace
}  // namespace jh
