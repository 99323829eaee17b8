// Retention of Veilig Thuis files (VT-08, Wmo 5.3.4(2)): a case is kept twenty years from its
// last change, then destroyed — its data key is destroyed (crypto-shredding: every sealed
// text and reporter detail, also in old WAL frames and backups, becomes unreadable), its links
// to persons and its parts are deleted, and only the bare row (id, Veilig Thuis, dates)
// remains so the processing log keeps pointing at something.
#pragma once

#include <cstdint>

#include "services/env.h"

namespace jh::services {

struct VtBewaring {
  int64_t vernietigd = 0;  // cases destroyed
};

// Applies VT-08 as of env.clock.Today(), in batches, each one transaction with its processing
// records. Safe to run at any time and more than once.
[[nodiscard]] Result<VtBewaring> PurgeVeiligThuis(Env& env);

}  // namespace jh::services
