// crypto::Sha256 (OpenSSL) gives SHA-256 itself: the FIPS 180 examples, and libsodium's
// answer (which computed the audit chains' hashes before) on messages of many lengths.
#include "crypto/sha256.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace jh::crypto {
namespace {

std::string Hex(const std::string& bytes) {
  std::string hex(2 * bytes.size() + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  hex.pop_back();  // the terminating NUL
  return hex;
}

TEST(Sha256, KnownAnswers) {
  EXPECT_EQ(Hex(Sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex(Sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex(Sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, SameBytesAsLibsodium) {
  ASSERT_GE(sodium_init(), 0);
  std::string message;
  for (size_t n = 0; n < 1100; n += 37) {  // across block boundaries (64 bytes) and beyond
    message.resize(n);
    randombytes_buf(message.data(), message.size());
    std::string expected(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(expected.data()),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size());
    EXPECT_EQ(Sha256(message), expected) << "length " << n;
  }
}

}  // namespace
}  // namespace jh::crypto
