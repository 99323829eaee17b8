// The hash chains: their columns, the record hash, reading the head and appending. Verify is
// in verify.cc.
#include "audit/chain.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace jh::audit {

namespace {

constexpr size_t kHashSize = crypto_hash_sha256_BYTES;

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
  for (size_t i = 0; i < columns.size() + 2; ++i) values += ", $" + std::to_string(i + 2);
  head_sql = "SELECT seq, hash FROM " + name + " ORDER BY seq DESC LIMIT 1";
  insert_sql =
      "INSERT INTO " + name + " (seq, " + list + "prev_hash, hash) VALUES (" + values + ")";
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
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, n);
  // Only the form std::to_string gives back, so the stored integer hashes as the same text.
  if (ec != std::errc() || p != end || std::to_string(n) != text) return std::nullopt;
  return n;
}

void PutU64(crypto_hash_sha256_state& st, uint64_t v) {
  std::array<unsigned char, 8> b{};
  for (int i = 7; i >= 0; --i, v >>= 8) b[i] = static_cast<unsigned char>(v & 0xff);
  crypto_hash_sha256_update(&st, b.data(), b.size());
}

void PutBytes(crypto_hash_sha256_state& st, std::string_view s) {
  crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(s.data()), s.size());
}

}  // namespace

std::string_view ChainName(Chain chain) { return Def(chain).name; }

const std::vector<std::string>& ChainColumns(Chain chain) { return Def(chain).columns; }

std::string RecordHash(Chain chain, std::string_view prev_hash, int64_t seq,
                       const std::vector<std::string>& fields) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  // Domain separation: a record of one chain can never verify as one of the other.
  PutBytes(st, "jeugdhulp/" + std::string(ChainName(chain)) + "/v1");
  PutBytes(st, prev_hash);
  PutU64(st, static_cast<uint64_t>(seq));
  for (const auto& f : fields) {
    PutU64(st, f.size());
    PutBytes(st, f);
  }
  std::string out(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256_final(&st, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

Result<Head> ReadHead(store::Tx& tx, Chain chain) {
  JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(Def(chain).head_sql));
  Head head;
  head.hash.assign(kHashSize, '\0');
  if (rows.empty()) return head;
  head.seq = rows[0].Int(0);
  head.hash = rows[0].Bytes(1);
  return head;
}

Result<Head> Append(store::Tx& tx, Chain chain, const std::vector<std::string>& fields) {
  const ChainDef& def = Def(chain);
  if (fields.size() != def.columns.size()) {
    return Error::Internal("audit: " + def.name + " verwacht " +
                           std::to_string(def.columns.size()) + " velden, kreeg er " +
                           std::to_string(fields.size()));
  }
  std::vector<store::Value> params;
  params.reserve(fields.size() + 3);
  params.emplace_back(int64_t{0});  // seq, filled in below
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
  JH_ASSIGN_OR_RETURN(Head head, ReadHead(tx, chain));
  Head next;
  next.seq = head.seq + 1;
  next.hash = RecordHash(chain, head.hash, next.seq, fields);
  params[0] = next.seq;
  params.emplace_back(store::Blob{head.hash});
  params.emplace_back(store::Blob{next.hash});
  JH_TRY(tx.Exec(def.insert_sql, std::move(params)));
  return next;
}

}  // namespace jh::audit
