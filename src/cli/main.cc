// jeugdhulp: init | serve | demo | admin | openapi | audit verify | import (API.md, "Command
// line").

#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "app/data_dir.h"
#include "app/demo.h"
#include "app/serve.h"
#include "cli/commands.h"
#include "core/log.h"

namespace {

void SetUpLogging(const std::string& level) { jh::log::Init(level); }

}  // namespace

int main(int argc, char** argv) {
  // Everything this process creates (store, WAL, keys) is readable by its owner only.
  ::umask(077);
  CLI::App cli{"Jeugdhulp: samenwerking rond jeugdhulp binnen de privacywet."};
  cli.require_subcommand(1);
  std::string log_level = "info";
  cli.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  jh::cli::CommonOptions common;
  auto* init = cli.add_subcommand("init", "Maakt de opslag en sleutels; toont BEHEERDER_TOKEN.");
  jh::cli::AddInitOptions(*init, common);
  auto* serve = cli.add_subcommand("serve", "Bedient de API en de webpagina's.");
  jh::cli::AddServeOptions(*serve, common);
  auto* demo = cli.add_subcommand("demo", "Demoregio: init, vullen, tokens tonen, bedienen.");
  jh::cli::AddServeOptions(*demo, common);
  demo->add_flag("--fresh", common.fresh, "Begin met een lege datamap (verwijdert de oude).");
  auto* admin = cli.add_subcommand("admin", "Beheer vanaf de opdrachtregel: METHOD PATH [JSON].");
  jh::cli::AddAdminOptions(*admin, common);
  auto* openapi = cli.add_subcommand("openapi", "Drukt het OpenAPI-document af.");
  auto* audit = cli.add_subcommand("audit", "Verantwoording: de logboekketens.");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Controleert de hashketens en de database.");
  jh::cli::AddAuditVerifyOptions(*audit_verify, common);
  auto* purge =
      cli.add_subcommand("purge", "Past de bewaartermijnen nu toe (VIR-11, VIR-12, VT-08, JW-09).");
  jh::cli::AddPurgeOptions(*purge, common);
  auto* backup = cli.add_subcommand("backup", "Maakt een back-up van de opslag (zonder sleutel).");
  jh::cli::AddBackupOptions(*backup, common);
  auto* restore = cli.add_subcommand("restore", "Zet een back-up terug (server gestopt).");
  jh::cli::AddRestoreOptions(*restore, common);
  auto* import_cmd = cli.add_subcommand(
      "import",
      "Leest personen in bulk in (CSV of JSONL) in de lokale BRP; mag naast een draaiende "
      "server op dezelfde datamap.");
  jh::cli::AddImportOptions(*import_cmd, common);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, as documented.
    return cli.exit(e) == 0 ? 0 : 2;
  }
  SetUpLogging(log_level);

  if (init->parsed()) return jh::cli::RunInit(common);
  if (serve->parsed()) return jh::cli::RunServe(common);
  if (demo->parsed()) return jh::cli::RunDemo(common);
  if (admin->parsed()) return jh::cli::RunAdmin(common);
  if (openapi->parsed()) return jh::cli::RunOpenApi();
  if (audit_verify->parsed()) return jh::cli::RunAuditVerify(common);
  if (purge->parsed()) return jh::cli::RunPurge(common);
  if (backup->parsed()) return jh::cli::RunBackup(common);
  if (restore->parsed()) return jh::cli::RunRestore(common);
  if (import_cmd->parsed()) return jh::cli::RunImport(common);
  return 2;
}
