// The Verwijsindex's own housekeeping: automatic removal (VIR-11), the five-year archive and
// its destruction (VIR-12), and what a change in the BRP means for registrations — a move
// (VIR-14), a death (VIR-11), an erasure after an AVG request (VIR-12: not archived).
#pragma once

#include <cstdint>
#include <string>

#include "services/env.h"

namespace jh::services {

struct VirOpschoning {
  int64_t gearchiveerd = 0;  // removed after two years, kept in the archive
  int64_t verwijderd = 0;    // removed at 23 or death, not archived
  int64_t vernietigd = 0;    // archive destroyed (five years, 23, death)
};

// Applies VIR-11 and VIR-12 as of env.clock.Today(), in batches, each batch one transaction
// with its processing records. Safe to run at any time and more than once.
[[nodiscard]] Result<VirOpschoning> PurgeVerwijsindex(Env& env);

// Inside the transaction that records a move of `persoon_id`: updates the municipality of
// his registrations and signals the melders and, for another municipality, its regie (VIR-14).
// `ander_adres`: he moved to another address, where his registrations may now match those of
// other youths: each such pair not signalled before gets its address signal (VIR-07).
[[nodiscard]] Status VirNaVerhuizing(store::Tx& tx, Env& env, const std::string& persoon_id,
                                     const std::string& oude_gemeente,
                                     const std::string& nieuwe_gemeente, bool ander_adres);

// Inside the transaction that records a parent with authority over `kind_id`: his active
// registrations and those of his (now) siblings that were never signalled together get their
// family signal (VIR-07).
[[nodiscard]] Status VirGezinNaGezag(store::Tx& tx, Env& env, const std::string& kind_id);

// Inside the transaction that records a death (`reden` "overleden") or erases the person
// (`reden` "avg"): removes his active registrations without archiving and destroys his
// archived ones (VIR-11, VIR-12).
[[nodiscard]] Status VirOntkoppelPersoon(store::Tx& tx, Env& env, const std::string& persoon_id,
                                         const std::string& reden);

}  // namespace jh::services
