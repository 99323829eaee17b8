// The local stand-in for the BRP: persons, their address and municipality, parental
// authority (gezag), and citizen (burger) tokens bound to a person.
// BSN, names and address are encrypted under the person's own key; the BSN and the address
// are also kept as keyed hashes for lookups (BSN-02).
#pragma once

#include <optional>
#include <string>

#include "core/bsn.h"
#include "core/date.h"
#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct Adres {
  std::string postcode;
  int64_t huisnummer = 0;
};

struct Persoon {
  std::string id;
  std::optional<Bsn> bsn;  // set on input; never returned by Get (BSN-02)
  std::string voornamen;
  std::string geslachtsnaam;
  Date geboortedatum;
  std::string geslacht;
  std::string gemeentecode;
  Adres adres;
  std::optional<Date> overlijdensdatum;
};

struct PersoonWijziging {
  std::optional<std::string> gemeentecode;
  std::optional<Adres> adres;
  std::optional<Date> overlijdensdatum;
};

// Errors: kConflict when a person with this BSN exists; kUnprocessable for a birth date
// after today.
[[nodiscard]] Result<Persoon> CreatePersoon(Env& env, Persoon input);
// Errors: kNotFound; kUnprocessable for a death date before birth or after today.
[[nodiscard]] Result<Persoon> UpdatePersoon(Env& env, const std::string& id,
                                            const PersoonWijziging& change);
// The person without BSN. Errors: kNotFound.
[[nodiscard]] Result<Persoon> GetPersoon(Env& env, const std::string& id);
// The id of the person with this BSN, or nullopt.
[[nodiscard]] Result<std::optional<std::string>> FindPersoonId(Env& env, const Bsn& bsn);

// Records that `ouder_id` holds authority over `kind_id`. Errors: kNotFound (kind),
// kUnprocessable (unknown ouder, ouder = kind, ouder not older than kind), kConflict (exists).
[[nodiscard]] Status CreateGezagsrelatie(Env& env, const std::string& kind_id,
                                         const std::string& ouder_id);

// Issues a burger token for the person with this BSN; with `geldig_tot` it ends after that
// day (services/token_geldigheid.h). Errors: kUnprocessable (field bsn) when no such person
// is known; kInvalidArgument (geldigTot) for a last day in the past or over a year ahead.
[[nodiscard]] Result<std::string> IssueBurgerToken(Env& env, const Bsn& bsn,
                                                   const std::optional<Date>& geldig_tot = {});

}  // namespace jh::services
