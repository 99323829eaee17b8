// Shared pieces of the handlers: schema fragments, pagination and JSON helpers.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "http/api.h"
#include "services/common.h"

namespace jh::api {

// Standard pagination query parameters: pagina (≥1) and paginaGrootte (1..100, default 20).
std::vector<QueryParam> PaginationParams();
services::Page PageFrom(const Call& call);
// {"resultaten": items, "pagina", "paginaGrootte", "totaal"}
Json PageJson(Json items, const services::Page& page, int64_t totaal);
schema::NodePtr PageSchema(schema::NodePtr item);

// Response schema helpers: an object of the given fields (all present unless Opt).
schema::NodePtr Id();
schema::NodePtr DateField(std::string description);
schema::NodePtr Timestamp(std::string description);
schema::NodePtr Gemeentecode();
// {postcode, huisnummer}: an address as the BRP stand-in keeps it.
schema::NodePtr AdresSchema();
// An iJw product category: two digits, e.g. "45" (JW-04).
schema::NodePtr Productcategorie();
// {token, kenmerk, geldigTot?}: shown once, stored only as a hash.
schema::NodePtr TokenSchema();
// A token's kenmerk (services/medewerker_tokens.h).
schema::NodePtr Kenmerk();
// A token request's body: `fields` and an optional geldigTot (services/token_geldigheid.h).
schema::NodePtr TokenRequestFields(std::vector<schema::Field> fields);
// The body's geldigTot, if given. Errors: kInvalidArgument (geldigTot) for a malformed date.
Result<std::optional<Date>> GeldigTot(Call& c);
// The answer to a token request.
Json TokenJson(const std::string& token, const std::optional<Date>& geldig_tot);

}  // namespace jh::api
