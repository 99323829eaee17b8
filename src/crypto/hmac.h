// HMAC-SHA-256 (libsodium) for signing webhook deliveries.
#pragma once

#include <string>
#include <string_view>

namespace jh::crypto {

// HMAC-SHA-256 of `message` under `key` (any length), as 64 lowercase hex characters.
std::string HmacSha256Hex(std::string_view key, std::string_view message);

}  // namespace jh::crypto
