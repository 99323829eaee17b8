// The demo region: one municipality (Demodam, GM9999) with its wijkteam, a school, a
// huisartsenpraktijk, JGZ, Veilig Thuis, the Raad, a jeugdhulpaanbieder and a certified
// institution, their convenanten and contracts, and twenty people in families with test BSNs
// of the 9999xxxxx range. Built through the same services as the API.
#pragma once

#include <string>
#include <vector>

#include "services/env.h"

namespace jh::app {

struct DemoLogin {
  std::string wie;    // e.g. "huisarts (Huisartsenpraktijk De Linde)"
  std::string token;  // bearer token
};

// Seeds the region into an empty store and returns a token per role and for two citizens.
[[nodiscard]] Result<std::vector<DemoLogin>> SeedDemoRegion(services::Env& env,
                                                            const std::string& beheerder_token);

}  // namespace jh::app
