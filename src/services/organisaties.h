// Administration of organisations and their Verwijsindex agreements (convenanten).
// Callers must have checked that the actor is a beheerder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct Organisatie {
  std::string id;
  std::string naam;
  std::string soort;
  std::string gemeentecode;
  std::optional<std::string> agb_code;
  std::string aangemaakt_op;
};

struct Convenant {
  std::string id;
  std::string organisatie_id;
  std::string gemeentecode;
  Date geldig_vanaf;
  std::optional<Date> geldig_tot;
};

[[nodiscard]] Result<Organisatie> CreateOrganisatie(Env& env, Organisatie input);
// Errors: kNotFound.
[[nodiscard]] Result<Organisatie> GetOrganisatie(Env& env, const std::string& id);
// Ordered by name; `soorten` non-empty: only organisations of those kinds. Organisations are
// no personal data, so a list is not a processing.
[[nodiscard]] Result<PageOf<Organisatie>> ListOrganisaties(
    Env& env, const Page& page, const std::vector<std::string>& soorten = {});

// Errors: kNotFound (organisation), kUnprocessable when geldigTot precedes geldigVanaf.
[[nodiscard]] Result<Convenant> CreateConvenant(Env& env, Convenant input);

}  // namespace jh::services
