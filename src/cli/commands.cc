#include "cli/commands.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "app/backup.h"
#include "app/demo.h"
#include "app/purge.h"
#include "audit/chain.h"
#include "audit/checkpoint.h"
#include "core/version.h"
#include "http/api.h"

namespace jh::cli {

namespace {

// A store that refuses everything: `openapi` needs the operations, not the data.
class NoStore : public store::Store {
 public:
  Status Write(TxFn) override { return Error::Unavailable("geen opslag"); }
  Status Read(TxFn) override { return Error::Unavailable("geen opslag"); }
  std::string_view Dialect() const override { return "none"; }
};

// The data directory, and the PostgreSQL database when --database is given.
app::DataDir Dir(const CommonOptions& o) { return app::DataDir{o.data, o.database}; }

int Fail(const std::string& message, int code = 2) {
  std::fprintf(stderr, "jeugdhulp: %s\n", message.c_str());
  return code;
}

// An Error's cause, not its API wording: Error::Invalid says which field ("ongeldig veld:
// from"), the reason says why, and on the command line only the why helps.
int Fail(const Error& e, int code = 2) { return Fail(Reason(e), code); }

// audit verify on a store it cannot read: not intact, so exit 1 (2 is for usage errors).
int Unreadable(const std::string& what, const Error& e) {
  std::printf("BROKEN database: %s: %s\n", what.c_str(), Reason(e).c_str());
  return 1;
}

Result<app::ServeOptions> ToServeOptions(const CommonOptions& o) {
  app::ServeOptions s;
  s.dir = Dir(o);
  JH_ASSIGN_OR_RETURN(auto listen, app::ParseListen(o.listen));
  s.http.host = listen.first;
  s.http.port = listen.second;
  if (!o.today.empty()) {
    JH_ASSIGN_OR_RETURN(Date today, Date::ParseField(o.today, "today"));
    s.today = today;
  }
  s.http.io_threads = o.io_threads;
  s.http.worker_threads = o.workers;
  s.http.max_connections = o.max_connections;
  s.http.read_timeout = std::chrono::milliseconds(o.read_timeout_ms);
  s.http.idle_timeout = std::chrono::milliseconds(o.idle_timeout_ms);
  s.writer_cache_mib = o.cache_mib;
  s.group_commit = !o.no_group_commit;
  s.bench_no_audit = o.bench_no_audit;
  s.test_rerun_batches = o.test_rerun_batches;
  s.webhooks.outbox.backoff_base = std::chrono::milliseconds(o.webhook_backoff_ms);
  return s;
}

std::string FirstReason(const Error& e) {
  std::string text = e.message;
  for (const auto& p : e.invalid_params) text += " " + p.name + ": " + p.reason;
  return text;
}

// SQLite's own check of the file: b-trees, indexes, free pages. "ok" when sound.
Result<std::string> IntegrityCheck(store::Store& store) {
  std::string answer;
  JH_TRY(store.Read([&answer](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("PRAGMA integrity_check"));
    for (size_t i = 0; i < rows.size() && i < 5; ++i) {
      answer += (i == 0 ? "" : "; ") + rows[i].Text(0);
    }
    return {};
  }));
  return answer;
}

// Without a checkpoint nobody can tell whether records were cut off the end, or the chain
// was rewritten wholesale: with records in the chains that is a break, not a pass.
std::optional<audit::Break> MissingCheckpoint(const audit::VerifyReport& report, bool file_exists) {
  for (audit::Chain chain : {audit::Chain::kVerwerkingen, audit::Chain::kBesluiten}) {
    if (report.records.at(static_cast<size_t>(chain)) == 0) continue;
    return audit::Break{std::string(audit::ChainName(chain)), 0,
                        file_exists ? "checkpoint onleesbaar: geen geldig slot in audit.checkpoint"
                                    : "checkpoint ontbreekt (audit.checkpoint)"};
  }
  return std::nullopt;
}

}  // namespace

std::string Reason(const Error& e) {
  if (e.invalid_params.empty()) return e.message;
  std::string text;
  for (const auto& p : e.invalid_params) {
    text += (text.empty() ? "" : " ") + p.name + ": " + p.reason;
  }
  return text;
}

void AddDatabaseOption(CLI::App& app, CommonOptions& o) {
  app.add_option("--database", o.database,
                 "postgresql://… : de gegevens in PostgreSQL (de datamap houdt de sleutel)")
      ->check([](const std::string& url) -> std::string {
        if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return "";
        return "verwacht een URL postgresql://…";  // never echoes the value: it may hold a password
      });
}

void AddInitOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "Datamap")->required();
  app.add_option("--gemeentecode", o.gemeentecode, "Gemeentecode van de beheerorganisatie")
      ->capture_default_str();
  AddDatabaseOption(app, o);
}

void AddServeOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "Datamap")->capture_default_str();
  app.add_option("--listen", o.listen, "HOST:PORT (poort 0 kiest een vrije)")
      ->capture_default_str();
  app.add_option("--today", o.today, "Vaste datum voor de regels (JJJJ-MM-DD)");
  AddDatabaseOption(app, o);
  app.add_option("--threads", o.io_threads, "Netwerkthreads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--workers", o.workers, "Threads voor verzoeken")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  app.add_option("--max-connections", o.max_connections, "Maximaal gelijktijdige verbindingen")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--read-timeout-ms", o.read_timeout_ms, "Tijd om een verzoek te ontvangen")
      ->check(CLI::Range(100, 600000))
      ->capture_default_str();
  app.add_option("--idle-timeout-ms", o.idle_timeout_ms, "Keep-alive zonder verkeer")
      ->check(CLI::Range(100, 3600000))
      ->capture_default_str();
  app.add_option("--cache-mib", o.cache_mib, "Paginacache van de schrijver (SQLite), MiB")
      ->check(CLI::Range(8, 65536))
      ->capture_default_str();
  app.add_flag("--no-group-commit", o.no_group_commit, "Eén fsync per schrijfactie (benchmark)");
  // Benchmark-only: measures what the processing and decision logs cost. Group "" hides it
  // from --help so nobody picks it up as a tuning option; Serve warns loudly when it is set.
  app.add_flag("--bench-no-audit", o.bench_no_audit,
               "Benchmark: geen logboeken (NIET voor productie)")
      ->group("");
  // Tests only: makes webhook retries observable in seconds instead of hours. Hidden like
  // the flag above; the production back-off is 1 s doubling up to 1 h.
  app.add_option("--webhook-backoff-ms", o.webhook_backoff_ms,
                 "Test: eerste wachttijd na een mislukte webhook-levering")
      ->check(CLI::Range(10, 3600000))
      ->group("");
  // Tests only: shows that every write callback may run again (store.h, rerun_batches).
  app.add_flag("--test-rerun-batches", o.test_rerun_batches,
               "Test: elke schrijfbatch wordt teruggedraaid en opnieuw uitgevoerd")
      ->group("");
}

void AddAdminOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "Datamap")->required();
  app.add_option("--today", o.today, "Vaste datum voor de regels (JJJJ-MM-DD)");
  app.add_option("request", o.admin_args, "METHOD PATH [JSON|-]")->expected(2, 3)->required();
  AddDatabaseOption(app, o);
}

void AddAuditVerifyOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.audit_data, "Datamap (verplicht)");
  AddDatabaseOption(app, o);
}

void AddPurgeOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "Datamap")->capture_default_str();
  app.add_option("--today", o.today, "Vaste datum voor de regels (JJJJ-MM-DD)");
  AddDatabaseOption(app, o);
}

int RunPurge(const CommonOptions& o) {
  std::optional<Date> today;
  if (!o.today.empty()) {
    auto parsed = Date::ParseField(o.today, "today");
    if (!parsed.ok()) return Fail("--today: verwacht JJJJ-MM-DD");
    today = *parsed;
  }
  auto opened = app::OpenDataDir(Dir(o));
  if (!opened.ok()) return Fail(opened.error());
  Clock clock(today);
  auto summary = app::Purge(
      services::Env{*opened->store, *opened->vault, clock, nullptr, nullptr, opened->ledger.get()});
  if (!summary.ok()) {
    std::fprintf(stderr, "jeugdhulp: purge mislukt: %s\n", summary.error().message.c_str());
    return 1;
  }
  const auto& v = summary->verwijsindex;
  std::printf("VIR_GEARCHIVEERD=%lld\nVIR_VERWIJDERD=%lld\nVIR_VERNIETIGD=%lld\n",
              static_cast<long long>(v.gearchiveerd), static_cast<long long>(v.verwijderd),
              static_cast<long long>(v.vernietigd));
  std::printf("VT_VERNIETIGD=%lld\n", static_cast<long long>(summary->veilig_thuis.vernietigd));
  std::printf("JW_DOSSIERS_VERNIETIGD=%lld\n",
              static_cast<long long>(summary->jeugdhulp.dossiers_vernietigd));
  return 0;
}

void AddBackupOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "Datamap")->capture_default_str();
  app.add_option("--to", o.backup_file, "Bestand voor de back-up")->required();
}

void AddRestoreOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "Datamap met de passende hoofdsleutel")->capture_default_str();
  app.add_option("--from", o.backup_file, "De back-up")->required();
}

int RunBackup(const CommonOptions& o) {
  Status st = app::BackupDataDir(app::DataDir{o.data}, o.backup_file);
  if (!st.ok()) return Fail(st.error(), 1);
  std::printf("BACKUP=%s\n", o.backup_file.c_str());
  return 0;
}

int RunRestore(const CommonOptions& o) {
  Clock clock;
  Status st = app::RestoreDataDir(app::DataDir{o.data}, o.backup_file, clock);
  if (!st.ok()) return Fail(st.error(), 1);
  std::printf("RESTORED=%s\n", o.data.c_str());
  return 0;
}

int RunInit(const CommonOptions& o) {
  Clock clock;
  auto token = app::InitDataDir(Dir(o), clock, o.gemeentecode);
  if (!token.ok()) return Fail(token.error());
  std::printf("BEHEERDER_TOKEN=%s\n", token->c_str());
  return 0;
}

int RunServe(const CommonOptions& o) {
  auto options = ToServeOptions(o);
  if (!options.ok()) return Fail(FirstReason(options.error()));
  return app::Serve(*options);
}

int RunDemo(const CommonOptions& o) {
  // The demo region lives in a data directory of its own, which --fresh removes whole; a
  // shared PostgreSQL database is not the demo's to seed or wipe.
  if (!o.database.empty()) return Fail("demo draait alleen op SQLite; laat --database weg.");
  auto options = ToServeOptions(o);
  if (!options.ok()) return Fail(FirstReason(options.error()));
  app::DataDir dir{o.data};
  if (o.fresh && std::filesystem::exists(dir.root)) {
    // Only remove a directory that is a Jeugdhulp data directory (or empty).
    bool ours = std::filesystem::exists(dir.KeyFile()) || std::filesystem::is_empty(dir.root);
    if (!ours) return Fail("--fresh weigert " + o.data + ": dat is geen Jeugdhulp-datamap.");
    std::filesystem::remove_all(dir.root);
  }
  bool seeded = std::filesystem::exists(dir.KeyFile());
  std::string beheerder;
  if (!seeded) {
    // Initialising opens the store, which starts SQLite: its page pool must be in place first.
    app::UseServePagePool(*options);
    Clock clock;
    auto token = app::InitDataDir(dir, clock, "GM9999");
    if (!token.ok()) return Fail(token.error());
    beheerder = *token;
  }
  auto seed = [&](services::Env& env) -> Status {
    if (seeded) {
      std::printf("Demoregio bestaat al in %s; gebruik --fresh voor nieuwe tokens.\n",
                  o.data.c_str());
      return {};
    }
    // Seeding is the system's own work and is logged like any request.
    audit::Trail trail = audit::SystemTrail(env.vault, env.clock);
    services::Env seeding{env.store, env.vault, env.clock, &trail, nullptr};
    JH_ASSIGN_OR_RETURN(auto logins, app::SeedDemoRegion(seeding, beheerder));
    std::printf("\nJeugdhulp demoregio Demodam (GM9999) — tokens per rol:\n\n");
    for (const auto& l : logins) std::printf("  %-58s %s\n", l.wie.c_str(), l.token.c_str());
    std::printf(
        "\nWebpagina's: http://%s/ — plak een token hierboven in het aanmeldscherm.\n"
        "API: http://%s/api/v1 (Authorization: Bearer <token>)\n"
        "Documentatie: http://%s/api/v1/openapi.json — stoppen: Ctrl-C.\n\n",
        o.listen.c_str(), o.listen.c_str(), o.listen.c_str());
    std::fflush(stdout);
    return {};
  };
  return app::Serve(*options, seed);
}

int RunAdmin(const CommonOptions& o) {
  auto opened = app::OpenDataDir(Dir(o));
  if (!opened.ok()) return Fail(opened.error());
  std::optional<Date> today;
  if (!o.today.empty()) today = Date::Parse(o.today);
  Clock clock(today);
  services::Env env{*opened->store, *opened->vault, clock, nullptr, nullptr, opened->ledger.get()};
  api::Api api(env, nullptr, kApiVersion);
  api::RegisterAll(api);
  http::Request req;
  req.method = o.admin_args.at(0);
  std::string target = o.admin_args.at(1);
  req.path = target.substr(0, target.find('?'));
  if (target.find('?') != std::string::npos) req.query = target.substr(target.find('?') + 1);
  if (o.admin_args.size() == 3) {
    req.body = o.admin_args[2] == "-" ? std::string(std::istreambuf_iterator<char>(std::cin), {})
                                      : o.admin_args[2];
    req.headers["content-type"] = "application/json";
  }
  req.received = std::chrono::steady_clock::now();
  auth::Actor system = auth::Actor::System();
  http::Response resp = api.Handle(req, &system);
  std::printf("%s\n", resp.body.c_str());
  return resp.status >= 200 && resp.status < 300 ? 0 : 1;
}

int RunOpenApi() {
  NoStore store;
  auto vault = crypto::Vault::ForTesting("openapi");
  Clock clock;
  services::Env env{store, *vault, clock};
  api::Api api(env, nullptr, kApiVersion);
  api::RegisterAll(api);
  std::printf("%s\n", api::OpenApiDocument(api).dump(2).c_str());
  return 0;
}

int RunAuditVerify(const CommonOptions& o) {
  if (o.audit_data.empty()) return Fail("audit verify: --data DIR is verplicht.");
  if (!crypto::Init().ok()) return Fail("libsodium kan niet worden gestart.");
  const app::DataDir dir{o.audit_data, o.database};
  const bool sqlite = dir.database_url.empty();
  std::error_code ec;
  // OpenSqlite would create an empty database, which would then verify as intact.
  if (sqlite && !std::filesystem::is_regular_file(dir.Database(), ec)) {
    return Fail("Geen database in " + o.audit_data + " (jeugdhulp init --data DIR).");
  }
  // The checkpoint first: it is written only after its records were committed, so every
  // record it names is in the snapshots Verify reads afterwards.
  int checkpoint_files = 0;
  auto checkpoint = app::ReadCheckpoints(dir, &checkpoint_files);
  if (!checkpoint.ok()) return Unreadable("checkpoint onleesbaar", checkpoint.error());
  // Opened without the checkpoint hook (not through OpenDataDir): verifying must never move
  // the checkpoint, and needs no master key.
  auto store = app::OpenStoreOnly(dir);
  if (!store.ok()) return Unreadable("niet te openen", store.error());
  auto report = audit::Verify(**store, *checkpoint);
  if (!report.ok()) return Unreadable("onleesbaar of beschadigd", report.error());
  // SQLite's check of its file; PostgreSQL keeps its own files (checksums, amcheck are the
  // operator's tools there).
  auto integrity = sqlite ? IntegrityCheck(**store) : Result<std::string>(std::string("ok"));
  if (!integrity.ok()) return Unreadable("integrity_check mislukt", integrity.error());

  for (audit::Chain chain : {audit::Chain::kVerwerkingen, audit::Chain::kBesluiten}) {
    const auto i = static_cast<size_t>(chain);
    // head: the newest record of any lane; lanes: how many lanes hold records.
    int64_t head = 0;
    for (const auto& [lane, h] : report->lane_heads.at(i)) head = std::max(head, h.seq);
    std::printf("%-12s records=%lld head=%lld lanes=%zu\n",
                std::string(audit::ChainName(chain)).c_str(),
                static_cast<long long>(report->records.at(i)), static_cast<long long>(head),
                report->lane_heads.at(i).size());
  }
  std::optional<audit::Break> broken = report->first_break;
  if (!broken && checkpoint->empty()) broken = MissingCheckpoint(*report, checkpoint_files > 0);
  int code = 0;
  if (broken) {
    std::printf("BROKEN chain=%s seq=%lld: %s\n", broken->chain.c_str(),
                static_cast<long long>(broken->seq), broken->reason.c_str());
    code = 1;
  }
  if (*integrity != "ok") {
    std::printf("BROKEN database: integrity_check: %s\n", integrity->c_str());
    code = 1;
  }
  if (code == 0) std::printf("OK: de ketens en de database zijn intact\n");
  return code;
}

}  // namespace jh::cli
