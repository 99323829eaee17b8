// The end of a Verwijsindex signal: once a registration is gone — removed without archive
// (VIR-10 "onterecht", VIR-11 at 23 or death, an AVG request) or its archive destroyed
// (VIR-12) — the signals that named it may no longer show its melder, or "this youth was
// registered by A and B" would stay readable after the registration is gone. The pure rule
// (rules::Vir11Vir12SignaalNaVerwijdering) decides per signal whether it loses that
// registration or goes altogether: its melders and the regievoerder's afstemmingen on it are
// deleted, and the bare row (addressee, kind, date) is kept, marked vervallen_op and shown to
// nobody, so that the monthly counts of the policy reports (VIR-16) do not change afterwards.
//
// An archived registration (VIR-10 "risico-weg", VIR-11 after two years) keeps its signals
// until the archive is destroyed: the archive holds the same data for five years (VIR-12),
// the addressees learnt them when the signal was given, and the regievoerder's afstemmingen
// on those signals are his account of the regie task (VIR-09) for as long as the registration
// can still be traced.
#pragma once

#include <string>

#include "services/env.h"

namespace jh::services {

// Inside the transaction that removes registration `melding_id` without archive or destroys
// its archive: applies the rule to every signal naming it.
[[nodiscard]] Status VirSignalenNaVerwijdering(store::Tx& tx, Env& env,
                                               const std::string& melding_id);

// The same for every registration already gone whose signals remain (written before the rule
// was applied at removal); part of the purge. Returns how many registrations it handled.
[[nodiscard]] Result<int64_t> VirSignalenOpruimen(Env& env);

}  // namespace jh::services
