#include "services/webhook_verwijzingen.h"

#include <algorithm>

namespace jh::services {

std::string WebhookVerwijzing(std::string_view soort, std::string_view id) {
  std::string out(soort);
  out += ':';
  out += id;
  return out;
}

Status StoreWebhookVerwijzingen(store::Tx& tx, const std::string& outbox_id,
                                const std::vector<std::string>& verwijzingen) {
  std::vector<std::string> uniek = verwijzingen;
  std::sort(uniek.begin(), uniek.end());
  uniek.erase(std::unique(uniek.begin(), uniek.end()), uniek.end());
  for (const std::string& v : uniek) {
    JH_TRY(
        tx.Exec("INSERT INTO webhook_outbox_verwijzingen (outbox_id, verwijzing) VALUES ($1, $2)",
                {outbox_id, v}));
  }
  return {};
}

Status ForgetWebhookVerwijzingen(store::Tx& tx, const std::string& outbox_id) {
  JH_TRY(tx.Exec("DELETE FROM webhook_outbox_verwijzingen WHERE outbox_id = $1", {outbox_id}));
  return {};
}

Result<int64_t> DropPendingWebhookEvents(store::Tx& tx, std::string_view soort,
                                         std::string_view id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT outbox_id FROM webhook_outbox_verwijzingen "
                               "WHERE verwijzing = $1",
                               {WebhookVerwijzing(soort, id)}));
  int64_t dropped = 0;
  for (const store::Row& r : rows) {
    const std::string outbox_id = r.Text(0);
    JH_ASSIGN_OR_RETURN(int64_t n, tx.Exec("DELETE FROM webhook_outbox WHERE id = $1 "
                                           "AND delivered_at IS NULL AND given_up_at IS NULL",
                                           {outbox_id}));
    dropped += n;
    JH_TRY(ForgetWebhookVerwijzingen(tx, outbox_id));
  }
  return dropped;
}

}  // namespace jh::services
