// Veilig Thuis cases (zaken): an advice request records only what the asker volunteers and
// the people involved only with their consent (VT-01); a melding states its ground (VT-03)
// and is made by Veilig Thuis staff for a caller, or directly by a professional under
// meldrecht, who afterwards sees only the status and the steps. An advice becomes a melding
// only by an explicit conversion with a ground. Closing ends a case (VT-07).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bsn.h"
#include "services/env.h"
#include "services/vt_zaak_weergave.h"

namespace jh::services {

struct VtNieuweBetrokkene {
  Bsn bsn;
  std::string rol;  // kind | ouder | overig
};

struct NieuweVtZaak {
  std::string soort;                 // advies | melding
  std::optional<std::string> vraag;  // advies
  std::optional<VtContact> melder;   // the asker (advies) or reporter (melding); none = caller
  std::vector<VtNieuweBetrokkene> betrokkenen;
  std::optional<bool> toestemming;   // VT-01, as sent
  std::optional<std::string> grond;  // VT-03, as sent
  std::optional<std::string> omschrijving;
};

// Errors: 422 VT-01, VT-03, an unknown BSN (field betrokkenen[i].bsn) or no Veilig Thuis for a
// professional's melding; 400 naming a field that the kind of case or caller requires or
// forbids; 403 when someone other than Veilig Thuis records an advice request.
[[nodiscard]] Result<VtZaak> CreateVtZaak(Env& env, const NieuweVtZaak& input);

// Turns an advice request into a melding (VT-02 only then allows gathering). `betrokkenen`
// adds the people the melding is about. Errors: kNotFound (VT-04), 422 VT-03, 409 when the
// case is a melding already or no longer open.
[[nodiscard]] Result<VtZaak> ZetVtZaakOm(Env& env, const std::string& id,
                                         const std::optional<std::string>& grond,
                                         const std::string& omschrijving,
                                         const std::vector<VtNieuweBetrokkene>& betrokkenen);

// Closes a case (VT-07): the decision on steps of a running investigation is taken.
// Errors: kNotFound (VT-04), 409 when it is no longer open.
[[nodiscard]] Result<VtZaak> SluitVtZaakAf(Env& env, const std::string& id);

// Inside a write: adds people to a case (persons by BSN, resolved beforehand).
struct VtPersoon {
  std::string persoon_id;
  std::string rol;
  std::string gemeentecode;
};
// Errors: 422 naming betrokkenen[i].bsn for a BSN no person has, or a person given twice.
[[nodiscard]] Result<std::vector<VtPersoon>> ZoekVtPersonen(
    Env& env, const std::vector<VtNieuweBetrokkene>& betrokkenen);

}  // namespace jh::services
