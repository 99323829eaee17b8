// Webhooks against the real binary: the administration endpoints, and deliveries to a
// receiver in this process — signed, retried with back-off while the receiver fails or is
// down, and surviving a SIGKILL of the server. Events are queued the way the Verwijsindex
// will queue them (EnqueueWebhook inside a store transaction), on the data directory while
// the server is stopped. Filter: --gtest_filter='Webhook*'.
#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "app/data_dir.h"
#include "http/server.h"
#include "services/webhooks.h"
#include "support/server_process.h"
#include "support/sqlite_peek.h"

namespace jh::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// A webhook receiver: records every request and answers with `status`; the first
// `failures` requests get 500.
class Receiver {
 public:
  struct Received {
    std::map<std::string, std::string> headers;
    std::string body;
    std::chrono::steady_clock::time_point at;
  };

  explicit Receiver(uint16_t port = 0) : port_(port) { Start(); }
  ~Receiver() { Stop(); }

  void Start() {
    http::ServerOptions o;
    o.port = port_;
    o.io_threads = 1;
    o.worker_threads = 2;
    o.drain_timeout = 1s;
    server_ = std::make_unique<http::Server>(
        o, [this](http::Request& r) { return Handle(r); }, &metrics_);
    ASSERT_TRUE(server_->Start().ok());
    port_ = server_->port();
  }
  void Stop() {
    if (server_) server_->Stop();
    server_.reset();
  }

  std::vector<Received> Requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return received_;
  }
  // Waits until at least `n` requests arrived; false on time-out.
  bool WaitFor(size_t n, std::chrono::milliseconds within = 20s) {
    auto deadline = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < deadline) {
      if (Requests().size() >= n) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  uint16_t port() const { return port_; }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::atomic<int> failures{0};

 private:
  http::Response Handle(http::Request& r) {
    r.route = "/hook";
    {
      std::lock_guard<std::mutex> lock(mu_);
      received_.push_back({r.headers, r.body, std::chrono::steady_clock::now()});
    }
    http::Response res;
    res.status = failures.fetch_sub(1) > 0 ? 500 : 200;
    res.body = "{}";
    return res;
  }

  uint16_t port_;
  http::Metrics metrics_;
  std::unique_ptr<http::Server> server_;
  std::mutex mu_;
  std::vector<Received> received_;
};

std::string HmacHex(const std::string& key, const std::string& message) {
  unsigned char mac[32];
  unsigned int len = sizeof mac;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[mac[i] >> 4]);
    out.push_back(kHex[mac[i] & 15]);
  }
  return out;
}

class WebhookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start({"", {"--webhook-backoff-ms", "200"}});
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
    auto r = Admin("POST", "/api/v1/organisaties",
                   {{"naam", "Bron"}, {"soort", "school"}, {"gemeentecode", "GM0363"}});
    ASSERT_EQ(r.status, 201) << r.body;
    org_ = BodyJson(r)["id"];
  }

  HttpResponse Admin(std::string_view method, const std::string& target, const json& body) {
    return JsonRequest(*client_, method, target, body, server_->beheerder_token());
  }
  std::string HookPath() const { return "/api/v1/organisaties/" + org_ + "/webhook"; }

  // Configures the webhook; returns the secret.
  std::string Configure(const std::string& url) {
    auto r = Admin("PUT", HookPath(), {{"url", url}});
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyJson(r).value("geheim", "");
  }

  // Stops the server, queues `event` as the Verwijsindex would, and (unless `restart` is
  // false) starts the server again.
  void EnqueueOffline(const json& event, bool restart = true) {
    ASSERT_EQ(server_->Stop(), 0);
    {
      auto opened =
          app::OpenDataDir(app::DataDir{server_->data_dir(), DatabaseUrlOf(server_->data_dir())});
      ASSERT_TRUE(opened.ok()) << opened.error().message;
      Clock clock;
      services::Env env{*opened->store, *opened->vault, clock};
      Status st = opened->store->Write([&](store::Tx& tx) {
        return services::EnqueueWebhook(tx, env, org_, "verwijsindex.signaal", event);
      });
      ASSERT_TRUE(st.ok()) << st.error().message;
    }
    if (restart) Relaunch();
  }
  void Relaunch() {
    ASSERT_TRUE(server_->Restart());
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  std::vector<std::vector<std::string>> Outbox() {
    return Peek(server_->data_dir() / "jeugdhulp.db",
                "SELECT id, attempts, delivered_at IS NOT NULL, payload IS NULL, "
                "COALESCE(last_error, '') FROM webhook_outbox");
  }
  // Waits until the outbox row satisfies `done`.
  bool WaitForOutbox(const std::function<bool(const std::vector<std::string>&)>& done,
                     std::chrono::milliseconds within = 20s) {
    auto deadline = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < deadline) {
      auto rows = Outbox();
      if (rows.size() == 1 && done(rows[0])) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
  std::string org_;
  const json event_ = {{"signaal", "9f1c"}, {"betrokkenen", {{{"naam", "Mw. Melder"}}}}};
};

TEST_F(WebhookTest, AdministrationEndpoints) {
  const std::string unknown = "/api/v1/organisaties/00000000-0000-4000-8000-000000000000/webhook";
  EXPECT_EQ(Admin("PUT", unknown, {{"url", "https://x.example.nl/"}}).status, 404);
  EXPECT_EQ(Admin("GET", unknown, nullptr).status, 404);
  EXPECT_EQ(Admin("DELETE", unknown, nullptr).status, 404);
  EXPECT_EQ(Admin("GET", HookPath(), nullptr).status, 404);  // none configured yet

  for (const char* bad : {"http://example.nl/hook", "ftp://x.nl/", "https://a b/", "nope"}) {
    auto r = Admin("PUT", HookPath(), {{"url", bad}});
    EXPECT_EQ(r.status, 400) << bad;
    json p = BodyJson(r);
    ASSERT_TRUE(p.contains("invalidParams")) << r.body;
    EXPECT_EQ(p["invalidParams"][0]["name"], "url") << r.body;
  }
  EXPECT_EQ(Admin("PUT", HookPath(), {{"url", "https://x.nl/"}, {"extra", 1}}).status, 400);

  const std::string secret = Configure("https://bron.example.nl/hook");
  EXPECT_EQ(secret.size(), 64u);
  auto got = Admin("GET", HookPath(), nullptr);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(BodyJson(got), json({{"url", "https://bron.example.nl/hook"}}));
  EXPECT_NE(Configure("http://localhost:8080/h"), secret);  // replacing makes a new secret

  // Not a beheerder: 403.
  auto m = Admin("POST", "/api/v1/medewerkers",
                 {{"organisatieId", org_},
                  {"naam", "Mw. Arts"},
                  {"rol", "leerkracht"},
                  {"telefoon", "020 123 4567"},
                  {"email", "a@example.nl"},
                  {"meldingsbevoegd", true}});
  ASSERT_EQ(m.status, 201) << m.body;
  auto t = Admin("POST", "/api/v1/medewerkers/" + BodyJson(m)["id"].get<std::string>() + "/tokens",
                 json::object());
  ASSERT_EQ(t.status, 201) << t.body;
  const std::string token = BodyJson(t)["token"];
  EXPECT_EQ(JsonRequest(*client_, "GET", HookPath(), nullptr, token).status, 403);
  EXPECT_EQ(JsonRequest(*client_, "PUT", HookPath(), {{"url", "https://x.nl/"}}, token).status,
            403);
  EXPECT_EQ(JsonRequest(*client_, "DELETE", HookPath(), nullptr, token).status, 403);

  auto del = Admin("DELETE", HookPath(), nullptr);
  EXPECT_EQ(del.status, 204);
  EXPECT_TRUE(del.body.empty());
  EXPECT_EQ(Admin("GET", HookPath(), nullptr).status, 404);
  EXPECT_EQ(server_->Output().find(secret), std::string::npos);
}

TEST_F(WebhookTest, DeliversSignedAndLogsTheProvision) {
  Receiver receiver;
  const std::string secret = Configure(receiver.Url());
  EnqueueOffline(event_);
  ASSERT_TRUE(receiver.WaitFor(1)) << server_->Output();
  const auto got = receiver.Requests().at(0);
  EXPECT_EQ(got.body, event_.dump());
  EXPECT_EQ(got.headers.at("content-type"), "application/json");
  EXPECT_EQ(got.headers.at("x-jeugdhulp-event"), "verwijsindex.signaal");
  const std::string timestamp = got.headers.at("x-jeugdhulp-timestamp");
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  EXPECT_LE(std::abs(now - std::stoll(timestamp)), 60);
  EXPECT_EQ(got.headers.at("x-jeugdhulp-signature"),
            "sha256=" + HmacHex(secret, timestamp + "." + got.body));
  ASSERT_TRUE(WaitForOutbox([](const auto& row) { return row[2] == "1"; }));
  const auto row = Outbox().at(0);
  EXPECT_EQ(got.headers.at("x-jeugdhulp-delivery"), row[0]);
  EXPECT_EQ(row[1], "1");
  EXPECT_EQ(row[3], "1");  // payload cleared once delivered
  auto logged =
      Peek(server_->data_dir() / "jeugdhulp.db",
           "SELECT COUNT(*) FROM verwerkingen WHERE activity_id LIKE '%/webhook-levering'");
  EXPECT_EQ(logged.at(0).at(0), "1");
  std::this_thread::sleep_for(500ms);
  EXPECT_EQ(receiver.Requests().size(), 1u);  // delivered: not sent again
  const std::string output = server_->Output();
  EXPECT_EQ(output.find(secret), std::string::npos);
  EXPECT_EQ(output.find("Melder"), std::string::npos);
  EXPECT_NE(output.find("webhook-delivered"), std::string::npos);
}

TEST_F(WebhookTest, RetriesWithBackoffWhileTheReceiverFails) {
  Receiver receiver;
  receiver.failures = 3;
  Configure(receiver.Url());
  EnqueueOffline(event_);
  ASSERT_TRUE(receiver.WaitFor(4)) << server_->Output();
  ASSERT_TRUE(WaitForOutbox([](const auto& row) { return row[2] == "1"; }));
  EXPECT_EQ(Outbox().at(0)[1], "4");
  const auto got = receiver.Requests();
  for (const auto& r : got) {
    EXPECT_EQ(r.headers.at("x-jeugdhulp-delivery"), got[0].headers.at("x-jeugdhulp-delivery"));
  }
  // Back-off with base 200 ms and jitter in the upper half: ≥ 100, 200, 400 ms.
  auto gap = [&](size_t i) { return got[i].at - got[i - 1].at; };
  EXPECT_GE(gap(1), 100ms);
  EXPECT_GE(gap(2), 200ms);
  EXPECT_GE(gap(3), 400ms);
  EXPECT_NE(server_->Output().find("webhook-attempt-failed"), std::string::npos);
}

TEST_F(WebhookTest, DeliveredOnceTheReceiverComesUpAndAfterSigkill) {
  uint16_t port = 0;
  {
    Receiver probe;  // a free port, closed again: the receiver is down
    port = probe.port();
  }
  Configure("http://127.0.0.1:" + std::to_string(port) + "/hook");
  EnqueueOffline(event_);
  ASSERT_TRUE(WaitForOutbox([](const auto& row) { return std::stoi(row[1]) >= 2; }))
      << server_->Output();
  EXPECT_NE(Outbox().at(0)[4].find("verbinding geweigerd"), std::string::npos) << Outbox().at(0)[4];
  // Killed before any delivery succeeded: the event must survive in the outbox.
  server_->Kill();
  EXPECT_EQ(Outbox().at(0)[2], "0");
  Receiver receiver(port);
  Relaunch();
  ASSERT_TRUE(receiver.WaitFor(1, 30s)) << server_->Output();
  ASSERT_TRUE(WaitForOutbox([](const auto& row) { return row[2] == "1"; }));
  EXPECT_EQ(receiver.Requests().at(0).headers.at("x-jeugdhulp-delivery"), Outbox().at(0)[0]);
}

TEST_F(WebhookTest, DeletingTheWebhookDropsPendingDeliveries) {
  Configure("http://127.0.0.1:9/hook");  // discard port: nothing listens
  EnqueueOffline(event_);
  ASSERT_TRUE(WaitForOutbox([](const auto& row) { return std::stoi(row[1]) >= 1; }));
  EXPECT_EQ(Admin("DELETE", HookPath(), nullptr).status, 204);
  EXPECT_TRUE(Outbox().empty());
}

TEST_F(WebhookTest, HttpsReceiverThatSpeaksPlainHttpFailsAndIsRetried) {
  Receiver receiver;
  Configure("https://localhost:" + std::to_string(receiver.port()) + "/hook");
  EnqueueOffline(event_);
  ASSERT_TRUE(WaitForOutbox([](const auto& row) { return !row[4].empty(); })) << server_->Output();
  const auto row = Outbox().at(0);
  EXPECT_EQ(row[2], "0");
  EXPECT_EQ(row[4].rfind("TLS", 0), 0u) << row[4];
}

}  // namespace
}  // namespace jh::testing

namespace jh::testing {
namespace {

// End to end: a Verwijsindex signal to a melder also reaches his organisation's source
// system, signed, with the other melder's contact details and never a BSN.
TEST_F(WebhookTest, VerwijsindexSignalReachesTheMeldersSourceSystem) {
  Receiver receiver;
  const std::string secret = Configure(receiver.Url());
  auto melder = [&](const std::string& org, const std::string& naam, const std::string& rol) {
    EXPECT_EQ(Admin("POST", "/api/v1/organisaties/" + org + "/convenanten",
                    {{"gemeentecode", "GM0363"}, {"geldigVanaf", "2020-01-01"}})
                  .status,
              201);
    auto m = Admin("POST", "/api/v1/medewerkers",
                   {{"organisatieId", org},
                    {"naam", naam},
                    {"rol", rol},
                    {"telefoon", "020 123 4567"},
                    {"email", "x@bron.example"},
                    {"meldingsbevoegd", true}});
    EXPECT_EQ(m.status, 201) << m.body;
    auto t =
        Admin("POST", "/api/v1/medewerkers/" + BodyJson(m)["id"].get<std::string>() + "/tokens",
              json::object());
    return BodyJson(t).value("token", "");
  };
  const std::string leerkracht = melder(org_, "Lotte Leerkracht", "leerkracht");
  auto praktijk =
      Admin("POST", "/api/v1/organisaties",
            {{"naam", "Praktijk"}, {"soort", "huisartsenpraktijk"}, {"gemeentecode", "GM0363"}});
  const std::string huisarts = melder(BodyJson(praktijk)["id"], "Henk Huisarts", "huisarts");
  ASSERT_EQ(Admin("POST", "/api/v1/personen",
                  {{"bsn", "999910012"},
                   {"voornamen", "K"},
                   {"geslachtsnaam", "J"},
                   {"geboortedatum", "2016-03-10"},
                   {"geslacht", "M"},
                   {"gemeentecode", "GM0363"},
                   {"adres", {{"postcode", "1011AB"}, {"huisnummer", 1}}}})
                .status,
            201);
  const json body = {{"bsn", "999910012"}, {"redelijkVermoeden", true}};
  ASSERT_EQ(
      JsonRequest(*client_, "POST", "/api/v1/verwijsindex/meldingen", body, leerkracht).status,
      201);
  ASSERT_EQ(JsonRequest(*client_, "POST", "/api/v1/verwijsindex/meldingen", body, huisarts).status,
            201);

  ASSERT_TRUE(receiver.WaitFor(1)) << server_->Output();
  const auto got = receiver.Requests().at(0);
  EXPECT_EQ(got.headers.at("x-jeugdhulp-event"), "verwijsindex.signaal");
  EXPECT_EQ(got.headers.at("x-jeugdhulp-signature"),
            "sha256=" + HmacHex(secret, got.headers.at("x-jeugdhulp-timestamp") + "." + got.body));
  const json event = json::parse(got.body);
  EXPECT_EQ(event["soort"], "jeugdige");
  ASSERT_EQ(event["betrokkenen"].size(), 1u);
  EXPECT_EQ(event["betrokkenen"][0]["naam"], "Henk Huisarts");
  EXPECT_EQ(got.body.find("999910012"), std::string::npos);
  // The signal is the same one the melder reads through the API.
  auto signalen = JsonRequest(*client_, "GET", "/api/v1/verwijsindex/signalen", json(), leerkracht);
  EXPECT_EQ(BodyJson(signalen)["resultaten"][0]["id"], event["id"]);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(receiver.Requests().size(), 1u);  // the praktijk has no webhook: nothing else sent
}

}  // namespace
}  // namespace jh::testing
