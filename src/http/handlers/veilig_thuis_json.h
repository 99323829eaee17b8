// The JSON shapes of the Veilig Thuis endpoints (API.md "Veilig Thuis"): response schemas and
// conversions, shared by the case handlers and the handlers of the steps on a case.
#pragma once

#include "http/handlers/common.h"
#include "services/vt_melder.h"
#include "services/vt_onderzoek.h"
#include "services/vt_zaak_weergave.h"

namespace jh::api::vt {

// A string that must not be empty (free text the rules depend on).
schema::NodePtr Tekst(std::string description, size_t max_length);
// {bsn, rol} of a person of a case.
schema::NodePtr BetrokkeneInvoer();

schema::NodePtr ZaakSchema();
schema::NodePtr OnderzoekSchema();
schema::NodePtr InformatieverzoekSchema();
schema::NodePtr OverdrachtSchema();
schema::NodePtr TermijnSchema();
schema::NodePtr InformatietermijnSchema();
schema::NodePtr IdentiteitBesluitSchema();

Json ToJson(const services::VtZaak& z);
Json ToJson(const services::VtOnderzoek& o);
Json ToJson(const services::VtInformatieverzoek& v);
Json ToJson(const services::VtOverdracht& o);
Json ToJson(const services::VtTermijn& t);
Json ToJson(const services::VtInformatietermijn& t);
Json ToJson(const services::VtIdentiteitBesluit& b);

}  // namespace jh::api::vt
