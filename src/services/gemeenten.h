// Per-municipality settings: which access team takes access decisions (JW-03), and the
// care contracts with providers per product category (JW-04).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "services/common.h"
#include "services/env.h"

namespace jh::services {

// Sets the municipality's access team kind ("wijkteam", "jeugdteam" or "cjg").
[[nodiscard]] Status SetToegangsteam(Env& env, const std::string& gemeentecode,
                                     const std::string& toegangsteam);
// The configured access team kind, or nullopt when none is configured.
[[nodiscard]] Result<std::optional<std::string>> GetToegangsteam(Env& env,
                                                                 const std::string& gemeentecode);

struct Contract {
  std::string id;
  std::string gemeentecode;
  std::string aanbieder_id;
  std::vector<std::string> productcategorieen;
  Date geldig_vanaf;
  std::optional<Date> geldig_tot;
};

// Errors: kUnprocessable when the provider does not exist or cannot provide care (field
// aanbiederId), or when geldigTot precedes geldigVanaf.
[[nodiscard]] Result<Contract> CreateContract(Env& env, Contract input);

}  // namespace jh::services
