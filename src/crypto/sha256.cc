#include "crypto/sha256.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <memory>

namespace jh::crypto {

namespace {

// EVP_Digest with EVP_sha256() looks the implementation up in OpenSSL's provider table (under
// a lock) and allocates a context on every call: a third of a record hash's time on the
// writer thread. The implementation is fetched once, and each thread keeps one context.
const EVP_MD* Sha256Implementation() {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);  // held for the process
  return md;
}

struct ContextFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

EVP_MD_CTX* ThreadContext() {
  thread_local std::unique_ptr<EVP_MD_CTX, ContextFree> ctx(EVP_MD_CTX_new());
  return ctx.get();
}

bool OpenSslSha256(std::string_view message, unsigned char* out) {
  const EVP_MD* md = Sha256Implementation();
  EVP_MD_CTX* ctx = ThreadContext();
  if (md == nullptr || ctx == nullptr) return false;
  unsigned int written = 0;
  return EVP_DigestInit_ex2(ctx, md, nullptr) == 1 &&
         EVP_DigestUpdate(ctx, message.data(), message.size()) == 1 &&
         EVP_DigestFinal_ex(ctx, out, &written) == 1 && written == crypto_hash_sha256_BYTES;
}

}  // namespace

std::string Sha256(std::string_view message) {
  static_assert(crypto_hash_sha256_BYTES == 32);
  std::string out(crypto_hash_sha256_BYTES, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  if (OpenSslSha256(message, bytes)) return out;
  crypto_hash_sha256(bytes, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  return out;
}

}  // namespace jh::crypto
