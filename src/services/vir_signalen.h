// Signals of the Verwijsindex: stored when a registration or a move produces them (the rules
// in rules/vir_signalen.h decide which), read by their addressees only, and the regievoerder's
// afstemmingen on them (VIR-06 … VIR-09, VIR-13, VIR-14).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "rules/vir_signalen.h"
#include "services/common.h"
#include "services/env.h"
#include "services/vir_betrokkenen.h"

namespace jh::services {

struct VirAfstemming {
  std::string id;
  std::string signaal_id;
  bool contact_gelegd = false;
  Date datum;
  std::string vastgelegd_op;  // RFC 3339
};

struct VirSignaal {
  std::string id;
  std::string soort;        // jeugdige | gezin | adres | historisch | verhuizing
  std::string ontstaan_op;  // RFC 3339
  std::string melding_id;   // the addressee's own registration (regie: the cause)
  bool verschillende_jeugdigen = false;
  std::vector<Betrokkene> betrokkenen;      // the other melders, contact details only
  std::vector<VirAfstemming> afstemmingen;  // regie view only
};

// Stores `signalen` inside `tx` and logs each as a processing of the youths involved
// (VIR-13). `subjecten` maps every registration id the signals name to its youth.
[[nodiscard]] Status StoreVirSignalen(store::Tx& tx, Env& env,
                                      const std::vector<rules::Signaal>& signalen,
                                      const std::map<std::string, VirSubject>& subjecten);

// The signals addressed to the caller: a regievoerder sees those of his municipality, anyone
// else those on his own registrations (VIR-08: the index cannot be searched).
[[nodiscard]] Result<PageOf<VirSignaal>> ListVirSignalen(Env& env, const Page& page);

// VIR-09. Errors: kNotFound (no such signal), kForbidden VIR-09 (not the regievoerder of the
// signal's municipality), kUnprocessable (datum in the future or before the signal).
[[nodiscard]] Result<VirAfstemming> CreateVirAfstemming(Env& env, const std::string& signaal_id,
                                                        bool contact_gelegd, const Date& datum);

}  // namespace jh::services
