// The reporter-identity decision (VT-04, Uitv.Wmo 4.1.8(3)): when a person of the case asks
// who reported, Veilig Thuis decides. A professional's identity is withheld when disclosure
// threatens the victim or household, threatens the professional, or seriously disturbs the
// trust relation; a private reporter's unless he consented beforehand. The decision is kept
// on the case (inspection, VT-10, applies it later) and is in the decision log.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/env.h"
#include "services/vt_zaak_weergave.h"

namespace jh::services {

struct VtIdentiteitVerzoek {
  std::string verzoeker_id;  // a person of the case
  bool bedreiging_slachtoffer = false;
  bool bedreiging_melder = false;
  bool verstoring_vertrouwensrelatie = false;
};

struct VtIdentiteitBesluit {
  std::string id;
  bool verstrekken = false;
  std::vector<std::string> gronden;
  std::optional<VtContact> melder;  // only when disclosed; to Veilig Thuis staff, who tell
};

// Errors: kNotFound (VT-04); 422 naming verzoekerId when he is not a person of the case;
// 409 when the case has no reporter (an advice request).
[[nodiscard]] Result<VtIdentiteitBesluit> BesluitVtMelderIdentiteit(
    Env& env, const std::string& zaak_id, const VtIdentiteitVerzoek& verzoek);

}  // namespace jh::services
