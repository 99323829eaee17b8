// The two ways into jeugdhulp: a referral by a huisarts, jeugdarts or medisch specialist
// (JW-02), or an access decision by the access team the youth's municipality configured
// (JW-03). Both name the product category they open; an assignment (jw_toewijzingen.h) rests
// on one of them.
#pragma once

#include <string>

#include "core/bsn.h"
#include "core/date.h"
#include "services/env.h"

namespace jh::services {

struct JwVerwijzing {
  std::string id;
  std::string verwijzer;  // iJw COD327: 02 huisarts, 03 jeugdarts, 05 medisch specialist
  std::string productcategorie;
  std::string verwezen_op;  // RFC 3339
};

// Errors: 403 JW-02 for anybody else than the three referrers; 422 naming bsn (unknown).
[[nodiscard]] Result<JwVerwijzing> CreateJwVerwijzing(Env& env, const Bsn& bsn,
                                                      const std::string& productcategorie);

struct JwToegangsbesluit {
  std::string id;
  int64_t besluitnummer = 0;
  std::string productcategorie;
  Date geldig_vanaf;
  Date geldig_tot;
  std::string genomen_op;  // RFC 3339
};

// Errors: 403 JW-03 for anybody but a toegangsmedewerker of the configured team kind of the
// youth's municipality; 422 naming bsn (unknown) or geldigTot (before geldigVanaf).
[[nodiscard]] Result<JwToegangsbesluit> CreateJwToegangsbesluit(Env& env, const Bsn& bsn,
                                                                const std::string& productcategorie,
                                                                const Date& vanaf, const Date& tot);

}  // namespace jh::services
