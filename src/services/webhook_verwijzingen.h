// What a queued webhook event is about, so that it can be withdrawn before delivery when
// that goes: an erased person (AVG-04), a Verwijsindex signal that ended with its
// registration (VIR-11, VIR-12), a destroyed Veilig Thuis case. The payload is sealed and
// cannot be searched, so each event's references are kept beside it
// (webhook_outbox_verwijzingen, migration 0014) while it is pending, and forgotten once it is
// delivered or given up.
//
// A reference is "<soort>:<id>" with internal ids only, never a BSN: "persoon:<id>" (every
// person subject of an event gets one), "vir-signaal:<id>", "vt-zaak:<id>".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace jh::services {

std::string WebhookVerwijzing(std::string_view soort, std::string_view id);

// Records `verwijzingen` (duplicates ignored) for outbox row `outbox_id`, in `tx`.
[[nodiscard]] Status StoreWebhookVerwijzingen(store::Tx& tx, const std::string& outbox_id,
                                              const std::vector<std::string>& verwijzingen);

// Deletes the references of outbox row `outbox_id` (it is no longer pending).
[[nodiscard]] Status ForgetWebhookVerwijzingen(store::Tx& tx, const std::string& outbox_id);

// Inside the transaction that erases, removes or destroys what `soort`/`id` names: deletes
// every undelivered event that refers to it, so it is never delivered and no delivery is
// logged against its subjects. An attempt already in flight finds its row gone and records
// nothing (MarkDelivered). Returns how many events were dropped.
[[nodiscard]] Result<int64_t> DropPendingWebhookEvents(store::Tx& tx, std::string_view soort,
                                                       std::string_view id);

}  // namespace jh::services
