// What every service needs: the store, the vault and the configured clock, and — per
// request — who is acting and the request's audit trail. Services hold no state of their own.
#pragma once

#include "audit/trail.h"
#include "auth/actor.h"
#include "core/clock.h"
#include "crypto/vault.h"
#include "store/store.h"

namespace jh::store {
class ErasureLedger;
}

namespace jh::services {

struct Env {
  store::Store& store;
  const crypto::Vault& vault;
  const Clock& clock;
  audit::Trail* trail = nullptr;       // nullptr: no audit (seeding, tests of pure storage)
  const auth::Actor* actor = nullptr;  // nullptr: the system
  // Where every destroyed data key is recorded before its destruction commits, so that a
  // restore can destroy it again (store/erasure_ledger.h); nullptr: not recorded (tests).
  store::ErasureLedger* ledger = nullptr;
};

}  // namespace jh::services
