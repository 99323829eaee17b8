#include "services/vir_coordinatoren.h"

#include "audit/register.h"
#include "services/common.h"
#include "services/write.h"

namespace jh::services {

Status SetVirCoordinator(Env& env, const std::string& organisatie_id,
                         const std::optional<std::string>& medewerker_id) {
  std::optional<Error> refused;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    refused.reset();
    JH_ASSIGN_OR_RETURN(store::Rows org,
                        tx.Query("SELECT 1 FROM organisaties WHERE id = $1", {organisatie_id}));
    if (org.empty()) {
      refused = Error::NotFound("De organisatie bestaat niet.");
      return {};
    }
    store::Value value;
    if (medewerker_id) {
      JH_ASSIGN_OR_RETURN(store::Rows m, tx.Query("SELECT 1 FROM medewerkers WHERE id = $1 AND "
                                                  "organisatie_id = $2",
                                                  {*medewerker_id, organisatie_id}));
      if (m.empty()) {
        refused = UnknownReference("medewerkerId", "Een medewerker van deze organisatie");
        return {};
      }
      value = *medewerker_id;
      Processed(env, audit::kMedewerkerBeheer, "coördinator aanwijzen", "medewerker",
                *medewerker_id);
    }
    JH_TRY(tx.Exec("UPDATE organisaties SET vir_coordinator_id = $2 WHERE id = $1",
                   {organisatie_id, value}));
    return {};
  }));
  if (refused) return *refused;
  return {};
}

}  // namespace jh::services
