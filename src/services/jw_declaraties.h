// Bills (declaraties) of the provider to the youth's municipality, holding exactly the JW-06
// fields and checked by JW-07 (one calendar month, inside the assignment, no overlap, whole
// eurocents). The municipality reads them only for payment or control, stating which with
// every read (JW-01); each read is in the processing log under that purpose's activity.
#pragma once

#include <optional>
#include <string>

#include "core/bsn.h"
#include "core/date.h"
#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct NieuweJwDeclaratie {
  std::string toewijzing_id;
  Date begin;
  Date eind;
  int64_t geleverd_volume = 0;
  std::string eenheid;
  std::optional<double> product_tarief;  // eurocent, as sent (JW-07 checks whole cents)
  double ingediend_bedrag = 0;           // eurocent, as sent
};

// A bill as it may be shown: the JW-06 fields and nothing else.
struct JwDeclaratie {
  std::string id;  // the JW323 ReferentieNummer
  std::string aanbieder_agb;
  std::string gemeentecode;
  std::optional<Bsn> bsn;  // none once the youth's key was destroyed (AVG-04)
  int64_t toewijzingnummer = 0;
  std::string productcategorie;
  std::string productcode;
  Date begin;
  Date eind;
  int64_t geleverd_volume = 0;
  std::string eenheid;
  std::optional<int64_t> product_tarief;
  int64_t ingediend_bedrag = 0;
  std::string verwijzer;                 // iJw COD327
  std::optional<int64_t> besluitnummer;  // when access went through an access decision
  std::string ingediend_op;              // RFC 3339 (not shown: it is the JW323 header's date)
};

// Errors: 422 naming toewijzingId (unknown or not the caller's), eenheid (not the
// assignment's); 422 JW-07 naming productperiode, ingediendBedrag or productTarief.
[[nodiscard]] Result<JwDeclaratie> CreateJwDeclaratie(Env& env, const NieuweJwDeclaratie& in);

// The caller's bills: a gemeentemedewerker those addressed to his municipality, stating
// `doel` (400 JW-01 when absent, 403 JW-06 for another purpose than bekostiging or controle);
// a provider his organisation's. Newest first.
[[nodiscard]] Result<PageOf<JwDeclaratie>> ListJwDeclaraties(Env& env, const Page& page,
                                                             const std::string& doel);
// Errors: as the list; 404 for a bill the caller may not see (JW-06 in the decision log).
[[nodiscard]] Result<JwDeclaratie> GetJwDeclaratie(Env& env, const std::string& id,
                                                   const std::string& doel);

}  // namespace jh::services
