#include "services/vernietiging.h"

#include <optional>

#include "audit/register.h"
#include "core/log.h"
#include "services/jw_opschoning.h"
#include "services/vir_opschoning.h"
#include "services/vt_bewaring.h"
#include "services/webhook_verwijzingen.h"
#include "services/write.h"

namespace jh::services {

Result<Vernietiging> VernietigPersoon(Env& env, const std::string& id) {
  const std::string now = env.clock.NowRfc3339();
  std::optional<Error> refused;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    refused.reset();
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT vernietigd_op FROM personen WHERE id = $1", {id}));
    if (rows.empty()) {
      refused = Error::NotFound("De persoon bestaat niet.");
      return {};
    }
    if (!rows[0].IsNull(0)) {
      refused = Error::Conflict("De gegevens van deze persoon zijn al vernietigd.");
      return {};
    }
    JH_TRY(VernietigingVastleggen(env, "persoon", id));
    JH_TRY(VirOntkoppelPersoon(tx, env, id, "avg"));      // VIR-12: not archived
    JH_TRY(JwOntkoppelPersoon(tx, env, id));              // his dossiers' keys too
    JH_TRY(OntkoppelVtPersoon(tx, env, id));              // his own finished cases go, no link
    JH_TRY(DropPendingWebhookEvents(tx, "persoon", id));  // AVG-04: none delivered later
    JH_TRY(tx.Exec("UPDATE data_keys SET sealed = NULL, vernietigd_op = $2 WHERE owner_id = $1",
                   {id, now}));
    JH_TRY(
        tx.Exec("UPDATE personen SET bsn_index = NULL, bsn_enc = NULL, voornamen_enc = NULL, "
                "geslachtsnaam_enc = NULL, geboortedatum = NULL, geslacht = NULL, "
                "gemeentecode = NULL, adres_index = NULL, adres_enc = NULL, "
                "overlijdensdatum = NULL, vernietigd_op = $2, gewijzigd_op = $2 WHERE id = $1",
                {id, now}));
    JH_TRY(tx.Exec("DELETE FROM gezagsrelaties WHERE kind_id = $1 OR ouder_id = $1", {id}));
    JH_TRY(
        tx.Exec("UPDATE tokens SET ingetrokken_op = $2 WHERE persoon_id = $1 "
                "AND ingetrokken_op IS NULL",
                {id, now}));
    Processed(env, audit::kVernietiging, "persoon vernietigen", "persoon", id);
    return {};
  }));
  if (refused) return *refused;
  // The key is gone from the table; also push old page images out of the WAL, where the
  // sealed key would otherwise survive until the WAL is reused.
  if (Status forgot = env.store.ForgetOverwritten(); !forgot.ok()) {
    log::Warn("erasure-wal-not-truncated", {{"reason", forgot.error().message}});
  }
  return Vernietiging{id, now};
}

Status VernietigingVastleggen(Env& env, const char* soort, const std::string& id) {
  if (env.ledger == nullptr) return {};
  // Before the commit: a crash after it must not leave a destroyed key unrecorded. A write
  // that then fails leaves an entry for a destruction that did not happen; the next restore
  // carries it out, which is what was asked.
  return env.ledger->Append(store::Vernietigd{soort, id});
}

namespace {

// Destroys the case or dossier `id` again when the store holds it undestroyed.
Result<bool> HerhaalIn(Env& env, const store::Vernietigd& v) {
  bool gedaan = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    gedaan = false;
    const bool zaak = v.soort == "vt-zaak";
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query(zaak ? "SELECT 1 FROM vt_zaken WHERE id = $1 AND vernietigd_op IS NULL"
                      : "SELECT 1 FROM jw_dossiers WHERE id = $1 AND vernietigd_op IS NULL",
                 {v.id}));
    if (rows.empty()) return {};
    gedaan = true;
    if (zaak) {
      return VernietigVtZaak(tx, env, v.id, env.clock.NowRfc3339(),
                             "zaak opnieuw vernietigen na herstel");
    }
    return JwVernietigDossier(tx, env, v.id, "dossier opnieuw vernietigen na herstel");
  }));
  return gedaan;
}

}  // namespace

Result<Herhaling> HerhaalVernietigingen(Env& env, const std::vector<store::Vernietigd>& ledger) {
  Herhaling out;
  for (const store::Vernietigd& v : ledger) {
    if (v.soort == "persoon") {
      Result<Vernietiging> done = VernietigPersoon(env, v.id);
      // Not found: unknown to the backup; conflict: erased already. Both need nothing.
      if (done.ok()) {
        ++out.personen;
      } else if (done.error().code != ErrorCode::kNotFound &&
                 done.error().code != ErrorCode::kConflict) {
        return std::move(done).error();
      }
      continue;
    }
    JH_ASSIGN_OR_RETURN(bool gedaan, HerhaalIn(env, v));
    if (gedaan) ++(v.soort == "vt-zaak" ? out.vt_zaken : out.dossiers);
  }
  if (out.vt_zaken + out.dossiers > 0) {
    if (Status forgot = env.store.ForgetOverwritten(); !forgot.ok()) {
      log::Warn("erasure-wal-not-truncated", {{"reason", forgot.error().message}});
    }
  }
  return out;
}

}  // namespace jh::services
