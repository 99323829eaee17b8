// Library start-up, random tokens and ids, token hashes and constant-time comparison.
#include <sodium.h>

#include <chrono>
#include <cstdint>

#include "crypto/id_random.h"
#include "crypto/vault.h"

namespace jh::crypto {

Status Init() {
  // sodium_init is thread-safe and returns 1 when already initialised.
  if (sodium_init() < 0) return Error::Internal("libsodium kan niet worden gestart.");
  return {};
}

std::string RandomToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  sodium_memzero(bytes, sizeof bytes);
  std::string token(hex);
  sodium_memzero(hex, sizeof hex);
  return token;
}

std::string TokenHash(std::string_view token) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // The length is not secret (hashes and tokens have fixed lengths); the content is.
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string NewUuid() {
  // UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids made
  // one after the other sort one after the other, so a new row lands on the last page of
  // its table's primary-key index instead of on a random one: each commit dirties (and
  // writes to the WAL) a few pages fewer per row. The creation time this reveals is a
  // millisecond figure every API response already gives as gemeldOp, aangemaaktOp, …
  unsigned char b[16];
  FillIdRandom(b, sizeof b);
  const auto ms = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (40 - 8 * i));
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x70);  // version 7
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // variant 10xx (RFC 9562)
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0f]);
  }
  return out;
}

}  // namespace jh::crypto
