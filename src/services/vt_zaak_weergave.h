// A Veilig Thuis case as its readers see it (VT-04): Veilig Thuis staff of the case see all of
// it, decrypted with the case's key; the professional who reported it sees only its status and
// the steps taken (VT-07); nobody else learns that it exists. Every read is in the processing
// log, for every person of the case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "rules/vt.h"
#include "services/common.h"
#include "services/env.h"

namespace jh::services {

// The reporter (melding) or the asker (advies): only what was given.
struct VtContact {
  std::string soort;  // particulier | beroepskracht
  std::optional<std::string> naam, telefoon, email, organisatie;
  bool toestemming_identiteit = false;  // a private reporter's consent beforehand (VT-04)
};

struct VtStap {
  std::string soort;  // ontvangen | omgezet | onderzoek | overdracht-lokaal-team | …
  std::string datum;
};
struct VtOnderzoek {
  std::string id;
  Date besluitdatum, gestart_op, start_uiterlijk, beslissen_uiterlijk;
};
struct VtInformatieverzoek {
  std::string id, zaak_id, organisatie_id, vraag, verzocht_op;
  std::optional<std::string> antwoord, beantwoord_op;
};
struct VtOverdracht {
  std::string id, zaak_id, organisatie_id, organisatie_soort, overgedragen_op;
  std::optional<std::string> gemeente_geinformeerd;  // gemeentecode told of a Raad request
};
struct VtBetrokkene {
  std::string persoon_id, rol;
};

struct VtZaak {
  std::string id, soort, status;
  bool alleen_stappen = false;  // the reporter's view: id, status and stappen only
  std::vector<VtStap> stappen;
  // The full view:
  std::string aangemaakt_op, gewijzigd_op, bewaren_tot;
  std::optional<std::string> omgezet_op, grond, vraag, omschrijving;
  bool toestemming = false;
  std::optional<VtContact> melder;  // for an advice: the asker
  std::vector<VtBetrokkene> betrokkenen;
  std::vector<VtOnderzoek> onderzoeken;
  std::vector<VtInformatieverzoek> informatieverzoeken;
  std::vector<VtOverdracht> overdrachten;
  std::optional<Date> informeren_uiterlijk;  // VT-05, while open
  std::optional<std::string> geinformeerd_op;
};

// Errors: kNotFound for an unknown case and for one the caller may not know of (VT-04).
[[nodiscard]] Result<VtZaak> GetVtZaak(Env& env, const std::string& id);
// The cases of the caller's Veilig Thuis, newest first; `status` filters ("" = all).
[[nodiscard]] Result<PageOf<VtZaak>> ListVtZaken(Env& env, const Page& page,
                                                 const std::string& status);

// The case as `zicht` shows it, without deciding or logging: for a use case that has just
// decided and logged (creating, converting, closing).
[[nodiscard]] Result<VtZaak> VtZaakWeergave(Env& env, const std::string& id,
                                            rules::ZaakZicht zicht);

}  // namespace jh::services
