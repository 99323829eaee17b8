// How a person is stored, shared by CreatePersoon and the bulk import (importer/), so that a
// person written by either is the same row: the same SQL, the same sealed fields under the
// person's own key, the same keyed indexes (BSN-02). A change to the format is made here
// once and both writers follow.
#pragma once

#include <string>
#include <vector>

#include "crypto/vault.h"
#include "services/personen.h"
#include "store/store.h"

namespace jh::services {

// The keyed hash of an address, for address matching (VIR-07) without a plaintext address.
std::string AdresIndex(const crypto::Vault& vault, const Adres& adres);
// The address as it is sealed: a small JSON object.
std::string AdresJson(const Adres& adres);

// INSERT of one person; its parameters come from PersoonRow.
extern const char* const kInsertPersoonSql;

// The parameters of kInsertPersoonSql for `p` (id and bsn set), sealed under `key`, created
// at `now` (RFC 3339). Pure computation: no store, safe on any thread.
std::vector<store::Value> PersoonRow(const crypto::Vault& vault, const crypto::DataKey& key,
                                     const Persoon& p, const std::string& now);

}  // namespace jh::services
