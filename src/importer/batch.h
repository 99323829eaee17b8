// The two halves of importing a line: PrepareLine (parse, validate, make the person's data
// key, seal every field, compute the keyed indexes) needs no store and runs on worker
// threads; WriteRows runs inside the store's write transaction and does only what needs the
// store's state: the duplicate check, the parent lookup, the inserts and the log records.
// The rows are those of services/personen_opslag.h, so an imported person is stored exactly
// as one registered through POST /api/v1/personen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/vault.h"
#include "importer/line_parser.h"
#include "services/env.h"
#include "store/store.h"

namespace jh::importer {

// A refused line: "regel <line>: veld <field>: <reason>". Never holds a value of the line.
struct Refusal {
  int64_t line = 0;
  std::string field;
  std::string reason;
};

// A line, validated and sealed, ready for the store.
struct PreparedRow {
  int64_t line = 0;
  std::string id;
  std::string geboortedatum;               // YYYY-MM-DD, for the parent check
  std::vector<store::Value> persoon;       // the parameters of kInsertPersoonSql
  store::Blob sealed_key;                  // the person's data key, sealed by the master key
  std::optional<store::Blob> ouder_index;  // the keyed hash of the parent's BSN
};

// Parses, validates and seals one line; `now` becomes aangemaakt_op. Errors: the line's
// refusal (a field error, see record.h).
[[nodiscard]] Result<PreparedRow> PrepareLine(const LineParser& parser, const crypto::Vault& vault,
                                              std::string_view line, const Date& today,
                                              const std::string& now);

// Writes `rows` in order inside `tx` and records, in env.trail, "persoon importeren" for
// each person written (and "gezag vastleggen" for child and parent, as the API does). A row
// whose BSN is already stored (by an earlier line too), whose parent is unknown, or whose
// parent is not older is skipped and added to `refused`. `written` counts the persons
// written. Errors: store errors only; the caller's transaction then rolls back as a whole.
[[nodiscard]] Status WriteRows(services::Env& env, store::Tx& tx,
                               const std::vector<PreparedRow>& rows, std::vector<Refusal>& refused,
                               int64_t& written);

}  // namespace jh::importer
