// Shared pieces of the handlers: schema fragments, pagination and JSON helpers.
#pragma once

#include <string>
#include <vector>

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
// {token}: shown once, stored only as a hash.
schema::NodePtr TokenSchema();

}  // namespace jh::api
