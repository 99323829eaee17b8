// Administration of medewerkers (professionals) and their bearer tokens.
// A medewerker's name, phone and e-mail are personal data: encrypted under his own key.
#pragma once

#include <string>

#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct Medewerker {
  std::string id;
  std::string organisatie_id;
  std::string naam;
  std::string rol;
  std::string telefoon;
  std::string email;
  bool meldingsbevoegd = false;
};

// Errors: kUnprocessable when the organisation does not exist (field organisatieId) or the
// role does not fit the kind of organisation (field rol).
[[nodiscard]] Result<Medewerker> CreateMedewerker(Env& env, Medewerker input);
// Errors: kNotFound.
[[nodiscard]] Result<Medewerker> GetMedewerker(Env& env, const std::string& id);

// Issues a new token for the medewerker and returns it; only its hash is stored.
// Errors: kNotFound.
[[nodiscard]] Result<std::string> IssueMedewerkerToken(Env& env, const std::string& medewerker_id);

}  // namespace jh::services
