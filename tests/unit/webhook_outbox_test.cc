// The webhook outbox against a real SQLite store: EnqueueWebhook commits and rolls back with
// the caller's transaction, payload and secret are sealed at rest, and claiming, failing
// (back-off, giving up) and delivering move an event through its life.
#include <gtest/gtest.h>

#include <filesystem>

#include "audit/register.h"
#include "services/webhook_outbox.h"
#include "services/webhooks.h"
#include "support/temp_dir.h"

namespace jh::services {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kOrg = "4b0c2c1e-1111-4111-8111-000000000001";

class WebhookOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tmp_.path().empty());
    dir_ = tmp_.path();
    auto s = store::OpenSqlite(dir_ / "jh.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
    ASSERT_TRUE(store_
                    ->Write([](store::Tx& tx) -> Status {
                      JH_TRY(
                          tx.Exec("INSERT INTO organisaties (id, naam, soort, gemeentecode, "
                                  "aangemaakt_op) VALUES ($1, 'Org', 'school', 'GM0363', 'x')",
                                  {std::string(kOrg)}));
                      return {};
                    })
                    .ok());
  }
  void TearDown() override { store_.reset(); }

  Env env() { return Env{*store_, *vault_, clock_}; }

  Status Enqueue(const json& event, bool commit = true) {
    Env e = env();
    return store_->Write([&](store::Tx& tx) -> Status {
      JH_TRY(EnqueueWebhook(tx, e, kOrg, "verwijsindex.signaal", event,
                            {{"medewerker", "m-1"}, {"persoon", "p-1"}}));
      if (!commit) return Error::Conflict("the caller's own work failed");
      return {};
    });
  }

  int64_t Count(const std::string& where = "1 = 1") {
    int64_t n = -1;
    EXPECT_TRUE(store_
                    ->Read([&](store::Tx& tx) -> Status {
                      JH_ASSIGN_OR_RETURN(
                          store::Rows rows,
                          tx.Query("SELECT COUNT(*) FROM webhook_outbox WHERE " + where));
                      n = rows.at(0).Int(0);
                      return {};
                    })
                    .ok());
    return n;
  }

  jh::testing::TempDir tmp_;  // removed with its contents after the test
  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<crypto::Vault> vault_ = crypto::Vault::ForTesting("outbox");
  Clock clock_;
  const json event_ = {{"signaal", "s-1"}, {"betrokkenen", {{{"naam", "Mw. Melder"}}}}};
};

TEST_F(WebhookOutboxTest, WithoutWebhookNothingIsQueued) {
  ASSERT_TRUE(Enqueue(event_).ok());
  EXPECT_EQ(Count(), 0);
}

TEST_F(WebhookOutboxTest, QueuedOnlyWhenTheCallersTransactionCommits) {
  Env e = env();
  ASSERT_TRUE(SetWebhook(e, kOrg, "http://127.0.0.1:9/h").ok());
  EXPECT_FALSE(Enqueue(event_, /*commit=*/false).ok());
  EXPECT_EQ(Count(), 0);
  ASSERT_TRUE(Enqueue(event_).ok());
  EXPECT_EQ(Count(), 1);
}

TEST_F(WebhookOutboxTest, RefusesBsnMembersBadTypesAndOversizedEvents) {
  Env e = env();
  ASSERT_TRUE(SetWebhook(e, kOrg, "http://127.0.0.1:9/h").ok());
  for (const json& bad : {json{{"jeugdige", {{"BSN", "x"}}}}, json{{"a", {{{"bsnHash", 1}}}}},
                          json::array(), json{{"x", std::string(kMaxWebhookPayloadBytes, 'a')}}}) {
    EXPECT_EQ(Enqueue(bad).error().code, ErrorCode::kInternal) << bad.dump().substr(0, 80);
  }
  Status bad_type = store_->Write(
      [&](store::Tx& tx) { return EnqueueWebhook(tx, e, kOrg, "Signaal\r\nX: y", event_); });
  EXPECT_FALSE(bad_type.ok());
  EXPECT_EQ(Count(), 0);
}

TEST_F(WebhookOutboxTest, SecretAndPayloadAreSealedAtRest) {
  Env e = env();
  auto hook = SetWebhook(e, kOrg, "http://127.0.0.1:9/h");
  ASSERT_TRUE(hook.ok());
  ASSERT_TRUE(Enqueue(event_).ok());
  ASSERT_TRUE(store_
                  ->Read([&](store::Tx& tx) -> Status {
                    JH_ASSIGN_OR_RETURN(store::Rows w, tx.Query("SELECT geheim_enc FROM webhooks"));
                    EXPECT_EQ(w.at(0).Bytes(0).find(hook->geheim), std::string::npos);
                    JH_ASSIGN_OR_RETURN(store::Rows o,
                                        tx.Query("SELECT payload FROM webhook_outbox"));
                    EXPECT_EQ(o.at(0).Bytes(0).find("Melder"), std::string::npos);
                    return {};
                  })
                  .ok());
}

TEST_F(WebhookOutboxTest, ClaimFailRetryDeliver) {
  Env e = env();
  auto hook = SetWebhook(e, kOrg, "http://127.0.0.1:9/h");
  ASSERT_TRUE(hook.ok());
  ASSERT_TRUE(Enqueue(event_).ok());
  OutboxOptions options;
  const int64_t now = OutboxNowMs();

  auto first = ClaimDueDeliveries(e, options, now);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  const Delivery d = first->at(0);
  EXPECT_EQ(d.payload, event_.dump());
  EXPECT_EQ(d.geheim, hook->geheim);
  EXPECT_EQ(d.url, "http://127.0.0.1:9/h");
  EXPECT_EQ(d.attempts, 1);
  EXPECT_EQ(d.subjects.size(), 2u);
  // Claimed: not handed out again while the attempt may still be in flight.
  EXPECT_TRUE(ClaimDueDeliveries(e, options, now + 1000)->empty());

  auto given_up = MarkFailed(e, d, "HTTP 500", now, options, 0.0);
  ASSERT_TRUE(given_up.ok());
  EXPECT_FALSE(*given_up);
  EXPECT_TRUE(ClaimDueDeliveries(e, options, now + 499)->empty());  // base 1 s, jitter 0
  auto second = ClaimDueDeliveries(e, options, now + 500);
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ(second->at(0).attempts, 2);

  ASSERT_TRUE(MarkDelivered(e, second->at(0), now + 600).ok());
  EXPECT_EQ(Count("delivered_at IS NOT NULL AND payload IS NULL AND attempts = 2"), 1);
  auto due = NextDueAt(e);
  ASSERT_TRUE(due.ok());
  EXPECT_FALSE(due->has_value());
  EXPECT_EQ(*PurgeFinished(e, now + 601), 1);
  EXPECT_EQ(Count(), 0);
}

TEST_F(WebhookOutboxTest, DeliveryIsRecordedInTheProcessingLogPerSubject) {
  Env e = env();
  ASSERT_TRUE(SetWebhook(e, kOrg, "http://127.0.0.1:9/h").ok());
  ASSERT_TRUE(Enqueue(event_).ok());
  auto claimed = ClaimDueDeliveries(e, OutboxOptions{}, OutboxNowMs());
  ASSERT_EQ(claimed->size(), 1u);
  ASSERT_TRUE(MarkDelivered(e, claimed->at(0), OutboxNowMs()).ok());
  ASSERT_TRUE(store_
                  ->Read([&](store::Tx& tx) -> Status {
                    JH_ASSIGN_OR_RETURN(
                        store::Rows rows,
                        tx.Query("SELECT subject_id_type FROM verwerkingen WHERE activity_id = $1 "
                                 "ORDER BY seq",
                                 {audit::ActiviteitUri(audit::kWebhookLevering)}));
                    EXPECT_EQ(rows.size(), 2u);
                    return {};
                  })
                  .ok());
  ASSERT_NE(audit::FindActiviteit(audit::kWebhookLevering), nullptr);
}

TEST_F(WebhookOutboxTest, GivenUpAfterMaxAttemptsWithThePayloadCleared) {
  Env e = env();
  ASSERT_TRUE(SetWebhook(e, kOrg, "http://127.0.0.1:9/h").ok());
  ASSERT_TRUE(Enqueue(event_).ok());
  OutboxOptions options;
  options.max_attempts = 2;
  int64_t now = OutboxNowMs();
  for (int attempt = 1; attempt <= 2; ++attempt) {
    auto claimed = ClaimDueDeliveries(e, options, now);
    ASSERT_EQ(claimed->size(), 1u) << attempt;
    auto given_up =
        MarkFailed(e, claimed->at(0), "verbinden: verbinding geweigerd", now, options, 0.0);
    ASSERT_TRUE(given_up.ok());
    EXPECT_EQ(*given_up, attempt == 2);
    now += 10000;
  }
  EXPECT_EQ(Count("given_up_at IS NOT NULL AND payload IS NULL AND last_error LIKE 'verbinden%'"),
            1);
  EXPECT_TRUE(ClaimDueDeliveries(e, options, now + 3600000)->empty());
}

TEST_F(WebhookOutboxTest, DeletingTheWebhookDropsPendingEventsAndItsKey) {
  Env e = env();
  ASSERT_TRUE(SetWebhook(e, kOrg, "http://127.0.0.1:9/h").ok());
  ASSERT_TRUE(Enqueue(event_).ok());
  ASSERT_TRUE(Enqueue(event_).ok());
  ASSERT_TRUE(DeleteWebhook(e, kOrg).ok());
  EXPECT_EQ(Count(), 0);
  EXPECT_EQ(DeleteWebhook(e, kOrg).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(GetWebhook(e, kOrg).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(SetWebhook(e, "onbekend", "https://x.nl/").error().code, ErrorCode::kNotFound);
}

TEST_F(WebhookOutboxTest, ReplacingKeepsPendingEventsReadableUnderTheNewSecret) {
  Env e = env();
  ASSERT_TRUE(SetWebhook(e, kOrg, "http://127.0.0.1:9/h").ok());
  ASSERT_TRUE(Enqueue(event_).ok());
  auto replaced = SetWebhook(e, kOrg, "http://localhost:10/h");
  ASSERT_TRUE(replaced.ok());
  auto claimed = ClaimDueDeliveries(e, OutboxOptions{}, OutboxNowMs());
  ASSERT_EQ(claimed->size(), 1u);
  EXPECT_EQ(claimed->at(0).geheim, replaced->geheim);
  EXPECT_EQ(claimed->at(0).url, "http://localhost:10/h");
  EXPECT_EQ(claimed->at(0).payload, event_.dump());
}

}  // namespace
}  // namespace jh::services
