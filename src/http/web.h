// The web pages (web/, embedded at build time): served at `/` by the same binary, outside
// /api/v1 and outside the OpenAPI document, since they are files, not API operations.
//
// Every page and script is sent with a strict Content-Security-Policy (kWebCsp): only files
// of this origin run or style the page, no inline script or style, no framing, forms post
// only here. The pages hold no data of their own: they call the JSON API with the bearer
// token the user signs in with.
#pragma once

#include <optional>

#include "http/message.h"

namespace jh::http {

inline constexpr const char* kWebCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'";

// The response for a GET or HEAD of an embedded file ("/" is index.html), or nullopt when
// `request` names no embedded file (the API answers it then, with 404 when nothing matches).
// Sets request.route to "web" for the access log and the metrics.
[[nodiscard]] std::optional<Response> ServeWeb(Request& request);

}  // namespace jh::http
