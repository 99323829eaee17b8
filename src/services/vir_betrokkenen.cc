#include "services/vir_betrokkenen.h"

#include "services/keyring.h"

namespace jh::services {

Result<std::pair<Contact, std::string>> BetrokkenenCache::Load(const std::string& medewerker_id) {
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      tx_.Query("SELECT m.naam_enc, m.telefoon_enc, m.email_enc, o.naam, o.vir_coordinator_id "
                "FROM medewerkers m JOIN organisaties o ON o.id = m.organisatie_id "
                "WHERE m.id = $1",
                {medewerker_id}));
  if (rows.empty()) return Error::Internal("melder onbekend");
  JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx_, vault_, medewerker_id));
  Contact c;
  JH_ASSIGN_OR_RETURN(c.naam, Open(key, medewerker_id, "naam", rows[0].Bytes(0)));
  JH_ASSIGN_OR_RETURN(c.telefoon, Open(key, medewerker_id, "telefoon", rows[0].Bytes(1)));
  JH_ASSIGN_OR_RETURN(c.email, Open(key, medewerker_id, "email", rows[0].Bytes(2)));
  c.organisatie = rows[0].Text(3);
  return std::make_pair(std::move(c), rows[0].OptText(4).value_or(""));
}

Result<Betrokkene> BetrokkenenCache::Get(const std::string& medewerker_id) {
  if (auto it = cache_.find(medewerker_id); it != cache_.end()) return it->second;
  JH_ASSIGN_OR_RETURN(auto melder, Load(medewerker_id));
  Betrokkene b;
  static_cast<Contact&>(b) = std::move(melder.first);
  if (!melder.second.empty() && melder.second != medewerker_id) {
    JH_ASSIGN_OR_RETURN(auto coordinator, Load(melder.second));
    b.coordinator = std::move(coordinator.first);
  }
  cache_.emplace(medewerker_id, b);
  return b;
}

VirSubject SubjectVan(const std::string& persoon_id, const std::string& jeugdige_sleutel) {
  if (!persoon_id.empty()) return VirSubject{"persoon", persoon_id};
  return VirSubject{"jeugdige-zonder-bsn", jeugdige_sleutel};
}

}  // namespace jh::services
