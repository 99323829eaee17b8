// The subcommands of the jeugdhulp binary; each returns the process exit code
// (0 ok, 1 refused or failed, 2 usage or environment error).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/serve.h"

namespace jh::cli {

struct CommonOptions {
  std::string data = ".data";
  std::string listen = "127.0.0.1:8080";
  std::string today;  // YYYY-MM-DD or ""
  std::string database;
  std::string gemeentecode = "GM0000";
  int io_threads = 2;
  int workers = 64;
  int max_connections = 1024;
  int read_timeout_ms = 10000;
  int idle_timeout_ms = 30000;
  int cache_mib = 256;  // serve on SQLite: the writer's page cache (ServeOptions::writer_cache_mib)
  bool no_group_commit = false;
  int webhook_backoff_ms = 1000;    // tests only: first retry delay of webhook deliveries
  bool bench_no_audit = false;      // benchmarks only: no processing/decision logs (hidden flag)
  bool test_rerun_batches = false;  // tests only: every write batch runs twice (hidden flag)
  bool fresh = false;
  std::vector<std::string> admin_args;  // METHOD PATH [JSON]
  std::string backup_file;              // backup --to, restore --from
  std::string audit_data;  // audit verify --data: no default, verifying ".data" by accident
                           // would prove nothing
  // import
  std::string import_file;    // FILE or "-" for stdin
  std::string import_format;  // "csv", "jsonl" or "" (from the file's extension)
  int import_batch = 5000;
  int import_workers = 0;  // 0: one per core
};

// --database postgresql://…: the data in PostgreSQL, the master key still in --data. CLI11
// checks the form before anything is opened; the value is never echoed (it may hold a
// password).
void AddDatabaseOption(CLI::App& app, CommonOptions& o);
void AddInitOptions(CLI::App& app, CommonOptions& o);
void AddServeOptions(CLI::App& app, CommonOptions& o);
void AddAdminOptions(CLI::App& app, CommonOptions& o);
void AddAuditVerifyOptions(CLI::App& app, CommonOptions& o);
void AddPurgeOptions(CLI::App& app, CommonOptions& o);
void AddBackupOptions(CLI::App& app, CommonOptions& o);
void AddRestoreOptions(CLI::App& app, CommonOptions& o);
void AddImportOptions(CLI::App& app, CommonOptions& o);

// What a failed command prints: an Error's reasons ("from: De hoofdsleutel … past niet"),
// else its message. Reasons never hold a BSN (core/result.h), so neither does the line.
std::string Reason(const Error& e);

int RunInit(const CommonOptions& o);
int RunServe(const CommonOptions& o);
int RunDemo(const CommonOptions& o);
int RunAdmin(const CommonOptions& o);
int RunOpenApi();
// Checks the audit chains and the database file; prints a summary per chain, or
// "BROKEN chain=<name> seq=<n>: <reason>" (or "BROKEN database: …" for a store it cannot
// read) and returns 1. Usage errors (no --data, no database there) return 2.
int RunAuditVerify(const CommonOptions& o);
// Applies the retention rules now (VIR-11, VIR-12); prints what it removed as KEY=count lines.
int RunPurge(const CommonOptions& o);
// A consistent copy of the store to --to (not the master key; app/backup.h).
int RunBackup(const CommonOptions& o);
// Puts --from back into --data (server stopped, same master key; app/backup.h).
int RunRestore(const CommonOptions& o);
// Bulk import of persons (importer/pipeline.h). Prints "regel N: veld X: reden" per refused
// line on stderr and "IMPORTED=<n> REFUSED=<m>" on stdout; returns 0 when every line was
// imported, 1 when a line was refused, 2 on a usage or environment error.
int RunImport(const CommonOptions& o);

}  // namespace jh::cli
