#include "importer/batch.h"

#include "audit/register.h"
#include "services/keyring.h"
#include "services/personen_opslag.h"
#include "services/write.h"

namespace jh::importer {

namespace {

// The person's own INSERT; a BSN already stored makes it change nothing (the unique
// bsn_index), which reports the duplicate without failing the batch. Portable: PostgreSQL
// has the same ON CONFLICT clause.
const std::string& InsertPersoonOrSkip() {
  static const std::string sql =
      std::string(services::kInsertPersoonSql) + " ON CONFLICT (bsn_index) DO NOTHING";
  return sql;
}

struct Ouder {
  std::string id;
  std::string geboortedatum;
};

// The living, not erased person with this BSN index: earlier in this batch, in an earlier
// batch, or registered before the import.
Result<std::optional<Ouder>> FindOuder(store::Tx& tx, const store::Blob& bsn_index) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT id, geboortedatum FROM personen WHERE bsn_index = $1 "
                               "AND vernietigd_op IS NULL",
                               {bsn_index}));
  if (rows.empty()) return std::optional<Ouder>();
  return std::optional<Ouder>(Ouder{rows[0].Text(0), rows[0].Text(1)});
}

}  // namespace

Result<PreparedRow> PrepareLine(const LineParser& parser, const crypto::Vault& vault,
                                std::string_view line, const Date& today, const std::string& now) {
  JH_ASSIGN_OR_RETURN(ImportRecord record, parser.Parse(line, today));
  PreparedRow row;
  record.persoon.id = crypto::NewUuid();
  row.id = record.persoon.id;
  row.geboortedatum = record.persoon.geboortedatum.ToString();
  services::FreshDataKey key = services::MakeDataKey(vault, row.id);
  row.persoon = services::PersoonRow(vault, key.key, record.persoon, now);
  row.sealed_key = std::move(key.sealed);
  if (record.ouder) row.ouder_index = store::Blob{vault.BsnIndex(*record.ouder)};
  return row;
}

Status WriteRows(services::Env& env, store::Tx& tx, const std::vector<PreparedRow>& rows,
                 std::vector<Refusal>& refused, int64_t& written) {
  for (const PreparedRow& row : rows) {
    std::optional<Ouder> ouder;
    if (row.ouder_index) {
      JH_ASSIGN_OR_RETURN(ouder, FindOuder(tx, *row.ouder_index));
      if (!ouder) {
        refused.push_back({row.line, "ouderBsn",
                           "De ouder staat niet eerder in het bestand en ook niet in de opslag."});
        continue;
      }
      // As CreateGezagsrelatie: the parent must be born before the child.
      if (ouder->geboortedatum >= row.geboortedatum) {
        refused.push_back({row.line, "ouderBsn", "De ouder is niet ouder dan het kind."});
        continue;
      }
    }
    JH_ASSIGN_OR_RETURN(int64_t inserted, tx.Exec(InsertPersoonOrSkip(), row.persoon));
    if (inserted == 0) {
      refused.push_back({row.line, "bsn", "Er is al een persoon met dit BSN geregistreerd."});
      continue;
    }
    JH_TRY(services::StoreDataKey(tx, row.id, row.sealed_key));
    services::Processed(env, audit::kBrpBeheer, "persoon importeren", "persoon", row.id);
    if (ouder) {
      JH_TRY(
          tx.Exec("INSERT INTO gezagsrelaties (kind_id, ouder_id, aangemaakt_op) "
                  "VALUES ($1, $2, $3)",
                  {row.id, ouder->id, std::get<std::string>(row.persoon.back())}));
      services::Processed(env, audit::kBrpBeheer, "gezag vastleggen", "persoon", row.id);
      services::Processed(env, audit::kBrpBeheer, "gezag vastleggen", "persoon", ouder->id);
    }
    ++written;
  }
  return {};
}

}  // namespace jh::importer
