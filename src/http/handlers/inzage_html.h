// The inspection (AVG-03) as a page a citizen can read and print: the same content as the
// JSON form, every value HTML-escaped, no scripts, no external resources.
#pragma once

#include <string>

#include "http/api.h"

namespace jh::api {

// `inzage` is the JSON form of GET /verzoeken/{id}/inzage.
std::string InzageHtml(const Json& inzage);

}  // namespace jh::api
