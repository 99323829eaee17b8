// The facts the jeugdhulp services share: the youth (found by BSN, never by a BSN in a URL)
// and an assignment (toewijzing) as stored. Reads only; the rules decide.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/bsn.h"
#include "core/date.h"
#include "services/env.h"

namespace jh::services {

struct JwJeugdige {
  std::string id;
  Date geboortedatum;
  std::string gemeentecode;
};

// The living person with this BSN. Errors: kUnprocessable naming `bsn` when none is known.
[[nodiscard]] Result<JwJeugdige> FindJwJeugdige(Env& env, const Bsn& bsn);

struct JwToewijzing {
  std::string id;
  int64_t toewijzingnummer = 0;
  std::string persoon_id;
  std::string gemeentecode;
  std::string aanbieder_id;
  std::string productcategorie;
  std::string productcode;
  int64_t volume = 0;
  std::string eenheid;
  Date geldig_vanaf;
  Date geldig_tot;
  std::optional<std::string> verwijzing_id;
  std::optional<std::string> toegangsbesluit_id;
  std::string verwijzer_code;  // iJw COD327
  std::string status;          // toegewezen | gestart | gestopt
  std::optional<Date> startdatum;
  std::optional<Date> einddatum;
  std::string toegewezen_op;
};

// The columns LoadJwToewijzing reads, for services that join on them.
extern const char* const kJwToewijzingKolommen;
JwToewijzing JwToewijzingUitRij(const store::Row& r);

// The assignment, or nullopt when unknown.
[[nodiscard]] Result<std::optional<JwToewijzing>> LoadJwToewijzing(store::Tx& tx,
                                                                   const std::string& id);
[[nodiscard]] Result<std::optional<JwToewijzing>> LoadJwToewijzing(Env& env, const std::string& id);

// AVG-04: once a person is erased nothing new is recorded about him — no bill (it would go
// out without the BSN JW-06 requires), no dossier, no start of care. Such an act is 409, the
// answer every act on an erased person gets (a correction after erasure too), with regel
// AVG-04; `veld` names the body field that led to him ("" when the path did).
[[nodiscard]] Error JwPersoonVernietigdFout(const std::string& veld);
// Whether the person was erased. Ask inside the write that records the act: erasure takes the
// same single writer, so no act slips in between the check and its insert.
[[nodiscard]] Result<bool> JwPersoonVernietigd(store::Tx& tx, const std::string& persoon_id);

// JW-01: a municipal read states one of the purposes of Jw 7.4.0 (`doel`). A missing or unknown
// purpose is a 400 naming `doel` with regel JW-01, its refusal in the decision log.
[[nodiscard]] Status EnforceJw01Doel(Env& env, const std::string& action, const char* resource,
                                     const std::string& id, const std::string& doel);

// The next number in a per-municipality sequence (toewijzingnummer, besluitnummer) — inside
// the write that uses it. The UNIQUE constraint makes a concurrent duplicate a 409 (PostgreSQL).
[[nodiscard]] Result<int64_t> NextJwNummer(store::Tx& tx, const std::string& table,
                                           const std::string& column,
                                           const std::string& gemeentecode);

}  // namespace jh::services
