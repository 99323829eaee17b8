// Requests of data subjects (verzoeken, API.md "Rights and complaints"): filed by a burger
// about himself or a child he has authority over, decided by the age matrix (AVG-02 with
// VIR-15, VT-09, VT-10, JW-09), completed by a co-signature when joint, answered within the
// AVG-01 term, and listed for the handler (beheerder) by what is due first.
#pragma once

#include <optional>
#include <string>

#include "core/bsn.h"
#include "core/result.h"
#include "services/common.h"
#include "services/env.h"
#include "services/verzoek_uitvoering.h"

namespace jh::services {

struct NieuwVerzoek {
  std::string soort;    // inzage | correctie | verwijdering
  std::string context;  // verwijsindex | veilig-thuis | jeugdhulp
  Bsn betrokkene;
  std::optional<std::string> toelichting;
};

struct Verzoek {
  std::string id;
  std::string soort;
  std::string context;
  std::string status;             // ontvangen | toegewezen | afgewezen
  std::string medeondertekening;  // niet-nodig | nodig | gegeven
  std::string ingediend_op;
  std::optional<std::string> termijn;  // YYYY-MM-DD; none while a co-signature is awaited
  bool verlengd = false;
  std::optional<std::string> besloten_op;
  std::optional<Uitvoering> uitvoering;  // what a granted request did
  // services/verzoek_weergave.h: whose co-signature is awaited (jeugdige | vertegenwoordiger);
  // for a burger his part in it; for the requesters and the handler the reasons given.
  std::optional<std::string> wacht_op;
  std::optional<bool> is_verzoeker, mag_medeondertekenen;
  std::optional<std::string> besluit_reden, verlenging_reden;
};

struct BesluitInvoer {
  std::string besluit;  // toegewezen | afgewezen
  std::string reden;
  std::vector<Correctie> correcties;  // for a granted correction: what becomes what
};

// Errors: 403 with the context's rule (or AVG-02 for an unknown or unrelated person).
[[nodiscard]] Result<Verzoek> CreateVerzoek(Env& env, const NieuwVerzoek& in);
// The other party of a joint request co-signs; the term starts. Errors: 404 for anybody who
// may not know of the request; 409 when it needs no (more) co-signature.
[[nodiscard]] Result<Verzoek> MedeondertekenVerzoek(Env& env, const std::string& id);
// For the requester, the betrokkene, the co-signer, whoever may still co-sign it and the
// handler (a beheerder); 404 for anybody else.
[[nodiscard]] Result<Verzoek> GetVerzoek(Env& env, const std::string& id);
// AVG-01: one extension by two months, with a reason, inside the first month (422 AVG-01).
[[nodiscard]] Result<Verzoek> VerlengVerzoek(Env& env, const std::string& id,
                                             const std::string& reden);
// The decision with its reason; a granted correction or erasure is carried out in the same
// transaction (services/verzoek_uitvoering.h). Errors: 409 when already decided or not yet
// complete; 422 naming `correcties` for corrections that do not fit; 422 VT-09 for a granted
// destruction while a Veilig Thuis case runs, or a refusal without a concrete reason; 422
// VT-10 for refusing an inspection the child's interest cannot refuse.
[[nodiscard]] Result<Verzoek> BesluitVerzoek(Env& env, const std::string& id,
                                             const BesluitInvoer& in);
// The caller's own requests (a burger: those he filed, co-signed or that are about him, and
// the joint requests that wait for his signature, VIR-15), newest first; each one listed is
// recorded in the processing log.
[[nodiscard]] Result<PageOf<Verzoek>> MijnVerzoeken(Env& env, const Page& page);
// The open requests, the first due first (the handler's list).
[[nodiscard]] Result<PageOf<Verzoek>> OpenVerzoeken(Env& env, const Page& page);

}  // namespace jh::services
