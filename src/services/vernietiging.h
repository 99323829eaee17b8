// Erasure of a person (AVG-04) by crypto-shredding: the person's data key is destroyed, so
// every ciphertext of that person in the store and its WAL can no longer be read (a backup
// still holds the sealed key: the erasure ledger has `restore` destroy it again, see
// store/erasure_ledger.h); every plaintext attribute, keyed index, parental-authority relation and
// citizen token is removed. The row and all log records stay, so the hash chains still verify and
// references stay intact; the logs hold only a pseudonym that nothing links to a BSN any more.
#pragma once

#include <string>

#include "services/env.h"
#include "store/erasure_ledger.h"

namespace jh::services {

struct Vernietiging {
  std::string persoon_id;
  std::string vernietigd_op;  // RFC 3339
};

// Errors: kNotFound (unknown person), kConflict (already erased).
[[nodiscard]] Result<Vernietiging> VernietigPersoon(Env& env, const std::string& persoon_id);

// Inside the write that destroys the data key of `id` (soort "persoon", "vt-zaak" or
// "jw-dossier"): records it in env.ledger (if any) before the write commits. When it cannot
// be recorded the write fails: a destruction a restore would not know of must not happen.
[[nodiscard]] Status VernietigingVastleggen(Env& env, const char* soort, const std::string& id);

struct Herhaling {
  int64_t personen = 0;
  int64_t vt_zaken = 0;
  int64_t dossiers = 0;
};
// After a restore: destroys again, through the paths that destroyed them first, the owners
// in `ledger` that the restored store still holds undestroyed (a backup from before their
// erasure); ids the backup does not know are skipped. Safe to run more than once.
[[nodiscard]] Result<Herhaling> HerhaalVernietigingen(Env& env,
                                                      const std::vector<store::Vernietigd>& ledger);

}  // namespace jh::services
