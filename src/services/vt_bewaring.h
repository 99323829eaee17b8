// Retention of Veilig Thuis files (VT-08, Wmo 5.3.4(2)): a case is kept twenty years from its
// last change, then destroyed — its data key is destroyed (crypto-shredding: every sealed
// text and reporter detail, also in old WAL frames, becomes unreadable; a backup's copy of the
// key is destroyed again by `restore`, from the erasure ledger), its links
// to persons and its parts are deleted, and only the bare row (id, Veilig Thuis, dates)
// remains so the processing log keeps pointing at something.
#pragma once

#include <cstdint>
#include <string>

#include "services/env.h"

namespace jh::services {

struct VtBewaring {
  int64_t vernietigd = 0;  // cases destroyed
};

// Applies VT-08 as of env.clock.Today(), in batches, each one transaction with its processing
// records. Safe to run at any time and more than once.
[[nodiscard]] Result<VtBewaring> PurgeVeiligThuis(Env& env);

// Inside a write: destroys one case as above (also on request, VT-09), with a processing
// record named `naam` for every person of the case. Errors: kNotFound for an unknown case.
[[nodiscard]] Status VernietigVtZaak(store::Tx& tx, Env& env, const std::string& id,
                                     const std::string& now, const std::string& naam);

// Inside a write that erases the person (AVG-04, DELETE /personen/{id}): his links to cases
// go, so no case points at an erased row; the cases stay for the others they are about
// (their retention is VT-08's, and unlinking does not restart it). Returns how many links
// were removed.
[[nodiscard]] Result<int64_t> OntkoppelVtPersoon(store::Tx& tx, Env& env,
                                                 const std::string& persoon_id);

}  // namespace jh::services
