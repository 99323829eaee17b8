#include "crypto/hmac.h"

#include <sodium.h>

namespace jh::crypto {

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  // The init/update/final form accepts keys of any length (the one-shot form wants 32 bytes),
  // so receivers can use the secret exactly as shown: its characters are the key.
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  sodium_memzero(&state, sizeof state);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string(hex);
}

}  // namespace jh::crypto
