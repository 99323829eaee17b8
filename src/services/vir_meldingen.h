// Registrations in the Verwijsindex risicojongeren (Jeugdwet §7.1): made by a
// meldingsbevoegde (VIR-02) with the reasonable-suspicion statement (VIR-03) about a youth
// under 23 (VIR-01), holding nothing else (VIR-04); youths without BSN under a
// verwijsindexservicenummer (VIR-05). Making one gives the signals of VIR-06, VIR-07 and
// VIR-12 in the same transaction. A melder sees only his own registrations (VIR-08) and
// removes them himself (VIR-10). Everything is logged (VIR-13).
#pragma once

#include <optional>
#include <string>

#include "core/bsn.h"
#include "core/date.h"
#include "services/common.h"
#include "services/env.h"
#include "services/vir_betrokkenen.h"

namespace jh::services {

// The three facts from which the verwijsindexservicenummer is derived (BJw 7.3.1).
struct JeugdigeZonderBsn {
  std::string geslachtsnaam;
  Date geboortedatum;
  std::string geslacht;  // M | V | O
};

struct NieuweVirMelding {
  std::optional<Bsn> bsn;  // exactly one of bsn and zonder_bsn
  std::optional<JeugdigeZonderBsn> zonder_bsn;
  std::optional<bool> redelijk_vermoeden;  // the VIR-03 statement, as sent
};

struct VirMelding {
  std::string id;
  std::string status;     // actief | verwijderd (by the melder, or at 23/death) | gearchiveerd
  std::string gemeld_op;  // RFC 3339
  Date verwijderen_uiterlijk;
  std::optional<std::string> verwijderd_op;  // RFC 3339
  std::optional<std::string> reden;          // onterecht | risico-weg | twee-jaar | …
  bool gearchiveerd = false;                 // kept in the five-year archive (VIR-12)
  Betrokkene melder;
  std::optional<Bsn> bsn;  // only for its own melder, only while active
};

// Errors: 403 VIR-02; 422 VIR-03, VIR-01, VIR-11 (deceased), unknown BSN (field bsn);
// 409 when the melder already has an active registration on this youth.
[[nodiscard]] Result<VirMelding> CreateVirMelding(Env& env, const NieuweVirMelding& input);

// The caller's own registrations, newest first; `status` filters ("" = all).
[[nodiscard]] Result<PageOf<VirMelding>> ListEigenVirMeldingen(Env& env, const Page& page,
                                                               const std::string& status);
// Errors: kNotFound for an unknown id and for another melder's registration (VIR-08).
[[nodiscard]] Result<VirMelding> GetEigenVirMelding(Env& env, const std::string& id);
// VIR-10 with reden "onterecht" or "risico-weg". The result has status "verwijderd" for both
// reasons (it left the index); `gearchiveerd` says whether it is kept in the archive.
// Errors: kNotFound as above, kConflict when it is no longer active.
[[nodiscard]] Result<VirMelding> VerwijderVirMelding(Env& env, const std::string& id,
                                                     const std::string& reden);

}  // namespace jh::services
