// The care dossier (JW-05): one per assignment, kept by the care workers (jeugdhulpverlener)
// of the provider the care was assigned to, and open to them alone — the municipality and
// everybody else get 403 JW-05, logged in the decision log.
//
// Notes are encrypted under the dossier's own data key (data_keys, owner = dossier id),
// with the note's id in the associated data, so a ciphertext cannot be moved to another
// dossier or note. A per-dossier key rather than the youth's: destroying a dossier after its
// term (JW-09) or on request shreds that dossier alone, and the youth's own key — which also
// seals his BSN for the Verwijsindex and the bills — is not handed to care workers' reads.
// Erasure of the youth (AVG-04) destroys his dossiers' keys too (services/vernietiging.cc).
#pragma once

#include <string>
#include <vector>

#include "services/env.h"

namespace jh::services {

struct JwAantekening {
  std::string id;
  std::string tekst;
  std::string auteur_id;
  std::string aangemaakt_op;
};

struct JwDossier {
  std::string id;
  std::string toewijzing_id;
  std::string aangemaakt_op;
  std::string gewijzigd_op;
  std::vector<JwAantekening> aantekeningen;
};

// Errors: 403 JW-05; 422 naming toewijzingId (unknown); 409 when the assignment has one.
[[nodiscard]] Result<JwDossier> CreateJwDossier(Env& env, const std::string& toewijzing_id);
// Errors: 404 (unknown or destroyed); 403 JW-05.
[[nodiscard]] Result<JwAantekening> AddJwAantekening(Env& env, const std::string& dossier_id,
                                                     const std::string& tekst);
[[nodiscard]] Result<JwDossier> GetJwDossier(Env& env, const std::string& dossier_id);

}  // namespace jh::services
