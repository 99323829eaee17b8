// Field encryption at rest (BSN-02) with libsodium.
//
// - A 32-byte master key lives in DATA/master.key (mode 0600), made by CreateKeyFile.
//   It never leaves this class and is never logged.
// - Every data subject (a persoon, a medewerker) has its own random data key, stored only
//   sealed by the master key (XChaCha20-Poly1305, associated data = the owner id). Erasing
//   a person destroys that sealed key (crypto-shredding): the ciphertexts stay but can
//   never be read again.
// - Fields are encrypted with the owner's data key (XChaCha20-Poly1305, random nonce,
//   associated data = owner id + field name, so a ciphertext cannot be moved to another
//   owner or field).
// - BSN lookups use a keyed BLAKE2b hash under a subkey derived from the master key, so
//   the database holds no BSN and no unkeyed hash of one.
//
// Thread-safety: all methods are const and safe to call concurrently.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/bsn.h"
#include "core/result.h"

namespace jh::crypto {

// Must be called once before any other function here (idempotent). Fails only when
// libsodium cannot initialise.
[[nodiscard]] Status Init();

// A person's unsealed data key. Wiped from memory on destruction.
class DataKey {
 public:
  DataKey();
  ~DataKey();
  DataKey(const DataKey&);
  DataKey& operator=(const DataKey&);
  unsigned char* data() { return key_.data(); }
  const unsigned char* data() const { return key_.data(); }

 private:
  std::array<unsigned char, 32> key_{};
};

class Vault {
 public:
  // Writes a new random master key to `key_file` (O_EXCL, mode 0600, fsynced).
  // Errors: kConflict if the file exists, kUnavailable on I/O failure.
  [[nodiscard]] static Status CreateKeyFile(const std::filesystem::path& key_file);
  // Loads the master key. Errors: kUnavailable if missing, unreadable, not 32 bytes, or
  // readable by group or others (mode must be 0600 or stricter).
  [[nodiscard]] static Result<std::unique_ptr<Vault>> Open(const std::filesystem::path& key_file);
  // A vault with the given key, for tests and benchmarks.
  static std::unique_ptr<Vault> ForTesting(std::string_view seed);

  ~Vault();
  Vault(const Vault&) = delete;
  Vault& operator=(const Vault&) = delete;

  // Keyed hash (32 bytes, raw) of a BSN for lookups; the same BSN always gives the same value.
  std::string BsnIndex(const Bsn& bsn) const;
  // A stable keyed pseudonym (64 hex chars) for an identifier, for logs that must link
  // records of one subject without naming him.
  std::string Pseudonym(std::string_view id) const;

  // A fresh random data key and its sealed form for storage under `owner_id`.
  DataKey NewDataKey() const;
  std::string Seal(const DataKey& key, std::string_view owner_id) const;
  // Errors: kInternal when the sealed key does not open (tampered, wrong owner, wrong master).
  [[nodiscard]] Result<DataKey> Unseal(std::string_view sealed, std::string_view owner_id) const;

  // Nonce || ciphertext || tag. `ad` binds the ciphertext to owner and field.
  static std::string Encrypt(const DataKey& key, std::string_view plaintext, std::string_view ad);
  // Errors: kInternal when authentication fails.
  [[nodiscard]] static Result<std::string> Decrypt(const DataKey& key, std::string_view ciphertext,
                                                   std::string_view ad);

 private:
  Vault();
  struct Keys;
  std::unique_ptr<Keys> keys_;
};

// 256 random bits as 64 lowercase hex characters (tokens).
std::string RandomToken();
// SHA-256 of a token, raw 32 bytes; tokens are stored only in this form.
std::string TokenHash(std::string_view token);
// Constant-time equality of two equal-length byte strings (false when lengths differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);
// A UUID version 7 (time-ordered, 74 random bits), lowercase with hyphens.
std::string NewUuid();

}  // namespace jh::crypto
