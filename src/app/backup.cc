#include "app/backup.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit/trail.h"
#include "core/log.h"
#include "services/vernietiging.h"
#include "services/write.h"
#include "store/sqlite_backup.h"

namespace jh::app {

namespace {

Status SyncFile(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::Unavailable("Kan " + file.string() + " niet openen.");
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Error::Unavailable("Kan " + file.string() + " niet wegschrijven.");
  return {};
}

// Creates (or keeps) `dir`'s restore marker, durably: it must be on disk before the backup is.
Status MarkRestoreUnfinished(const DataDir& dir) {
  const std::filesystem::path marker = dir.RestoreMarker();
  const int fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Error::Unavailable("Kan " + marker.string() + " niet aanmaken.");
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Error::Unavailable("Kan " + marker.string() + " niet wegschrijven.");
  return SyncFile(dir.root);
}

// Copies `from` into `to` through `to`.tmp: a crash leaves either the old `to` or the new.
Status CopyInto(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::path tmp = to;
  tmp += ".tmp";
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  const mode_t old_umask = ::umask(077);
  Status st = store::BackupSqlite(from, tmp);
  ::umask(old_umask);
  if (!st.ok()) {
    std::filesystem::remove(tmp, ec);
    return st;
  }
  JH_TRY(SyncFile(tmp));
  std::filesystem::rename(tmp, to, ec);
  if (ec) return Error::Unavailable("Kan " + to.string() + " niet plaatsen: " + ec.message());
  const std::filesystem::path parent = to.has_parent_path() ? to.parent_path() : ".";
  return SyncFile(parent);
}

// AVG-04: an erasure after the backup must survive its restore. The backup still holds the
// sealed keys of what was destroyed since; the ledger names them, and each is destroyed
// again through the path that destroyed it first (keys, tokens, links, processing records).
Status ReapplyErasures(const DataDir& dir, services::Env& env, bool ledger_found) {
  // A directory without the ledger (a fresh one with only the master key copied in,
  // docs/operations.md) cannot tell what was erased after the backup: say so.
  if (!ledger_found) log::Warn("restore-without-erasure-ledger");
  JH_ASSIGN_OR_RETURN(std::vector<store::Vernietigd> ledger,
                      store::ErasureLedger::Read(dir.ErasureLedger()));
  JH_ASSIGN_OR_RETURN(services::Herhaling again, services::HerhaalVernietigingen(env, ledger));
  JH_TRY(services::FlushTrail(env));
  log::Warn("restore-erasures-reapplied", {{"ledger", static_cast<int64_t>(ledger.size())},
                                           {"personen", again.personen},
                                           {"vt_zaken", again.vt_zaken},
                                           {"dossiers", again.dossiers}});
  return {};
}

}  // namespace

Status BackupDataDir(const DataDir& dir, const std::filesystem::path& to) {
  if (!std::filesystem::exists(dir.Database())) {
    return Error::Unavailable("Geen database in " + dir.root.string() + ".");
  }
  JH_TRY(CopyInto(dir.Database(), to));
  log::Info("backup", {{"bytes", static_cast<int64_t>(std::filesystem::file_size(to))}});
  return {};
}

Status RestoreDataDir(const DataDir& dir, const std::filesystem::path& from, const Clock& clock) {
  JH_TRY(store::CheckSqliteFile(from));
  JH_ASSIGN_OR_RETURN(auto vault, crypto::Vault::Open(dir.KeyFile()));
  JH_ASSIGN_OR_RETURN(auto sample, store::SampleSealedKey(from));
  if (sample && !vault->Unseal(sample->second, sample->first).ok()) {
    return Error::Invalid("from", "sleutel",
                          "De hoofdsleutel in deze datamap past niet bij deze back-up.");
  }
  // A server holds the WAL open (and a crashed one left it behind): never restore under it.
  std::filesystem::path wal = dir.Database();
  wal += "-wal";
  std::error_code ec;
  if (std::filesystem::exists(wal) && std::filesystem::file_size(wal, ec) > 0) {
    return Error::Unavailable(
        "De database is in gebruik (of niet netjes afgesloten): stop de server, start en stop "
        "hem zo nodig eenmaal, en herstel dan.");
  }
  const bool ledger_found = std::filesystem::exists(dir.ErasureLedger(), ec);
  JH_TRY(MarkRestoreUnfinished(dir));
  if (Status copied = CopyInto(from, dir.Database()); !copied.ok()) {
    std::filesystem::remove(dir.RestoreMarker(), ec);  // the old database is still in place
    return copied;
  }
  for (const char* suffix : {"-wal", "-shm"}) {
    std::filesystem::path f = dir.Database();
    f += suffix;
    std::filesystem::remove(f, ec);
  }
  std::filesystem::remove(dir.AuditCheckpoint(), ec);  // the heads restart at the backup's

  DataDir restoring = dir;
  restoring.finishing_restore = true;
  JH_ASSIGN_OR_RETURN(Opened opened, OpenDataDir(restoring));
  audit::Trail trail = audit::SystemTrail(*opened.vault, clock);
  auth::Actor system = auth::Actor::System();
  // No ledger: what is destroyed again is in it already, and it must not grow per restore.
  services::Env env{*opened.store, *opened.vault, clock, &trail, &system, nullptr};
  services::Decide(env, audit::Decision{"restore", "opslag", "", true, "", "",
                                        "Herstel uit een back-up: latere verslagen vervallen."});
  JH_TRY(services::FlushTrail(env));
  log::Warn("restored", {{"from", from.filename().string()}});
  if (Status again = ReapplyErasures(dir, env, ledger_found); !again.ok()) {
    return Error::Unavailable(
        "Het herstel is niet af: de vernietigingen uit de ledger zijn niet opnieuw uitgevoerd (" +
        again.error().message + "). De server start niet op deze datamap; herstel opnieuw.");
  }
  std::filesystem::remove(dir.RestoreMarker(), ec);
  if (ec) return Error::Unavailable("Kan " + dir.RestoreMarker().string() + " niet verwijderen.");
  return SyncFile(dir.root);
}

}  // namespace jh::app
