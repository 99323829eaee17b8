// The exclusion list of the Verwijsindex: institution addresses (a youth care home, a
// shelter) where unrelated youths live, which must never produce an address match (VIR-07).
// Administered by the beheerder. An institution's address is not personal data.
#pragma once

#include <string>

#include "services/common.h"
#include "services/env.h"
#include "services/personen.h"
#include "services/personen_opslag.h"

namespace jh::services {

struct UitgeslotenAdres {
  std::string id;
  Adres adres;
  std::string omschrijving;
  std::string aangemaakt_op;
};

// Errors: kConflict when the address is already on the list.
[[nodiscard]] Result<UitgeslotenAdres> CreateUitgeslotenAdres(Env& env, UitgeslotenAdres input);
[[nodiscard]] Result<PageOf<UitgeslotenAdres>> ListUitgeslotenAdressen(Env& env, const Page& page);
// Errors: kNotFound.
[[nodiscard]] Status DeleteUitgeslotenAdres(Env& env, const std::string& id);

}  // namespace jh::services
