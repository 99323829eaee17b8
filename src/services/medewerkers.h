// Administration of medewerkers (professionals) and their bearer tokens.
// A medewerker's name, phone and e-mail are personal data: encrypted under his own key.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"

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

// Issues a new token for the medewerker and returns it; only its hash is stored. With
// `geldig_tot` the token ends after that day (services/token_geldigheid.h).
// Errors: kNotFound; kInvalidArgument (geldigTot) for a last day in the past or more than a
// year ahead.
[[nodiscard]] Result<std::string> IssueMedewerkerToken(Env& env, const std::string& medewerker_id,
                                                       const std::optional<Date>& geldig_tot = {});

// Revokes every token of the medewerker still in use (he left, or a device was lost) and
// returns how many. Errors: kNotFound.
[[nodiscard]] Result<int64_t> RevokeMedewerkerTokens(Env& env, const std::string& medewerker_id);

}  // namespace jh::services
