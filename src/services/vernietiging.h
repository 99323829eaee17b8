// Erasure of a person (AVG-04) by crypto-shredding: the person's data key is destroyed, so
// every ciphertext of that person — in the store, in its WAL, in backups — can no longer be
// read; every plaintext attribute, keyed index, parental-authority relation and citizen
// token is removed. The row and all log records stay, so the hash chains still verify and
// references stay intact; the logs hold only a pseudonym that nothing links to a BSN any more.
#pragma once

#include <string>

#include "services/env.h"

namespace jh::services {

struct Vernietiging {
  std::string persoon_id;
  std::string vernietigd_op;  // RFC 3339
};

// Errors: kNotFound (unknown person), kConflict (already erased).
[[nodiscard]] Result<Vernietiging> VernietigPersoon(Env& env, const std::string& persoon_id);

}  // namespace jh::services
