// Retention of care dossiers (JW-09, Jw 7.3.9): a dossier is destroyed twenty years after its
// last change. Destroyed means its data key is destroyed (crypto-shredding) and its notes'
// ciphertexts cleared; the row stays, so the assignment and the logs stay consistent.
#pragma once

#include <cstdint>
#include <string>

#include "services/env.h"

namespace jh::services {

struct JwOpschoning {
  int64_t dossiers_vernietigd = 0;
};

// Applies JW-09 as of env.clock.Today(), in batches of 500, each one transaction with its
// processing records. Safe to run at any time and more than once.
[[nodiscard]] Result<JwOpschoning> PurgeJeugdhulp(Env& env);

// Inside a write: destroys one dossier as above, if it exists and is not destroyed yet (a
// restore destroying again what the erasure ledger names), with a record named `naam`.
[[nodiscard]] Status JwVernietigDossier(store::Tx& tx, Env& env, const std::string& dossier_id,
                                        const char* naam);

// Inside the transaction that erases a person (AVG-04): destroys his dossiers the same way.
[[nodiscard]] Status JwOntkoppelPersoon(store::Tx& tx, Env& env, const std::string& persoon_id);

}  // namespace jh::services
