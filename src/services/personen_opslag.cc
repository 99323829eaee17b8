#include "services/personen_opslag.h"

#include <nlohmann/json.hpp>

#include "services/keyring.h"

namespace jh::services {

std::string AdresIndex(const crypto::Vault& vault, const Adres& adres) {
  return vault.Pseudonym("adres|" + adres.postcode + "|" + std::to_string(adres.huisnummer));
}

std::string AdresJson(const Adres& adres) {
  return nlohmann::json{{"postcode", adres.postcode}, {"huisnummer", adres.huisnummer}}.dump();
}

const char* const kInsertPersoonSql =
    "INSERT INTO personen (id, bsn_index, bsn_enc, voornamen_enc, geslachtsnaam_enc, "
    "geboortedatum, geslacht, gemeentecode, adres_index, adres_enc, aangemaakt_op, "
    "gewijzigd_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)";

std::vector<store::Value> PersoonRow(const crypto::Vault& vault, const crypto::DataKey& key,
                                     const Persoon& p, const std::string& now) {
  return {p.id,
          store::Blob{vault.BsnIndex(*p.bsn)},
          Seal(key, p.id, "bsn", p.bsn->digits()),
          Seal(key, p.id, "voornamen", p.voornamen),
          Seal(key, p.id, "geslachtsnaam", p.geslachtsnaam),
          p.geboortedatum.ToString(),
          p.geslacht,
          p.gemeentecode,
          store::Blob{AdresIndex(vault, p.adres)},
          Seal(key, p.id, "adres", AdresJson(p.adres)),
          now};
}

}  // namespace jh::services
