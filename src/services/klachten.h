// Complaints (API.md "Rights and complaints"): about jeugdhulp (JW-10: the care worker, then
// the vertrouwenspersoon of the AKJ) or about a Veilig Thuis registration (VT-11: Veilig Thuis
// and its committee, then the Autoriteit Persoonsgegevens). A burger files and escalates his
// own complaint; it escalates once.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct Klacht {
  std::string id;
  std::string over;  // jeugdhulp | veilig-thuis
  std::string organisatie_id;
  std::string fase;  // medewerker | akj | veilig-thuis | autoriteit-persoonsgegevens
  std::string ingediend_op;
  std::optional<std::string> geescaleerd_op;
  std::optional<std::string> advies_op;           // VT-11: the committee's opinion (date)
  std::optional<std::string> antwoord_uiterlijk;  // VT-11: one month after it
};

struct CommissieAdvies {
  Date datum;  // of the opinion
  int64_t leden = 0;
  bool voorzitter_onafhankelijk = false;
};

// Errors: 422 naming `organisatieId` when it is not an organisation the route starts at
// (a jeugdhulpaanbieder or gecertificeerde instelling; a Veilig Thuis).
[[nodiscard]] Result<Klacht> CreateKlacht(Env& env, const std::string& over,
                                          const std::string& organisatie_id,
                                          const std::string& omschrijving);
// The caller's own complaints, newest first; the read is recorded in the processing log.
[[nodiscard]] Result<PageOf<Klacht>> MijnKlachten(Env& env, const Page& page);
// The next phase. Errors: 404 for anybody but the complainant; 409 naming JW-10/VT-11 when
// the route has no further step.
[[nodiscard]] Result<Klacht> EscaleerKlacht(Env& env, const std::string& id);
// VT-11: Veilig Thuis staff of the organisation complained about record their committee's
// opinion; the answer is due a month later. Errors: 404 for anybody else (a VT-11 refusal in
// the ADL) and for a jeugdhulp complaint; 422 naming `datum` for a date after today; 422
// VT-11 for a committee of fewer than three or without an independent chair; 409 once the
// complaint went on to the AP or an opinion is recorded.
[[nodiscard]] Result<Klacht> AdviseerKlacht(Env& env, const std::string& id,
                                            const CommissieAdvies& advies);

}  // namespace jh::services
