#include "app/data_dir.h"

#include <sys/stat.h>

#include "audit/chain.h"
#include "audit/checkpoint.h"
#include "audit/trail.h"
#include "core/log.h"
#include "services/medewerkers.h"
#include "services/organisaties.h"

namespace jh::app {

namespace {

// A PostgreSQL database is shared: another data directory may have initialised it, with
// another master key. A second init would add a beheerder whose key cannot open the data
// already there, so it is refused before anything is created.
Status RefuseFilledDatabase(const DataDir& dir) {
  JH_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, store::OpenPostgres(dir.database_url));
  bool filled = false;
  JH_TRY(s->Read([&filled](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT 1 FROM organisaties LIMIT 1"));
    filled = !rows.empty();
    return {};
  }));
  if (filled) {
    return Error::Conflict(
        "De PostgreSQL-database is al in gebruik (geïnitialiseerd met een andere datamap).");
  }
  return {};
}

}  // namespace

Result<std::string> InitDataDir(const DataDir& dir, const Clock& clock,
                                const std::string& gemeentecode) {
  JH_TRY(crypto::Init());
  if (!dir.database_url.empty()) JH_TRY(RefuseFilledDatabase(dir));
  std::error_code ec;
  std::filesystem::create_directories(dir.root, ec);
  if (ec) return Error::Unavailable("De datamap kan niet worden gemaakt: " + ec.message());
  ::chmod(dir.root.c_str(), 0700);
  JH_TRY(crypto::Vault::CreateKeyFile(dir.KeyFile()));
  JH_ASSIGN_OR_RETURN(Opened opened, OpenDataDir(dir));
  audit::Trail trail = audit::SystemTrail(*opened.vault, clock);
  services::Env env{*opened.store, *opened.vault, clock, &trail, nullptr};
  services::Organisatie org;
  org.naam = "Beheer";
  org.soort = "gemeente";
  org.gemeentecode = gemeentecode;
  JH_ASSIGN_OR_RETURN(org, services::CreateOrganisatie(env, org));
  services::Medewerker m;
  m.organisatie_id = org.id;
  m.naam = "Beheerder";
  m.rol = "beheerder";
  m.telefoon = "0800 0000";
  m.email = "beheer@jeugdhulp.example";
  JH_ASSIGN_OR_RETURN(m, services::CreateMedewerker(env, m));
  return services::IssueMedewerkerToken(env, m.id);
}

namespace {

// Runs on the store's writer thread after each commit, before its callers are answered. The
// data is committed already: a checkpoint that fails is logged and the commit stands; the
// next commit writes the heads again. Until then only the cutting-off of these newest
// records would go unnoticed by `audit verify`.
void CheckpointHeads(audit::Checkpoint& checkpoint, store::Tx& tx) {
  std::vector<audit::Head> heads;
  for (audit::Chain chain : {audit::Chain::kVerwerkingen, audit::Chain::kBesluiten}) {
    Result<audit::Head> head = audit::ReadHead(tx, chain);
    if (!head.ok()) {
      log::Error("audit-checkpoint-failed", {{"cause", head.error().message}});
      return;
    }
    heads.push_back(std::move(head).value());
  }
  if (Status written = checkpoint.Write(heads); !written.ok()) {
    log::Error("audit-checkpoint-failed", {{"cause", written.error().message}});
  }
}

}  // namespace

Result<std::unique_ptr<store::Store>> OpenStoreOnly(const DataDir& dir) {
  if (!dir.database_url.empty()) return store::OpenPostgres(dir.database_url);
  store::SqliteOptions options;
  options.read_connections = 1;
  return store::OpenSqlite(dir.Database(), options);
}

Result<Opened> OpenDataDir(const DataDir& dir, const store::SqliteOptions& options,
                           const store::PgOptions& pg_options) {
  JH_TRY(crypto::Init());
  if (!std::filesystem::exists(dir.KeyFile())) {
    return Error::Unavailable("De datamap is niet geïnitialiseerd (jeugdhulp init --data DIR).");
  }
  Opened out;
  JH_ASSIGN_OR_RETURN(out.vault, crypto::Vault::Open(dir.KeyFile()));
  JH_ASSIGN_OR_RETURN(std::unique_ptr<audit::Checkpoint> opened_checkpoint,
                      audit::Checkpoint::Open(dir.AuditCheckpoint()));
  // Shared with the hook, which the store keeps until its writer thread has stopped.
  std::shared_ptr<audit::Checkpoint> checkpoint = std::move(opened_checkpoint);
  store::SqliteOptions with_checkpoint = options;
  with_checkpoint.after_commit = [checkpoint, then = dir.database_url.empty()
                                                         ? options.after_commit
                                                         : pg_options.after_commit](store::Tx& tx) {
    CheckpointHeads(*checkpoint, tx);
    if (then) then(tx);
  };
  // Read before the store opens: nothing has committed through it yet.
  auto checkpointed = audit::Checkpoint::Read(dir.AuditCheckpoint());
  if (dir.database_url.empty()) {
    JH_ASSIGN_OR_RETURN(out.store, store::OpenSqlite(dir.Database(), with_checkpoint));
  } else {
    // With several processes on one database, each writes the heads it committed into the
    // checkpoint of its own data directory (docs/architecture.md, "PostgreSQL").
    store::PgOptions pg = pg_options;
    pg.after_commit = with_checkpoint.after_commit;
    JH_ASSIGN_OR_RETURN(out.store, store::OpenPostgres(dir.database_url, pg));
  }
  // Records cut off or rewritten while the server was stopped would otherwise only show at
  // the next `audit verify`: say so loudly now. The server still starts — the data it holds
  // is not lost by the tampering, and refusing service is the operator's call.
  if (checkpointed.ok()) {
    Status checked = out.store->Read([&](store::Tx& tx) -> Status {
      JH_ASSIGN_OR_RETURN(auto broken, audit::SpotCheck(tx, *checkpointed));
      if (broken) {
        log::Error("audit-checkpoint-mismatch",
                   {{"chain", broken->chain}, {"seq", broken->seq}, {"reason", broken->reason}});
      }
      return {};
    });
    if (!checked.ok()) log::Warn("audit-spot-check-failed", {{"cause", checked.error().message}});
  }
  return out;
}

}  // namespace jh::app
