// The bulk import of persons (`jeugdhulp import`): reads lines, prepares them on a pool of
// worker threads (parse, validate, seal: batch.h) and writes them in file order, one batch
// of lines per store transaction, while the workers prepare the next batches.
//
// A batch is all or nothing: its persons, their data keys, gezag relations and processing
// records (one SystemTrail for the whole run, so the run is one trace in the log) commit in
// one transaction, or none of it does. A crash loses at most the batch in flight; batches
// committed before stay, and their lines can be found (by BSN) as duplicates when the file
// is imported again.
//
// The store may be shared with a running server: SQLite serialises the writers (each batch
// holds the write lock for its transaction; the server's writes wait for it, up to their
// busy timeout), the chains append after the head read inside each transaction, and the
// audit checkpoint is written under flock by whichever process committed.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>

#include "core/date.h"
#include "importer/batch.h"
#include "importer/line_parser.h"
#include "importer/progress.h"
#include "services/env.h"

namespace jh::importer {

struct ImportOptions {
  Format format = Format::kCsv;
  Date today;                // geboortedatum may not lie after it
  size_t batch_size = 5000;  // lines per transaction
  int workers = 2;           // threads that parse and seal
};

struct ImportSummary {
  int64_t imported = 0;
  int64_t refused = 0;
  // Set when the import stopped early (the store failed, the input could not be read);
  // batches committed before it stay imported.
  std::optional<Error> failure;
};

// Imports every line of `in`. `env` must carry a trail (the processing log). Each refused
// line goes to `report`, in line order, after its batch committed; `progress` is updated
// after each batch.
[[nodiscard]] ImportSummary RunImport(services::Env& env, std::istream& in,
                                      const ImportOptions& options, Progress& progress,
                                      const std::function<void(const Refusal&)>& report);

}  // namespace jh::importer
