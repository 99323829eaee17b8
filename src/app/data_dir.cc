#include "app/data_dir.h"

#include <sys/stat.h>

#include <map>

#include "audit/chain.h"
#include "audit/checkpoint.h"
#include "audit/trail.h"
#include "core/log.h"
#include "core/schema.h"
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
  // Checked as the API checks it, before anything is created: a bad code would otherwise
  // become the beheer organisation's for good.
  if (std::string why = schema::GemeentecodeFormat().check(gemeentecode); !why.empty()) {
    return Error::Invalid("gemeentecode", "gemeentecode", why);
  }
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

// The checkpoint files of this process, one per lane it appended to (usually one). Used by
// the after-commit hook's rest only, which each store runs one at a time.
class LaneCheckpointFiles {
 public:
  explicit LaneCheckpointFiles(DataDir dir) : dir_(std::move(dir)) {}
  Result<audit::Checkpoint*> For(int64_t lane) {
    auto it = files_.find(lane);
    if (it == files_.end()) {
      JH_ASSIGN_OR_RETURN(std::unique_ptr<audit::Checkpoint> opened,
                          audit::Checkpoint::Open(dir_.AuditCheckpoint(lane)));
      it = files_.emplace(lane, std::move(opened)).first;
    }
    return it->second.get();
  }

 private:
  const DataDir dir_;
  std::map<int64_t, std::unique_ptr<audit::Checkpoint>> files_;
};

// Writes the heads into the lane's checkpoint and fsyncs it: the hook's rest, which runs
// before the callers of the commit are answered (SQLite: on the store's finishing thread,
// while the writer commits the next batch; PostgreSQL: under the process's write mutex).
// The data is committed already: a checkpoint that fails is logged and the commit stands;
// the next commit writes the heads again. Until then only the cutting-off of these newest
// records would go unnoticed by `audit verify`.
void WriteHeads(LaneCheckpointFiles& files, int64_t lane_id,
                const std::vector<audit::Head>& heads) {
  Result<audit::Checkpoint*> checkpoint = files.For(lane_id);
  if (!checkpoint.ok()) {
    log::Error("audit-checkpoint-failed", {{"cause", checkpoint.error().message}});
    return;
  }
  if (Status written = (*checkpoint)->Write(heads); !written.ok()) {
    log::Error("audit-checkpoint-failed", {{"cause", written.error().message}});
  }
}

// The hook itself, on the connection that committed: reads the heads of the lane the commit
// appended to and leaves their writing to the rest. On PostgreSQL the lane keeps them in
// memory (a chain's head is read once, while the lane has none), on SQLite (lane 0) they are
// read. Heads only grow, so the heads of a later commit cover an earlier one's callers too,
// which is what lets the SQLite store skip a rest that a later one supersedes.
store::AfterCommitRest CheckpointHeads(const std::shared_ptr<LaneCheckpointFiles>& files,
                                       store::Tx& tx) {
  store::LaneState* lane = tx.Lane();
  const int64_t lane_id = lane ? lane->lane : 0;
  std::vector<audit::Head> heads;
  for (audit::Chain chain : {audit::Chain::kVerwerkingen, audit::Chain::kBesluiten}) {
    const auto i = static_cast<size_t>(chain);
    if (lane && lane->committed[i]) {
      heads.push_back(audit::Head{lane->committed[i]->seq, lane->committed[i]->hash});
      continue;
    }
    Result<audit::Head> head = audit::ReadHead(tx, chain, lane_id);
    if (!head.ok()) {
      log::Error("audit-checkpoint-failed", {{"cause", head.error().message}});
      return {};
    }
    // Read after the commit from a lane no other process appends to: the committed head, which
    // the lane keeps from now on instead of reading it after every commit.
    if (lane) lane->committed[i] = store::LaneState::Head{head->seq, head->hash};
    heads.push_back(std::move(head).value());
  }
  return [files, lane_id, heads = std::move(heads)] { WriteHeads(*files, lane_id, heads); };
}

}  // namespace

Result<audit::LaneCheckpoints> ReadCheckpoints(const DataDir& dir, int* files) {
  audit::LaneCheckpoints out;
  std::vector<int64_t> lanes = {0};
  std::error_code ec;
  const std::string prefix = "audit.checkpoint.baan-";
  for (const auto& entry : std::filesystem::directory_iterator(dir.root, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos || digits[0] == '0') {
      continue;
    }
    lanes.push_back(std::stoll(digits));
  }
  int count = 0;
  for (int64_t lane : lanes) {
    if (std::filesystem::exists(dir.AuditCheckpoint(lane), ec)) ++count;
    JH_ASSIGN_OR_RETURN(auto heads, audit::Checkpoint::Read(dir.AuditCheckpoint(lane)));
    if (heads) out[lane] = std::move(*heads);
  }
  if (files) *files = count;
  return out;
}

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
  // A backup in place whose later erasures were not yet destroyed again would serve the data
  // of people who had it erased (AVG-04).
  if (!dir.finishing_restore && std::filesystem::exists(dir.RestoreMarker())) {
    return Error::Unavailable(
        "Een herstel uit een back-up is niet afgemaakt: herstel opnieuw (jeugdhulp restore).");
  }
  Opened out;
  JH_ASSIGN_OR_RETURN(out.vault, crypto::Vault::Open(dir.KeyFile()));
  JH_ASSIGN_OR_RETURN(out.ledger, store::ErasureLedger::Open(dir.ErasureLedger()));
  // Shared with the hook, which the store keeps until its writer thread has stopped. Lane 0's
  // file is opened now, so that a directory that cannot hold it fails here.
  auto files = std::make_shared<LaneCheckpointFiles>(dir);
  JH_TRY(files->For(0));
  store::SqliteOptions with_checkpoint = options;
  with_checkpoint.after_commit = [files, then = dir.database_url.empty() ? options.after_commit
                                                                         : pg_options.after_commit](
                                     store::Tx& tx) -> store::AfterCommitRest {
    store::AfterCommitRest ours = CheckpointHeads(files, tx);
    store::AfterCommitRest theirs = then ? then(tx) : nullptr;
    if (!theirs) return ours;
    return [ours = std::move(ours), theirs = std::move(theirs)] {
      if (ours) ours();
      theirs();
    };
  };
  // Read before the store opens: nothing has committed through it yet.
  auto checkpointed = ReadCheckpoints(dir);
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
