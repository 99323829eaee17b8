// Withdrawing queued webhook events (services/webhook_verwijzingen.h) against a real SQLite
// store: an event goes undelivered when what it names — a person, a signal, a Veilig Thuis
// case — is erased, removed or destroyed (AVG-04, VIR-12), and the claim skips an event that
// names an erased person even without references.
#include <gtest/gtest.h>

#include "services/webhook_outbox.h"
#include "services/webhook_verwijzingen.h"
#include "services/webhooks.h"
#include "support/temp_dir.h"

namespace jh::services {
namespace {

using nlohmann::json;

constexpr const char* kGemeenteOrg = "4b0c2c1e-1111-4111-8111-000000000002";

class WebhookVerwijzingenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::OpenSqlite(tmp_.path() / "jh.db");
    ASSERT_TRUE(s.ok()) << s.error().message;
    store_ = std::move(s).value();
    ASSERT_TRUE(Exec("INSERT INTO organisaties (id, naam, soort, gemeentecode, aangemaakt_op) "
                     "VALUES ($1, 'Gemeente', 'gemeente', 'GM0363', 'x')",
                     {std::string(kGemeenteOrg)})
                    .ok());
    Env e = env();
    ASSERT_TRUE(SetWebhook(e, kGemeenteOrg, "http://127.0.0.1:9/h").ok());
  }
  void TearDown() override { store_.reset(); }

  Env env() { return Env{*store_, *vault_, clock_}; }
  Status Exec(const std::string& sql, std::vector<store::Value> args = {}) {
    return store_->Write([&](store::Tx& tx) -> Status {
      JH_TRY(tx.Exec(sql, args));
      return {};
    });
  }
  // Queues a raad-verzoek about case z-1 and person p-1, as Veilig Thuis does.
  void Enqueue() {
    Env e = env();
    ASSERT_TRUE(store_
                    ->Write([&](store::Tx& tx) -> Status {
                      return EnqueueWebhook(tx, e, kGemeenteOrg, "veilig-thuis.raad-verzoek",
                                            {{"zaakId", "z-1"}, {"personen", {"p-1"}}},
                                            {{"persoon", "p-1"}},
                                            {WebhookVerwijzing("vt-zaak", "z-1")});
                    })
                    .ok());
  }
  int64_t Drop(std::string_view soort, std::string_view id) {
    int64_t n = -1;
    EXPECT_TRUE(store_
                    ->Write([&](store::Tx& tx) -> Status {
                      JH_ASSIGN_OR_RETURN(n, DropPendingWebhookEvents(tx, soort, id));
                      return {};
                    })
                    .ok());
    return n;
  }
  int64_t Count(const std::string& table, const std::string& where = "1 = 1") {
    int64_t n = -1;
    EXPECT_TRUE(store_
                    ->Read([&](store::Tx& tx) -> Status {
                      JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT COUNT(*) FROM " +
                                                                     table + " WHERE " + where));
                      n = rows.at(0).Int(0);
                      return {};
                    })
                    .ok());
    return n;
  }

  jh::testing::TempDir tmp_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<crypto::Vault> vault_ = crypto::Vault::ForTesting("verwijzingen");
  Clock clock_;
};

TEST_F(WebhookVerwijzingenTest, DestroyedCaseWithdrawsItsEvent) {
  Enqueue();
  EXPECT_EQ(Drop("vt-zaak", "z-2"), 0);
  EXPECT_EQ(Count("webhook_outbox"), 1);
  EXPECT_EQ(Drop("vt-zaak", "z-1"), 1);
  EXPECT_EQ(Count("webhook_outbox"), 0);
  EXPECT_EQ(Count("webhook_outbox_verwijzingen"), 0);
}

TEST_F(WebhookVerwijzingenTest, ErasedPersonWithdrawsTheEventsNamingHim) {
  Enqueue();
  EXPECT_EQ(Drop("persoon", "p-1"), 1);
  EXPECT_EQ(Count("webhook_outbox"), 0);
  EXPECT_EQ(Count("webhook_outbox_verwijzingen"), 0);
}

TEST_F(WebhookVerwijzingenTest, ADeliveredEventKeepsNoReferencesAndIsLeftAlone) {
  Enqueue();
  Env e = env();
  const int64_t now = OutboxNowMs();
  auto claimed = ClaimDueDeliveries(e, OutboxOptions{}, now);
  ASSERT_TRUE(claimed.ok());
  ASSERT_EQ(claimed->size(), 1u);
  ASSERT_TRUE(MarkDelivered(e, claimed->at(0), now).ok());
  EXPECT_EQ(Count("webhook_outbox_verwijzingen"), 0);
  EXPECT_EQ(Drop("vt-zaak", "z-1"), 0);
  EXPECT_EQ(Count("webhook_outbox", "delivered_at IS NOT NULL"), 1);
}

TEST_F(WebhookVerwijzingenTest, ClaimSkipsAnEventNamingAnErasedPerson) {
  Enqueue();
  // As an event queued before references were kept: only its subjects name the person.
  ASSERT_TRUE(Exec("DELETE FROM webhook_outbox_verwijzingen").ok());
  ASSERT_TRUE(Exec("INSERT INTO personen (id, aangemaakt_op, gewijzigd_op, vernietigd_op) "
                   "VALUES ('p-1', 'x', 'x', 'x')")
                  .ok());
  Env e = env();
  auto claimed = ClaimDueDeliveries(e, OutboxOptions{}, OutboxNowMs());
  ASSERT_TRUE(claimed.ok());
  EXPECT_TRUE(claimed->empty());
  EXPECT_EQ(Count("webhook_outbox"), 0);
}

}  // namespace
}  // namespace jh::services
