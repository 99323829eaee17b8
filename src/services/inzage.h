// Inspection (AVG-03): once an inspection request is granted, the requester sees the data
// held about the betrokkene in the request's context and the processing log about him in that
// context up to the grant, minus what VT-04 withholds (a reporter's identity never appears:
// the log names "Veilig Thuis", and the case overview has no reporter fields at all). Who may
// inspect depends on the context (AVG-02), so one context's grant shows no other context's
// processing.
#pragma once

#include <string>
#include <vector>

#include "services/logboek.h"
#include "services/personen.h"
#include "services/verzoek_uitvoering.h"

namespace jh::services {

struct InzageRegel {
  std::string soort;  // e.g. "vir-registratie", "vt-zaak", "toewijzing"
  std::string datum;  // when it was recorded
  std::string status;
  std::string omschrijving;  // plain Dutch, no free text of others
};

struct Inzage {
  std::string context;
  Persoon persoon;
  std::vector<InzageRegel> gegevens;
  std::vector<CorrectieHistorie> correcties;  // corrected data, the old value kept (AVG 16)
  PageOf<MijnVerwerking> logboek;
};

// Errors: 404 for anybody but the requester (or co-signer); 409 while the request is not a
// granted inspection.
[[nodiscard]] Result<Inzage> GetInzage(Env& env, const std::string& verzoek_id, const Page& page);

}  // namespace jh::services
