// The API version (API-Version header, OpenAPI info.version). Minor for additions, patch for
// fixes; the major is in the URL (/api/v1).
#pragma once

namespace jh {
inline constexpr const char* kApiVersion = "1.0.0";
}  // namespace jh
