// What the Verwijsindex shows of a melder — and nothing more (VIR-04, VIR-08): his name,
// his organisation and how to reach him. Read inside a transaction, decrypted with the
// medewerker's own key.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "services/env.h"

namespace jh::services {

struct Contact {
  std::string naam;
  std::string organisatie;
  std::string telefoon;
  std::string email;
};

// A melder, and the coordinator of his organisation when it has one (Jw 7.1.3.3).
struct Betrokkene : Contact {
  std::optional<Contact> coordinator;
};

// Loads contact details, once per medewerker within one transaction.
class BetrokkenenCache {
 public:
  BetrokkenenCache(store::Tx& tx, const crypto::Vault& vault) : tx_(tx), vault_(vault) {}
  // Errors: kInternal when the medewerker is unknown or his data cannot be decrypted.
  [[nodiscard]] Result<Betrokkene> Get(const std::string& medewerker_id);

 private:
  // The contact details alone, and the organisation's coordinator id ("" for none).
  Result<std::pair<Contact, std::string>> Load(const std::string& medewerker_id);
  store::Tx& tx_;
  const crypto::Vault& vault_;
  std::map<std::string, Betrokkene> cache_;
};

// The subject of the processing log for a registration's youth: ("persoon", id) for a youth
// with BSN, ("jeugdige-zonder-bsn", sleutel) otherwise.
struct VirSubject {
  const char* type;
  std::string id;
};
VirSubject SubjectVan(const std::string& persoon_id, const std::string& jeugdige_sleutel);

}  // namespace jh::services
