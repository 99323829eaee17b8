// Verify: walks each chain in seq order, a page at a time, inside one read snapshot per chain,
// and recomputes every hash; then holds each lane against its checkpointed head.
//
// Per record, in this order (the first failure is the break):
//   1. seq, baan and prev_seq are integers; seq grows; in lane 0 seq is the next one (starts
//      at 1, no gaps, no duplicates);
//   2. the data fields are text or integers and the hashes are 32 bytes;
//   3. prev_hash is the hash of the lane's previous record (32 zero bytes for its first);
//   4. prev_seq is that record's seq (0 for the lane's first);
//   5. the hash recomputed from prev_hash, seq, the fields and the lane is the stored hash.
// After the walk: every row of the table was part of the walk (a row with a NULL seq, which
// SQLite allows in a non-INTEGER primary key, is invisible to "seq > n"), and for each
// checkpointed lane the record at the checkpointed seq exists with the checkpointed hash.
#include <sodium.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "audit/chain.h"

namespace jh::audit {

namespace {

// Bounds the memory of a walk: 10M records are never in memory at once.
constexpr int64_t kPageSize = 10000;
constexpr size_t kVerifyHashSize = crypto_hash_sha256_BYTES;

std::string ColumnList(Chain chain) {
  std::string list;
  for (const auto& c : ChainColumns(chain)) list += c + ", ";
  return list;
}

// The state of one chain's walk.
class Walk {
 public:
  Walk(Chain chain, std::map<int64_t, Head> checkpointed)
      : chain_(chain), checkpointed_(std::move(checkpointed)) {}

  // Checks the next row (seq, baan, prev_seq, fields..., prev_hash, hash); false once the
  // chain is broken.
  bool Next(const store::Row& row);
  // The checks after the last row: `rows` is the number of rows of the table.
  void Finish(int64_t rows);

  const std::optional<Break>& broken() const { return break_; }
  int64_t records() const { return records_; }
  int64_t last_seq() const { return last_seq_; }
  // Each lane's last good record.
  std::map<int64_t, Head> heads() const;

 private:
  struct Lane {
    Head last{0, std::string(kVerifyHashSize, '\0')};
    std::optional<std::string> hash_at_checkpoint;
  };

  bool Fail(int64_t seq, std::string reason) {
    break_ = Break{std::string(ChainName(chain_)), seq, std::move(reason)};
    return false;
  }

  const Chain chain_;
  const std::map<int64_t, Head> checkpointed_;  // lane -> head
  std::map<int64_t, Lane> lanes_;
  int64_t last_seq_ = 0;  // of the last record walked, any lane
  int64_t records_ = 0;
  std::optional<Break> break_;
};

bool Walk::Next(const store::Row& row) {
  const size_t n = ChainColumns(chain_).size();
  const auto* seq = std::get_if<int64_t>(&row.at(0));
  if (seq == nullptr) return Fail(last_seq_ + 1, "het volgnummer is geen geheel getal");
  const auto* lane_id = std::get_if<int64_t>(&row.at(1));
  const auto* prev_seq = std::get_if<int64_t>(&row.at(2));
  if (lane_id == nullptr || prev_seq == nullptr || *lane_id < 0) {
    return Fail(*seq, "baan of prev_seq is geen geheel getal van 0 of meer");
  }
  if (*seq <= last_seq_) {
    return Fail(*seq, "volgnummer " + std::to_string(*seq) + " komt dubbel voor");
  }
  Lane& lane = lanes_[*lane_id];
  if (*lane_id == 0 && *seq != lane.last.seq + 1) {
    return Fail(lane.last.seq + 1, "record ontbreekt: na " + std::to_string(lane.last.seq) +
                                       " volgt " + std::to_string(*seq));
  }
  std::vector<std::string> fields;
  fields.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const store::Value& v = row.at(i + 3);
    if (const auto* t = std::get_if<std::string>(&v)) {
      fields.push_back(*t);
    } else if (const auto* k = std::get_if<int64_t>(&v)) {
      // An integer column hashes as its decimal text (Append accepts only that form).
      fields.push_back(std::to_string(*k));
    } else {
      return Fail(*seq, "veld " + ChainColumns(chain_)[i] + " is leeg of binair");
    }
  }
  const auto* prev = std::get_if<store::Blob>(&row.at(n + 3));
  const auto* hash = std::get_if<store::Blob>(&row.at(n + 4));
  if (prev == nullptr || hash == nullptr || prev->bytes.size() != kVerifyHashSize ||
      hash->bytes.size() != kVerifyHashSize) {
    return Fail(*seq, "prev_hash of hash is geen hash van 32 bytes");
  }
  const std::string in_lane = *lane_id == 0 ? "" : " in baan " + std::to_string(*lane_id);
  if (prev->bytes != lane.last.hash) {
    return Fail(*seq, lane.last.seq == 0
                          ? "prev_hash van het eerste record" + in_lane + " is niet nul"
                          : "prev_hash wijkt af van de hash van record " +
                                std::to_string(lane.last.seq) + in_lane);
  }
  if (*prev_seq != lane.last.seq) {
    return Fail(*seq, "prev_seq " + std::to_string(*prev_seq) + " wijst niet naar record " +
                          std::to_string(lane.last.seq) + in_lane);
  }
  if (RecordHash(chain_, prev->bytes, *seq, fields, *lane_id) != hash->bytes) {
    return Fail(*seq, "de hash klopt niet met de inhoud van het record");
  }
  if (auto point = checkpointed_.find(*lane_id);
      point != checkpointed_.end() && point->second.seq == *seq) {
    lane.hash_at_checkpoint = hash->bytes;
  }
  lane.last = Head{*seq, hash->bytes};
  last_seq_ = *seq;
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
  for (const auto& [lane_id, point] : checkpointed_) {
    if (point.seq <= 0) continue;  // seq 0: the lane was empty when checkpointed
    const std::string in_lane = lane_id == 0 ? "" : " (baan " + std::to_string(lane_id) + ")";
    auto lane = lanes_.find(lane_id);
    if (lane == lanes_.end() || !lane->second.hash_at_checkpoint) {
      Fail(point.seq, "record " + std::to_string(point.seq) + in_lane +
                          " uit het checkpoint ontbreekt: de keten is ingekort");
      return;
    }
    if (*lane->second.hash_at_checkpoint != point.hash) {
      Fail(point.seq,
           "de hash wijkt af van het checkpoint" + in_lane + ": de keten is herschreven");
      return;
    }
  }
}

std::map<int64_t, Head> Walk::heads() const {
  std::map<int64_t, Head> out;
  for (const auto& [lane_id, lane] : lanes_) out[lane_id] = lane.last;
  return out;
}

// Walks one chain in one read snapshot: the rows counted are the rows walked.
Status WalkChain(store::Store& store, Chain chain, Walk& walk) {
  const std::string name(ChainName(chain));
  const std::string page_sql = "SELECT seq, baan, prev_seq, " + ColumnList(chain) +
                               "prev_hash, hash FROM " + name +
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

Result<VerifyReport> Verify(store::Store& store, const LaneCheckpoints& checkpoints) {
  VerifyReport report;
  for (Chain chain : {Chain::kVerwerkingen, Chain::kBesluiten}) {
    const size_t i = static_cast<size_t>(chain);
    std::map<int64_t, Head> checkpointed;
    for (const auto& [lane, heads] : checkpoints) {
      if (i < heads.size()) checkpointed[lane] = heads[i];
    }
    Walk walk(chain, std::move(checkpointed));
    JH_TRY(WalkChain(store, chain, walk));
    std::map<int64_t, Head> heads = walk.heads();
    report.heads.push_back(heads.count(0) ? heads[0] : Head{0, std::string(kVerifyHashSize, '\0')});
    report.lane_heads.push_back(std::move(heads));
    report.records.push_back(walk.records());
    if (walk.broken() && !report.first_break) report.first_break = walk.broken();
  }
  return report;
}

Result<VerifyReport> Verify(store::Store& store,
                            const std::optional<std::vector<Head>>& checkpoint) {
  LaneCheckpoints checkpoints;
  if (checkpoint) checkpoints[0] = *checkpoint;
  return Verify(store, checkpoints);
}

}  // namespace jh::audit
