// What a citizen sees of a request besides its status: his own part in it (whether he is one
// of its requesters, whose co-signature it still awaits and whether that signature is his,
// VIR-15) and, for the requesters and the handler, the reasons given for an extension and for
// the decision (AVG 12(3), 12(4); VT-09 wants a refusal's concrete reason known).
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "services/env.h"
#include "services/verzoeken.h"
#include "store/store.h"

namespace jh::services {

// Who a request is about and who filed and co-signed it, with its sealed reasons as stored
// (under the betrokkene's key: an erasure shreds them with the rest of his data).
struct VerzoekPartijen {
  std::string betrokkene_id, verzoeker_id, verzoeker_rol;
  std::optional<std::string> medeondertekend_door;
  std::optional<std::string> besluit_reden_enc, verlenging_reden_enc;
};

// Whether `ouder` has authority over `kind` (the BRP stand-in's gezagsrelaties).
[[nodiscard]] Result<bool> HeeftGezag(store::Tx& tx, const std::string& kind,
                                      const std::string& ouder);

// Whose co-signature a joint request awaits: the other party than the one who filed it.
std::optional<std::string> WachtOp(const std::string& medeondertekening,
                                   const std::string& verzoeker_rol);

// Fills the caller's part (a burger) and the reasons (a requester, a co-signer or the
// handler) into `v`; a reason whose key was shredded stays absent.
[[nodiscard]] Status VulWeergave(store::Tx& tx, Env& env, const VerzoekPartijen& p, Verzoek& v);

}  // namespace jh::services
