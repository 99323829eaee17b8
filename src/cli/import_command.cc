// `jeugdhulp import --data DIR FILE [--format csv|jsonl] [--today YYYY-MM-DD]`: the command
// line around importer/pipeline.h — options, the input, the data directory, the report.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/data_dir.h"
#include "audit/trail.h"
#include "cli/commands.h"
#include "importer/pipeline.h"

namespace jh::cli {

namespace {

// The writer's page cache: the indexes with random keys that each person adds to (id, BSN
// and address hashes, the log's pseudonyms) stay in memory up to some millions of persons;
// see docs/performance.md.
constexpr int kCacheKib = 1024 * 1024;

int Usage(const std::string& message) {
  std::fprintf(stderr, "jeugdhulp import: %s\n", message.c_str());
  return 2;
}

// The format named by --format, else by the file's extension. nullopt: cannot tell.
std::optional<importer::Format> ChooseFormat(const CommonOptions& o) {
  std::string name = o.import_format;
  if (name.empty() && o.import_file != "-") {
    name = std::filesystem::path(o.import_file).extension().string();
    if (!name.empty()) name.erase(0, 1);
    if (name == "ndjson") name = "jsonl";
  }
  if (name == "csv") return importer::Format::kCsv;
  if (name == "jsonl") return importer::Format::kJsonl;
  return std::nullopt;
}

}  // namespace

void AddImportOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--data", o.data, "Datamap (verplicht)")->required();
  app.add_option("file", o.import_file, "CSV- of JSONL-bestand; - leest van stdin")->required();
  app.add_option("--format", o.import_format, "csv of jsonl (standaard: naar de extensie)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  app.add_option("--today", o.today, "Vaste datum voor de regels (JJJJ-MM-DD)");
  AddDatabaseOption(app, o);
  app.add_option("--batch-size", o.import_batch, "Regels per transactie")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  app.add_option("--workers", o.import_workers, "Threads die lezen en versleutelen (0: per kern)")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  app.footer(
      "Kolommen (CSV-kop, of JSONL-velden): bsn, voornamen, geslachtsnaam, geboortedatum, "
      "geslacht (M|V|O), gemeentecode (GM+4 cijfers), postcode (1234AB), huisnummer, en "
      "optioneel ouderBsn (een ouder met gezag, eerder in het bestand of al opgeslagen).\n"
      "Per geweigerde regel op stderr: regel N: veld X: reden (nooit een BSN). Op stdout: "
      "IMPORTED=<n> REFUSED=<m>. Exitcode 0 alles ingelezen, 1 regels geweigerd, 2 gebruik "
      "of omgeving.\n"
      "Een server mag tegelijk op dezelfde datamap draaien: elke batch is een transactie; "
      "schrijfacties van de server wachten zolang een batch schrijft.");
}

int RunImport(const CommonOptions& o) {
  const std::optional<importer::Format> format = ChooseFormat(o);
  if (!format) return Usage("geef --format csv of --format jsonl (extensie onbekend).");
  std::optional<Date> today;
  if (!o.today.empty()) {
    today = Date::Parse(o.today);
    if (!today) return Usage("--today verwacht JJJJ-MM-DD.");
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  uint64_t total_bytes = 0;
  if (o.import_file != "-") {
    file.open(o.import_file, std::ios::binary);
    if (!file) return Usage("het bestand kan niet worden geopend.");
    std::error_code ec;
    total_bytes = std::filesystem::file_size(o.import_file, ec);
    if (ec) total_bytes = 0;
    in = &file;
  } else {
    std::ios::sync_with_stdio(false);
  }
  store::SqliteOptions store_options;
  store_options.writer_cache_kib = kCacheKib;
  auto opened = app::OpenDataDir(app::DataDir{o.data, o.database}, store_options);
  if (!opened.ok()) return Usage(Reason(opened.error()));

  Clock clock(today);
  audit::Trail trail = audit::SystemTrail(*opened->vault, clock);
  services::Env env{*opened->store, *opened->vault, clock, &trail, nullptr};
  importer::ImportOptions options;
  options.format = *format;
  options.today = clock.Today();
  options.batch_size = static_cast<size_t>(o.import_batch);
  options.workers = o.import_workers > 0
                        ? o.import_workers
                        : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  importer::Progress progress(::isatty(STDERR_FILENO) == 1, total_bytes);
  importer::ImportSummary summary =
      importer::RunImport(env, *in, options, progress, [&](const importer::Refusal& r) {
        progress.Print("regel " + std::to_string(r.line) + ": veld " + r.field + ": " + r.reason);
      });
  std::printf("IMPORTED=%lld REFUSED=%lld\n", static_cast<long long>(summary.imported),
              static_cast<long long>(summary.refused));
  std::fflush(stdout);
  if (summary.failure) {
    return Usage("afgebroken: " + Reason(*summary.failure) +
                 " Eerder vastgelegde batches blijven ingelezen.");
  }
  return summary.refused > 0 ? 1 : 0;
}

}  // namespace jh::cli
