// Carrying out a granted request (AVG-04 and AVG 16; VT-09 at Veilig Thuis), in the
// transaction that records the decision, so a request is never granted without being done.
//   correctie     the named fields of the person are corrected; each old value is kept as a
//                 history record (sealed under the person's own key) that inspection shows.
//   verwijdering  what the request's context holds about the person is destroyed:
//                 verwijsindex  his registrations are removed, not archived (VIR-12), and
//                               archived ones destroyed;
//                 jeugdhulp     his care dossiers, by destroying their keys (JW-09);
//                 veilig-thuis  every finished case about him alone, by destroying the case's
//                               key (crypto-shredding); a case also about others is kept for
//                               their interest and only his link to it goes (VT-09).
// The person himself (the BRP stand-in) stays: other contexts and the law may need him; his
// whole erasure is DELETE /personen/{id}.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/env.h"

namespace jh::services {

struct Correctie {
  std::string veld;    // voornamen | geslachtsnaam | geslacht
  std::string waarde;  // the corrected value
};

struct Uitvoering {
  std::vector<std::string> gecorrigeerd;  // the corrected fields
  int64_t vir_verwijderd = 0;             // Verwijsindex registrations removed or destroyed
  int64_t dossiers_vernietigd = 0;        // care dossiers destroyed
  int64_t vt_vernietigd = 0;              // Veilig Thuis cases destroyed
  int64_t vt_ontkoppeld = 0;              // cases kept for others; his link removed

  std::string ToJson() const;  // as stored on the request: counts and field names only
  static Uitvoering FromJson(const std::string& json);
};

// What the request is, as the execution needs it.
struct UitTeVoeren {
  std::string verzoek_id, context, soort, persoon_id;
  std::vector<Correctie> correcties;
};

// Before the decision: the corrections must name valid values for a correction that is
// granted and be absent otherwise (422 naming `correcties`); a destruction at Veilig Thuis
// is refused while a case of the person is running (422 VT-09, into the decision log) and
// each finished case's fate is decided (VT-09, into the decision log).
[[nodiscard]] Status ControleerUitvoering(Env& env, const UitTeVoeren& u, bool toegewezen);

// Inside the write that records a granted decision: does it, with its processing records.
[[nodiscard]] Result<Uitvoering> VoerUit(store::Tx& tx, Env& env, const UitTeVoeren& u);

// The correction history of a person, newest first, for inspection.
struct CorrectieHistorie {
  std::string veld, oude_waarde, nieuwe_waarde, gecorrigeerd_op;
};
[[nodiscard]] Result<std::vector<CorrectieHistorie>> LeesCorrecties(store::Tx& tx, Env& env,
                                                                    const std::string& persoon_id);

}  // namespace jh::services
