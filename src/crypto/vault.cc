// The vault's keys live in memory from sodium_malloc: locked out of swap, guarded by
// inaccessible pages, made read-only once derived, and wiped when freed.
#include "crypto/vault.h"

#include <sodium.h>

#include <new>
#include <utility>

#include "crypto/key_file.h"

namespace jh::crypto {

namespace {

constexpr size_t kKeyBytes = 32;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;  // 24
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;       // 16
static_assert(kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kKeyBytes == crypto_kdf_KEYBYTES);
static_assert(kMasterKeyBytes == kKeyBytes);

// Each subkey has its own id and context, so that no two uses ever share a key: a BSN index
// cannot be mistaken for a pseudonym, nor a pseudonym key used to open a sealed data key.
// Changing any of these makes every stored index, pseudonym and sealed key unusable.
struct Purpose {
  uint64_t id;
  char context[crypto_kdf_CONTEXTBYTES + 1];
};
constexpr Purpose kBsnIndex{1, "jhbsnidx"};
constexpr Purpose kPseudonym{2, "jhpseudo"};
constexpr Purpose kSealing{3, "jhkeysea"};

const unsigned char* U(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

std::string KeyedHash(std::string_view input, const unsigned char* key) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, U(input), input.size(), key, kKeyBytes);
  return std::string(reinterpret_cast<const char*>(out), sizeof out);
}

// Nonce || ciphertext || tag under `key`, bound to `ad`.
std::string Aead(const unsigned char* key, const unsigned char* plain, size_t n,
                 std::string_view ad) {
  std::string out(kNonceBytes + n + kTagBytes, '\0');
  auto* p = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(p, kNonceBytes);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(p + kNonceBytes, &written, plain, n, U(ad), ad.size(),
                                             nullptr, p, key);
  return out;
}

// Opens Aead's output into `plain` (sized by the caller to the expected length, or resized).
bool Unaead(const unsigned char* key, std::string_view sealed, std::string_view ad,
            unsigned char* plain) {
  if (sealed.size() < kNonceBytes + kTagBytes) return false;
  const unsigned char* nonce = U(sealed);
  unsigned long long n = 0;
  return crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &n, nullptr, nonce + kNonceBytes,
                                                    sealed.size() - kNonceBytes, U(ad), ad.size(),
                                                    nonce, key) == 0;
}

}  // namespace

// sodium_malloc'd through class-specific new/delete, so the header's plain unique_ptr<Keys>
// gets guarded memory without knowing it.
struct Vault::Keys {
  unsigned char master[kKeyBytes];
  unsigned char bsn_index[kKeyBytes];
  unsigned char pseudonym[kKeyBytes];
  unsigned char sealing[kKeyBytes];

  static void* operator new(size_t n) {
    void* p = sodium_malloc(n);
    if (p == nullptr) throw std::bad_alloc();
    return p;
  }
  static void operator delete(void* p) { sodium_free(p); }  // wipes before freeing

  void Derive() {
    for (auto [sub, purpose] : {std::pair{bsn_index, kBsnIndex}, std::pair{pseudonym, kPseudonym},
                                std::pair{sealing, kSealing}}) {
      crypto_kdf_derive_from_key(sub, kKeyBytes, purpose.id, purpose.context, master);
    }
    sodium_mprotect_readonly(this);
  }
};

DataKey::DataKey() = default;
DataKey::~DataKey() { sodium_memzero(key_.data(), key_.size()); }
DataKey::DataKey(const DataKey& other) : key_(other.key_) {}
DataKey& DataKey::operator=(const DataKey& other) {
  key_ = other.key_;
  return *this;
}

Vault::Vault() : keys_(new Keys) {}

Vault::~Vault() {
  // sodium_free re-enables writing itself; nothing here writes to the keys before that.
}

Status Vault::CreateKeyFile(const std::filesystem::path& key_file) {
  JH_TRY(Init());
  unsigned char key[kMasterKeyBytes];
  crypto_kdf_keygen(key);
  Status written = WriteKeyFile(key_file, key);
  sodium_memzero(key, sizeof key);
  return written;
}

Result<std::unique_ptr<Vault>> Vault::Open(const std::filesystem::path& key_file) {
  JH_TRY(Init());
  std::unique_ptr<Vault> v(new Vault());
  JH_TRY(ReadKeyFile(key_file, v->keys_->master));
  v->keys_->Derive();
  return v;
}

std::unique_ptr<Vault> Vault::ForTesting(std::string_view seed) {
  (void)Init();  // only fails when libsodium cannot start; the hashes below then abort anyway
  std::unique_ptr<Vault> v(new Vault());
  crypto_generichash(v->keys_->master, kKeyBytes, U(seed), seed.size(), nullptr, 0);
  v->keys_->Derive();
  return v;
}

std::string Vault::BsnIndex(const Bsn& bsn) const {
  return KeyedHash(bsn.digits(), keys_->bsn_index);
}

std::string Vault::Pseudonym(std::string_view id) const {
  const std::string raw = KeyedHash(id, keys_->pseudonym);
  char hex[2 * 32 + 1];
  sodium_bin2hex(hex, sizeof hex, U(raw), raw.size());
  return hex;
}

DataKey Vault::NewDataKey() const {
  DataKey k;
  crypto_aead_xchacha20poly1305_ietf_keygen(k.data());
  return k;
}

std::string Vault::Seal(const DataKey& key, std::string_view owner_id) const {
  return Aead(keys_->sealing, key.data(), kKeyBytes, owner_id);
}

Result<DataKey> Vault::Unseal(std::string_view sealed, std::string_view owner_id) const {
  DataKey k;
  if (sealed.size() != kNonceBytes + kKeyBytes + kTagBytes ||
      !Unaead(keys_->sealing, sealed, owner_id, k.data())) {
    return Error::Internal("Een verzegelde sleutel kan niet worden geopend.");
  }
  return k;
}

std::string Vault::Encrypt(const DataKey& key, std::string_view plaintext, std::string_view ad) {
  return Aead(key.data(), U(plaintext), plaintext.size(), ad);
}

Result<std::string> Vault::Decrypt(const DataKey& key, std::string_view ciphertext,
                                   std::string_view ad) {
  if (ciphertext.size() < kNonceBytes + kTagBytes) {
    return Error::Internal("Een versleuteld gegeven kan niet worden ontsleuteld.");
  }
  std::string plain(ciphertext.size() - kNonceBytes - kTagBytes, '\0');
  if (!Unaead(key.data(), ciphertext, ad, reinterpret_cast<unsigned char*>(plain.data()))) {
    sodium_memzero(plain.data(), plain.size());
    return Error::Internal("Een versleuteld gegeven kan niet worden ontsleuteld.");
  }
  return plain;
}

}  // namespace jh::crypto
