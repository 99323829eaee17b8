// A small jeugdhulp world over HTTP for integration tests (the scenario files build a larger
// one in tests/scenarios/jeugdhulp/_wereld.scn): one municipality (GM0363) with a
// gemeentemedewerker, a huisarts, a provider (AGB 12345678) with a contract for 45 and a care
// worker, a youth of 13 with a parent; a referral, an assignment started with consent, a
// dossier with a note, and a bill for June 2026. The server must run with --today 2026-07-01.
#pragma once

#include <string>

#include "support/http_client.h"

namespace jh::testing {

struct JwWereld {
  std::string gemeente;      // token of the gemeentemedewerker
  std::string hulpverlener;  // token of the provider's care worker
  std::string toewijzing_id;
  std::string dossier_id;
  std::string declaratie_id;
  std::string persoon_id;
  static constexpr const char* kNotitie = "GEHEIM-DOSSIER-a7f3: gesprek over thuis";
  static constexpr const char* kBsn = "999910024";
};

// Builds the world; fails the current test (ADD_FAILURE) when a step is refused.
JwWereld BouwJwWereld(HttpClient& client, const std::string& beheerder);

}  // namespace jh::testing
