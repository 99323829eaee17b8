#include "crypto/sha256.h"

#include <openssl/evp.h>
#include <sodium.h>

namespace jh::crypto {

std::string Sha256(std::string_view message) {
  static_assert(crypto_hash_sha256_BYTES == 32);
  std::string out(crypto_hash_sha256_BYTES, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  unsigned int written = 0;
  if (EVP_Digest(message.data(), message.size(), bytes, &written, EVP_sha256(), nullptr) == 1 &&
      written == out.size()) {
    return out;
  }
  crypto_hash_sha256(bytes, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  return out;
}

}  // namespace jh::crypto
