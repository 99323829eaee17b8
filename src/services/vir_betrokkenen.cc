#include "services/vir_betrokkenen.h"

#include "services/keyring.h"

namespace jh::services {

Result<Betrokkene> BetrokkenenCache::Get(const std::string& medewerker_id) {
  if (auto it = cache_.find(medewerker_id); it != cache_.end()) return it->second;
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      tx_.Query("SELECT m.naam_enc, m.telefoon_enc, m.email_enc, o.naam FROM medewerkers m "
                "JOIN organisaties o ON o.id = m.organisatie_id WHERE m.id = $1",
                {medewerker_id}));
  if (rows.empty()) return Error::Internal("melder onbekend");
  JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx_, vault_, medewerker_id));
  Betrokkene b;
  JH_ASSIGN_OR_RETURN(b.naam, Open(key, medewerker_id, "naam", rows[0].Bytes(0)));
  JH_ASSIGN_OR_RETURN(b.telefoon, Open(key, medewerker_id, "telefoon", rows[0].Bytes(1)));
  JH_ASSIGN_OR_RETURN(b.email, Open(key, medewerker_id, "email", rows[0].Bytes(2)));
  b.organisatie = rows[0].Text(3);
  cache_.emplace(medewerker_id, b);
  return b;
}

VirSubject SubjectVan(const std::string& persoon_id, const std::string& jeugdige_sleutel) {
  if (!persoon_id.empty()) return VirSubject{"persoon", persoon_id};
  return VirSubject{"jeugdige-zonder-bsn", jeugdige_sleutel};
}

}  // namespace jh::services
