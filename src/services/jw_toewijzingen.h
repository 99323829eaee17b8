// Assignments (toewijzing): the municipality of the youth assigns care of a product category
// to a provider under a valid contract (JW-04), on the ground of a referral (JW-02) or an
// access decision (JW-03); categories 47 and 48 only to a gecertificeerde instelling. The
// provider starts the care with the consent the youth's age asks (JW-08) and stops it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bsn.h"
#include "core/date.h"
#include "services/common.h"
#include "services/env.h"
#include "services/jw_feiten.h"

namespace jh::services {

struct NieuweJwToewijzing {
  Bsn bsn;
  std::string aanbieder_id;
  std::string productcategorie;
  std::string productcode;
  int64_t volume = 0;
  std::string eenheid;  // iJw WJ756
  Date geldig_vanaf;
  Date geldig_tot;
  std::optional<std::string> verwijzing_id;
  std::optional<std::string> toegangsbesluit_id;
};

// Errors: 403 JW-04 (not the youth's municipality); 422 JW-03 (no referral or decision),
// JW-04 (no valid contract, 47/48 to a non-GI); 422 naming bsn, aanbiederId, verwijzingId,
// toegangsbesluitId or geldigTot when they do not exist or do not fit.
[[nodiscard]] Result<JwToewijzing> CreateJwToewijzing(Env& env, const NieuweJwToewijzing& in);

// Errors: 404 (unknown, or not the caller's organisation's: JW-04 in the decision log);
// 409 when already started; 422 naming startdatum outside the assignment; 422 JW-08.
[[nodiscard]] Result<JwToewijzing> StartJwToewijzing(Env& env, const std::string& id,
                                                     const Date& startdatum,
                                                     const std::vector<std::string>& toestemming);

// The caller's assignments, newest first: a gemeentemedewerker those of his municipality
// (JW-04: only the youth's municipality assigns), a provider's staff those to his
// organisation; anyone else gets none. Each one listed is in the processing log.
// `doel`: the municipality states its purpose (JW-01); a provider's list needs none.
// Errors: kInvalidArgument (400 JW-01, naming `doel`) for a municipal read without a purpose.
[[nodiscard]] Result<PageOf<JwToewijzing>> ListJwToewijzingen(Env& env, const Page& page,
                                                              const std::string& doel);

// Errors: 404 as above; 409 when not started; 422 naming einddatum.
[[nodiscard]] Result<JwToewijzing> StopJwToewijzing(Env& env, const std::string& id,
                                                    const Date& einddatum);

}  // namespace jh::services
