#include "services/keyring.h"

namespace jh::services {

namespace {
std::string Ad(const std::string& owner_id, std::string_view field) {
  std::string ad = owner_id;
  ad += '|';
  ad += field;
  return ad;
}
}  // namespace

FreshDataKey MakeDataKey(const crypto::Vault& vault, const std::string& owner_id) {
  crypto::DataKey key = vault.NewDataKey();
  store::Blob sealed{vault.Seal(key, owner_id)};
  return FreshDataKey{key, std::move(sealed)};  // DataKey only copies; `key` is wiped on return
}

Status StoreDataKey(store::Tx& tx, const std::string& owner_id, const store::Blob& sealed) {
  JH_TRY(tx.Exec("INSERT INTO data_keys (owner_id, sealed) VALUES ($1, $2)", {owner_id, sealed}));
  return {};
}

Result<crypto::DataKey> CreateDataKey(store::Tx& tx, const crypto::Vault& vault,
                                      const std::string& owner_id) {
  FreshDataKey made = MakeDataKey(vault, owner_id);
  JH_TRY(StoreDataKey(tx, owner_id, made.sealed));
  return made.key;
}

Result<std::optional<crypto::DataKey>> LoadDataKey(store::Tx& tx, const crypto::Vault& vault,
                                                   const std::string& owner_id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT sealed FROM data_keys WHERE owner_id = $1", {owner_id}));
  if (rows.empty() || rows[0].IsNull(0)) return std::optional<crypto::DataKey>();
  JH_ASSIGN_OR_RETURN(crypto::DataKey key, vault.Unseal(rows[0].Bytes(0), owner_id));
  return std::optional<crypto::DataKey>(std::move(key));
}

store::Blob Seal(const crypto::DataKey& key, const std::string& owner_id, std::string_view field,
                 std::string_view plaintext) {
  return store::Blob{crypto::Vault::Encrypt(key, plaintext, Ad(owner_id, field))};
}

Result<std::string> Open(const std::optional<crypto::DataKey>& key, const std::string& owner_id,
                         std::string_view field, const std::string& ciphertext) {
  if (!key) return std::string();
  return crypto::Vault::Decrypt(*key, ciphertext, Ad(owner_id, field));
}

}  // namespace jh::services
