// Verify: walks each chain in seq order, a page at a time, inside one read snapshot per chain,
// and recomputes every hash; then holds the chain against the checkpointed head.
//
// Per record, in this order (the first failure is the break):
//   1. seq is an integer and the next one (starts at 1, no gaps, no duplicates);
//   2. the data fields are text or integers and the hashes are 32 bytes;
//   3. prev_hash is the previous record's hash (32 zero bytes for seq 1);
//   4. the hash recomputed from prev_hash, seq and the fields is the stored hash.
// After the walk: every row of the table was part of the walk (a row with a NULL seq, which
// SQLite allows in a non-INTEGER primary key, is invisible to "seq > n"), and the record at
// the checkpointed seq exists with the checkpointed hash.
#include <sodium.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "audit/chain.h"

namespace jh::audit {

namespace {

// Bounds the memory of a walk: 10M records are never in memory at once.
constexpr int64_t kPageSize = 10000;
constexpr size_t kHashSize = crypto_hash_sha256_BYTES;

std::string ColumnList(Chain chain) {
  std::string list;
  for (const auto& c : ChainColumns(chain)) list += c + ", ";
  return list;
}

// The state of one chain's walk.
class Walk {
 public:
  Walk(Chain chain, std::optional<Head> checkpointed)
      : chain_(chain), checkpointed_(std::move(checkpointed)), prev_(kHashSize, '\0') {}

  // Checks the next row (seq, fields..., prev_hash, hash); false once the chain is broken.
  bool Next(const store::Row& row);
  // The checks after the last row: `rows` is the number of rows of the table.
  void Finish(int64_t rows);

  const std::optional<Break>& broken() const { return break_; }
  int64_t records() const { return records_; }
  int64_t last_seq() const { return expected_ - 1; }
  Head head() const { return Head{expected_ - 1, prev_}; }

 private:
  bool Fail(int64_t seq, std::string reason) {
    break_ = Break{std::string(ChainName(chain_)), seq, std::move(reason)};
    return false;
  }

  const Chain chain_;
  const std::optional<Head> checkpointed_;
  int64_t expected_ = 1;  // the seq the next record must have
  std::string prev_;      // the hash of the last good record
  int64_t records_ = 0;
  std::optional<std::string> hash_at_checkpoint_;
  std::optional<Break> break_;
};

bool Walk::Next(const store::Row& row) {
  const size_t n = ChainColumns(chain_).size();
  const auto* seq = std::get_if<int64_t>(&row.at(0));
  if (seq == nullptr) return Fail(expected_, "het volgnummer is geen geheel getal");
  if (*seq < expected_) {
    return Fail(*seq, "volgnummer " + std::to_string(*seq) + " komt dubbel voor");
  }
  if (*seq > expected_) {
    return Fail(expected_, "record ontbreekt: na " + std::to_string(expected_ - 1) + " volgt " +
                               std::to_string(*seq));
  }
  std::vector<std::string> fields;
  fields.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const store::Value& v = row.at(i + 1);
    if (const auto* t = std::get_if<std::string>(&v)) {
      fields.push_back(*t);
    } else if (const auto* k = std::get_if<int64_t>(&v)) {
      // An integer column hashes as its decimal text (Append accepts only that form).
      fields.push_back(std::to_string(*k));
    } else {
      return Fail(*seq, "veld " + ChainColumns(chain_)[i] + " is leeg of binair");
    }
  }
  const auto* prev = std::get_if<store::Blob>(&row.at(n + 1));
  const auto* hash = std::get_if<store::Blob>(&row.at(n + 2));
  if (prev == nullptr || hash == nullptr || prev->bytes.size() != kHashSize ||
      hash->bytes.size() != kHashSize) {
    return Fail(*seq, "prev_hash of hash is geen hash van 32 bytes");
  }
  if (prev->bytes != prev_) {
    return Fail(
        *seq, *seq == 1 ? "prev_hash van het eerste record is niet nul"
                        : "prev_hash wijkt af van de hash van record " + std::to_string(*seq - 1));
  }
  if (RecordHash(chain_, prev->bytes, *seq, fields) != hash->bytes) {
    return Fail(*seq, "de hash klopt niet met de inhoud van het record");
  }
  if (checkpointed_ && checkpointed_->seq == *seq) hash_at_checkpoint_ = hash->bytes;
  prev_ = hash->bytes;
  ++expected_;
  ++records_;
  return true;
}

void Walk::Finish(int64_t rows) {
  if (break_) return;
  if (rows != records_) {
    Fail(0, std::to_string(rows - records_) +
                " rij(en) buiten de keten (zonder volgnummer of dubbel)");
    return;
  }
  if (!checkpointed_ || checkpointed_->seq <= 0) return;  // seq 0: empty when checkpointed
  if (!hash_at_checkpoint_) {
    Fail(checkpointed_->seq, "record " + std::to_string(checkpointed_->seq) +
                                 " uit het checkpoint ontbreekt: de keten is ingekort");
  } else if (*hash_at_checkpoint_ != checkpointed_->hash) {
    Fail(checkpointed_->seq, "de hash wijkt af van het checkpoint: de keten is herschreven");
  }
}

// Walks one chain in one read snapshot: the rows counted are the rows walked.
Status WalkChain(store::Store& store, Chain chain, Walk& walk) {
  const std::string name(ChainName(chain));
  const std::string page_sql = "SELECT seq, " + ColumnList(chain) + "prev_hash, hash FROM " + name +
                               " WHERE seq > $1 ORDER BY seq LIMIT $2";
  const std::string count_sql = "SELECT COUNT(*) FROM " + name;
  return store.Read([&](store::Tx& tx) -> Status {
    int64_t after = 0;
    for (;;) {
      JH_ASSIGN_OR_RETURN(store::Rows page, tx.Query(page_sql, {after, kPageSize}));
      for (const store::Row& row : page) {
        if (!walk.Next(row)) return {};
      }
      if (static_cast<int64_t>(page.size()) < kPageSize) break;
      after = walk.last_seq();
    }
    JH_ASSIGN_OR_RETURN(store::Rows count, tx.Query(count_sql));
    walk.Finish(count.empty() ? 0 : count[0].Int(0));
    return {};
  });
}

}  // namespace

Result<VerifyReport> Verify(store::Store& store,
                            const std::optional<std::vector<Head>>& checkpoint) {
  VerifyReport report;
  for (Chain chain : {Chain::kVerwerkingen, Chain::kBesluiten}) {
    const size_t i = static_cast<size_t>(chain);
    std::optional<Head> checkpointed;
    if (checkpoint && i < checkpoint->size()) checkpointed = (*checkpoint)[i];
    Walk walk(chain, checkpointed);
    JH_TRY(WalkChain(store, chain, walk));
    report.heads.push_back(walk.head());
    report.records.push_back(walk.records());
    if (walk.broken() && !report.first_break) report.first_break = walk.broken();
  }
  return report;
}

}  // namespace jh::audit
