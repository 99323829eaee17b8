// Retention of Veilig Thuis files (VT-08, Wmo 5.3.4(2)): a case is kept twenty years from its
// last change, then destroyed — its data key is destroyed (crypto-shredding: every sealed
// text and reporter detail, also in old WAL frames, becomes unreadable; a backup's copy of the
// key is destroyed again by `restore`, from the erasure ledger), its links
// to persons and its parts are deleted, and only the bare row (id, Veilig Thuis, dates)
// remains so the processing log keeps pointing at something.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

// The person's Veilig Thuis cases that still exist, with how many others each is about.
struct VtZaakVan {
  std::string id;
  bool lopend = false;  // not handed over, not closed
  int64_t anderen = 0;
};
[[nodiscard]] Result<std::vector<VtZaakVan>> VtZakenVan(store::Tx& tx,
                                                        const std::string& persoon_id);

struct VtOntkoppeling {
  int64_t vernietigd = 0;  // finished cases about him alone, destroyed
  int64_t ontkoppeld = 0;  // cases kept, his link removed
};
// Inside a write that erases the person (AVG-04, DELETE /personen/{id}): a finished case
// about him alone is destroyed as on a granted VT-09 request; the others stay — a running
// case for Veilig Thuis's task (VT-09), a case about others for them — without his link, so
// no case points at an erased row. Unlinking does not restart their VT-08 term.
[[nodiscard]] Result<VtOntkoppeling> OntkoppelVtPersoon(store::Tx& tx, Env& env,
                                                        const std::string& persoon_id);

}  // namespace jh::services
