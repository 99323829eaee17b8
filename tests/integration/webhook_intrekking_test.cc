// Webhook events withdrawn before delivery (AVG-04, VIR-12): a Verwijsindex signal queued
// for an organisation whose receiver is down is not delivered once the youth is erased or
// the registration it names is removed as unjustified, and no delivery is logged against the
// youth. Filter: --gtest_filter='WebhookIntrekking*'.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "http/server.h"
#include "support/server_process.h"
#include "support/sqlite_peek.h"

namespace jh::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class WebhookIntrekkingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start({"", {"--webhook-backoff-ms", "100"}});
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
    {
      // A free port, closed again: the receiver is down until Receive() starts it.
      http::Server probe(
          Options(0), [](http::Request&) { return http::Response{}; }, &metrics_);
      ASSERT_TRUE(probe.Start().ok());
      port_ = probe.port();
      probe.Stop();
    }
    auto school = Admin("POST", "/api/v1/organisaties",
                        {{"naam", "School"}, {"soort", "school"}, {"gemeentecode", "GM0363"}});
    ASSERT_EQ(school.status, 201) << school.body;
    const std::string org = BodyJson(school)["id"];
    ASSERT_EQ(Admin("PUT", "/api/v1/organisaties/" + org + "/webhook",
                    {{"url", "http://127.0.0.1:" + std::to_string(port_) + "/hook"}})
                  .status,
              200);
    leerkracht_ = Melder(org, "Lotte Leerkracht", "leerkracht");
    auto praktijk =
        Admin("POST", "/api/v1/organisaties",
              {{"naam", "Praktijk"}, {"soort", "huisartsenpraktijk"}, {"gemeentecode", "GM0363"}});
    huisarts_ = Melder(BodyJson(praktijk)["id"], "Henk Huisarts", "huisarts");
    auto p = Admin("POST", "/api/v1/personen",
                   {{"bsn", "999910012"},
                    {"voornamen", "K"},
                    {"geslachtsnaam", "J"},
                    {"geboortedatum", "2016-03-10"},
                    {"geslacht", "M"},
                    {"gemeentecode", "GM0363"},
                    {"adres", {{"postcode", "1011AB"}, {"huisnummer", 1}}}});
    ASSERT_EQ(p.status, 201) << p.body;
    persoon_ = BodyJson(p)["id"];
    // Two registrations: the signal to the teacher is queued for the school's webhook.
    const json body = {{"bsn", "999910012"}, {"redelijkVermoeden", true}};
    ASSERT_EQ(Vir("POST", "/api/v1/verwijsindex/meldingen", body, leerkracht_).status, 201);
    auto m = Vir("POST", "/api/v1/verwijsindex/meldingen", body, huisarts_);
    ASSERT_EQ(m.status, 201) << m.body;
    melding_huisarts_ = BodyJson(m)["id"];
    // Attempted and failed at least once: pending, waiting for its retry.
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (Sql("SELECT COUNT(*) FROM webhook_outbox WHERE attempts >= 1 AND "
               "delivered_at IS NULL") != "1") {
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << server_->Output();
      std::this_thread::sleep_for(20ms);
    }
  }
  void TearDown() override {
    if (receiver_) receiver_->Stop();
  }

  static http::ServerOptions Options(uint16_t port) {
    http::ServerOptions o;
    o.port = port;
    o.io_threads = 1;
    o.worker_threads = 1;
    o.drain_timeout = 1s;
    return o;
  }
  HttpResponse Admin(std::string_view method, const std::string& target, const json& body) {
    return JsonRequest(*client_, method, target, body, server_->beheerder_token());
  }
  HttpResponse Vir(std::string_view method, const std::string& target, const json& body,
                   const std::string& token) {
    return JsonRequest(*client_, method, target, body, token);
  }
  std::string Melder(const std::string& org, const std::string& naam, const std::string& rol) {
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
  }
  std::string Sql(const std::string& sql) {
    return Peek(server_->data_dir() / "jeugdhulp.db", sql).at(0).at(0);
  }
  // Starts the receiver on the webhook's port and gives the worker time for several retries.
  void Receive() {
    receiver_ = std::make_unique<http::Server>(
        Options(port_),
        [this](http::Request& r) {
          r.route = "/hook";
          ++received_;
          http::Response res;
          res.status = 200;
          res.body = "{}";
          return res;
        },
        &metrics_);
    ASSERT_TRUE(receiver_->Start().ok());
    std::this_thread::sleep_for(3s);
  }
  void ExpectNothingDelivered() {
    EXPECT_EQ(Sql("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NULL "
                  "AND given_up_at IS NULL"),
              "0");
    Receive();
    EXPECT_EQ(received_.load(), 0);
    EXPECT_EQ(Sql("SELECT COUNT(*) FROM webhook_outbox WHERE delivered_at IS NOT NULL"), "0");
    EXPECT_EQ(Sql("SELECT COUNT(*) FROM verwerkingen WHERE activity_id LIKE "
                  "'%/webhook-levering'"),
              "0");
    EXPECT_EQ(Sql("SELECT COUNT(*) FROM webhook_outbox_verwijzingen"), "0");
  }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
  http::Metrics metrics_;
  std::unique_ptr<http::Server> receiver_;
  std::atomic<int> received_{0};
  uint16_t port_ = 0;
  std::string leerkracht_;
  std::string huisarts_;
  std::string persoon_;
  std::string melding_huisarts_;
};

TEST_F(WebhookIntrekkingTest, ErasureWithdrawsTheQueuedSignal) {
  ASSERT_EQ(Admin("DELETE", "/api/v1/personen/" + persoon_, nullptr).status, 200);
  ExpectNothingDelivered();
}

TEST_F(WebhookIntrekkingTest, UnjustifiedRemovalWithdrawsTheSignalNamingIt) {
  ASSERT_EQ(
      Vir("DELETE", "/api/v1/verwijsindex/meldingen/" + melding_huisarts_ + "?reden=onterecht",
          nullptr, huisarts_)
          .status,
      200);
  ExpectNothingDelivered();
}

// Control: without either, the same queued signal is delivered once the receiver is up.
TEST_F(WebhookIntrekkingTest, DeliveredWhenNothingWasRemoved) {
  Receive();
  EXPECT_EQ(received_.load(), 1) << server_->Output();
}

}  // namespace
}  // namespace jh::testing
