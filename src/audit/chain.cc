// The hash chains: their columns, the record hash, reading the head and appending. Verify is
// in verify.cc.
#include "audit/chain.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "crypto/sha256.h"

namespace jh::audit {

namespace {

constexpr size_t kChainHashSize = crypto_hash_sha256_BYTES;

// One chain's table and the SQL derived from it once.
struct ChainDef {
  ChainDef(std::string n, std::vector<std::string> cols, const std::vector<std::string>& ints);
  std::string name;
  std::vector<std::string> columns;
  std::vector<bool> is_int;  // per column: BIGINT (else TEXT)
  std::string head_sql;
  std::string insert_sql;
};

ChainDef::ChainDef(std::string n, std::vector<std::string> cols,
                   const std::vector<std::string>& ints)
    : name(std::move(n)), columns(std::move(cols)) {
  std::string list;
  std::string values = "$1";
  for (size_t i = 0; i < columns.size(); ++i) {
    is_int.push_back(std::find(ints.begin(), ints.end(), columns[i]) != ints.end());
    list += columns[i] + ", ";
  }
  for (size_t i = 0; i < columns.size() + 4; ++i) values += ", $" + std::to_string(i + 2);
  // Within a lane prev_seq grows with seq: the unique index (baan, prev_seq) finds the head.
  head_sql = "SELECT seq, hash FROM " + name + " WHERE baan = $1 ORDER BY prev_seq DESC LIMIT 1";
  insert_sql = "INSERT INTO " + name + " (seq, baan, prev_seq, " + list +
               "prev_hash, hash) VALUES (" + values + ")";
}

// The columns of 0002_verantwoording.sql in table order, without seq, prev_hash and hash.
// status_code is the only BIGINT; every other data column is TEXT. Function-local statics,
// so that no other file's static initialisation can see them unconstructed.
const ChainDef& Def(Chain chain) {
  static const ChainDef verwerkingen{
      "verwerkingen",
      {"trace_id", "span_id", "parent_span_id", "name", "start_time", "end_time", "status_code",
       "resource_name", "resource_version", "activity_id", "subject_id", "subject_id_type",
       "controller_id", "actor_kind", "actor_id", "actor_rol"},
      {"status_code"}};
  static const ChainDef besluiten{
      "besluiten",
      {"tijdstip", "trace_id", "span_id", "subject_kind", "subject_id", "subject_rol",
       "subject_organisatie", "action", "resource_type", "resource_id", "decision", "rule",
       "ground", "reason", "ruleset_version"},
      {}};
  return chain == Chain::kVerwerkingen ? verwerkingen : besluiten;
}

std::optional<int64_t> ParseCanonicalInt(std::string_view text) {
  int64_t n = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  auto [p, ec] = std::from_chars(begin, end, n);
  // Only the form std::to_string gives back, so the stored integer hashes as the same text.
  if (ec != std::errc() || p != end || std::to_string(n) != text) return std::nullopt;
  return n;
}

void PutU64(std::string& message, uint64_t v) {
  std::array<char, 8> b{};
  for (int i = 7; i >= 0; --i, v >>= 8) b[i] = static_cast<char>(v & 0xff);
  message.append(b.data(), b.size());
}

// Lanes append in parallel: seq comes from the sequence both chains share (0010), reserved
// 32 values at a time. Within the lane they stay ascending; across lanes a record may
// carry a lower seq than one another process appended a moment before, as it already could
// when two transactions committed in the other order than they drew their values.
constexpr const char* kReserveSeqsSql = "SELECT nextval('keten_seq') FROM generate_series(1, 32)";

Result<int64_t> NextLaneSeq(store::Tx& tx, store::LaneState& lane) {
  if (lane.next_seq >= lane.seqs.size()) {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(kReserveSeqsSql));
    if (rows.empty()) return Error::Internal("audit: keten_seq gaf geen waarde");
    lane.seqs.clear();
    lane.next_seq = 0;
    for (const store::Row& row : rows) lane.seqs.push_back(row.Int(0));
    std::sort(lane.seqs.begin(), lane.seqs.end());
  }
  return lane.seqs[lane.next_seq++];
}

}  // namespace

std::string_view ChainName(Chain chain) { return Def(chain).name; }

const std::vector<std::string>& ChainColumns(Chain chain) { return Def(chain).columns; }

std::string RecordHash(Chain chain, std::string_view prev_hash, int64_t seq,
                       const std::vector<std::string>& fields, int64_t lane) {
  // Domain separation: a record of one chain can never verify as one of the other, nor one
  // of one lane as one of another. Lane 0 keeps the form it had before lanes existed.
  std::string domain = "jeugdhulp/" + std::string(ChainName(chain)) + "/v1";
  if (lane != 0) domain += "/baan/" + std::to_string(lane);
  size_t size = domain.size() + prev_hash.size() + 8;
  for (const auto& f : fields) size += 8 + f.size();
  // The message is hashed in one piece (crypto/sha256.h): one call instead of two per field.
  std::string message;
  message.reserve(size);
  message += domain;
  message += prev_hash;
  PutU64(message, static_cast<uint64_t>(seq));
  for (const auto& f : fields) {
    PutU64(message, f.size());
    message += f;
  }
  return crypto::Sha256(message);
}

Result<Head> ReadHead(store::Tx& tx, Chain chain, int64_t lane) {
  JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(Def(chain).head_sql, {lane}));
  Head head;
  head.hash.assign(kChainHashSize, '\0');
  if (rows.empty()) return head;
  head.seq = rows[0].Int(0);
  head.hash = rows[0].Bytes(1);
  return head;
}

Result<Head> Append(store::Tx& tx, Chain chain, const std::vector<std::string>& fields,
                    HeadCache* cache) {
  const ChainDef& def = Def(chain);
  if (fields.size() != def.columns.size()) {
    return Error::Internal("audit: " + def.name + " verwacht " +
                           std::to_string(def.columns.size()) + " velden, kreeg er " +
                           std::to_string(fields.size()));
  }
  std::vector<store::Value> params;
  params.reserve(fields.size() + 5);
  params.resize(3, store::Value{int64_t{0}});  // seq, baan, prev_seq: filled in below
  for (size_t i = 0; i < fields.size(); ++i) {
    if (!def.is_int[i]) {
      params.emplace_back(fields[i]);
      continue;
    }
    // Stored as BIGINT and hashed as its text, so the text must be the one the integer
    // reads back as; anything else could never verify.
    std::optional<int64_t> n = ParseCanonicalInt(fields[i]);
    if (!n) return Error::Internal("audit: " + def.columns[i] + " is geen geheel getal");
    params.emplace_back(*n);
  }
  // The head this record links to, and its seq.
  store::LaneState* lane = tx.Lane();
  const auto index = static_cast<size_t>(chain);
  Head head;
  int64_t seq = 0;
  std::optional<Head>* cached = cache != nullptr ? &cache->heads[index] : nullptr;
  if (lane == nullptr) {
    // Lane 0: the store runs appends one at a time, so the next seq is the head's plus one.
    if (cached != nullptr && *cached) {
      head = **cached;
    } else {
      JH_ASSIGN_OR_RETURN(head, ReadHead(tx, chain, 0));
    }
    seq = head.seq + 1;
  } else {
    std::optional<store::LaneState::Head>& known = lane->pending[index];
    if (!known && !lane->stale) known = lane->committed[index];
    if (!known) {
      JH_ASSIGN_OR_RETURN(Head read, ReadHead(tx, chain, lane->lane));
      known = store::LaneState::Head{read.seq, read.hash};
    }
    head = Head{known->seq, known->hash};
    JH_ASSIGN_OR_RETURN(seq, NextLaneSeq(tx, *lane));
  }
  const int64_t lane_id = lane ? lane->lane : 0;
  Head appended{seq, RecordHash(chain, head.hash, seq, fields, lane_id)};
  params[0] = seq;
  params[1] = lane_id;
  params[2] = head.seq;
  params.emplace_back(store::Blob{head.hash});
  params.emplace_back(store::Blob{appended.hash});
  auto inserted = tx.Exec(def.insert_sql, std::move(params));
  if (!inserted.ok()) {
    // Another writer linked to the same record of this lane first (the unique index of
    // 0010): the heads kept for the lane are out of date.
    if (lane != nullptr && inserted.error().code == ErrorCode::kConflict) lane->stale = true;
    return std::move(inserted).error();
  }
  if (lane != nullptr) lane->pending[index] = store::LaneState::Head{appended.seq, appended.hash};
  if (lane == nullptr && cached != nullptr) *cached = appended;
  return appended;
}

}  // namespace jh::audit
