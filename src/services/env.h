// What every service needs: the store, the vault and the configured clock. Passed by
// reference; services hold no state of their own.
#pragma once

#include "core/clock.h"
#include "crypto/vault.h"
#include "store/store.h"

namespace jh::services {

struct Env {
  store::Store& store;
  const crypto::Vault& vault;
  const Clock& clock;
};

}  // namespace jh::services
