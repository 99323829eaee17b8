// Per-subject data keys inside a transaction (see crypto/vault.h). A subject's key is made
// when the subject is first stored and destroyed on erasure (crypto-shredding).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "crypto/vault.h"
#include "store/store.h"

namespace jh::services {

// A new data key and its sealed form, made outside any transaction (the bulk import seals on
// worker threads and stores with StoreDataKey on the writer).
struct FreshDataKey {
  crypto::DataKey key;
  store::Blob sealed;
};
FreshDataKey MakeDataKey(const crypto::Vault& vault, const std::string& owner_id);
// Stores a key made by MakeDataKey. Errors: kConflict if `owner_id` has one.
[[nodiscard]] Status StoreDataKey(store::Tx& tx, const std::string& owner_id,
                                  const store::Blob& sealed);

// Creates and stores a new data key for `owner_id`. Errors: kConflict if one exists.
[[nodiscard]] Result<crypto::DataKey> CreateDataKey(store::Tx& tx, const crypto::Vault& vault,
                                                    const std::string& owner_id);

// The owner's key, or nullopt when it was destroyed or never existed.
[[nodiscard]] Result<std::optional<crypto::DataKey>> LoadDataKey(store::Tx& tx,
                                                                 const crypto::Vault& vault,
                                                                 const std::string& owner_id);

// Encrypts a field of `owner_id` (associated data binds owner and field).
store::Blob Seal(const crypto::DataKey& key, const std::string& owner_id, std::string_view field,
                 std::string_view plaintext);
// Decrypts; "" when the key is gone. Errors: kInternal on a tampered ciphertext.
[[nodiscard]] Result<std::string> Open(const std::optional<crypto::DataKey>& key,
                                       const std::string& owner_id, std::string_view field,
                                       const std::string& ciphertext);

}  // namespace jh::services
