// The two hash chains of the accountability logs, as tables of the store:
//   verwerkingen — the processing log (LDV form), one record per processing of personal data;
//   besluiten    — the authorisation decision log (ADL form), one record per decision.
//
// A record is a fixed list of text fields (the columns below, in order). Its hash is
//   SHA-256( domain ‖ prev_hash ‖ seq ‖ for each field: len(field) ‖ field )
// with big-endian 64-bit lengths and seq, so no two different records can serialise alike;
// domain is "jeugdhulp/<chain>/v1", followed by "/baan/<lane>" for a lane other than 0.
//
// Lanes (migration 0010): a chain is one or more lanes, each a hash chain of its own. A
// record links to the previous record of its lane: prev_seq is that record's seq and
// prev_hash its hash (0 and 32 zero bytes for a lane's first record). seq is unique over the
// chain and grows along each lane.
//   - Lane 0 is SQLite's only lane (and every record from before lanes): the single writer
//     thread appends one at a time, reading the head in the transaction; seq is the head's
//     plus one, so lane 0 has no gaps.
//   - On PostgreSQL each serve process appends to a lane it holds alone (store/pg_store.cc),
//     passed in as Tx::Lane() with the heads the process already knows, so processes append
//     in parallel; seq comes from the sequence keten_seq.
// Were two appends ever to link to the same record of a lane, the unique index on
// (baan, prev_seq) refuses the second (kConflict, and the lane is marked stale).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace jh::audit {

enum class Chain { kVerwerkingen, kBesluiten };

// The table name, which is also the chain's name in hashes, checkpoints and reports.
std::string_view ChainName(Chain chain);
// The data columns of the chain, in hashing order (without seq, prev_hash, hash).
const std::vector<std::string>& ChainColumns(Chain chain);

// SHA-256 as above; 32 raw bytes.
std::string RecordHash(Chain chain, std::string_view prev_hash, int64_t seq,
                       const std::vector<std::string>& fields, int64_t lane = 0);

struct Head {
  int64_t seq = 0;   // 0: the chain is empty
  std::string hash;  // 32 bytes; 32 zero bytes when empty
};

// The newest record of one lane of the chain, read in `tx`.
[[nodiscard]] Result<Head> ReadHead(store::Tx& tx, Chain chain, int64_t lane = 0);

// The heads of lane 0 as a run of Append calls in one transaction leaves them. Lane 0 has one
// writer, so within a transaction the head is the record appended last: with a cache the
// run reads each chain's head once instead of once per record (an import appends some
// 100,000 records per transaction). Valid only inside the transaction it was filled in.
struct HeadCache {
  std::optional<Head> heads[2];  // by Chain
};

// Appends one record (fields in ChainColumns order) after the head of tx's lane, inside `tx`.
// `cache`, when given, is read and updated for lane 0 (tx without a lane); lanes keep their
// heads in tx already.
// Errors: kInternal when the field count is wrong; kConflict when another writer appended to
// the same lane meanwhile; store errors as they come.
[[nodiscard]] Result<Head> Append(store::Tx& tx, Chain chain,
                                  const std::vector<std::string>& fields,
                                  HeadCache* cache = nullptr);

struct Break {
  std::string chain;
  int64_t seq = 0;     // the first broken record (or where the checkpoint points)
  std::string reason;  // Dutch, for the operator
};

struct VerifyReport {
  std::vector<Head> heads;                          // per chain, in Chain order: lane 0's head
  std::vector<std::map<int64_t, Head>> lane_heads;  // per chain: every lane's head
  std::vector<int64_t> records;                     // records checked per chain, all lanes
  std::optional<Break> first_break;                 // nullopt when every chain is intact
};

// Checkpointed heads per lane: lane -> the heads of both chains, in Chain order.
using LaneCheckpoints = std::map<int64_t, std::vector<Head>>;

// Walks both chains in seq order and recomputes every hash and every lane's links; then
// checks each checkpointed lane: the record at its checkpointed seq must exist with that
// hash, which detects cutting off the newest records and rewriting the whole lane. A lane
// without a checkpoint here (another machine's) is checked for its links only.
[[nodiscard]] Result<VerifyReport> Verify(store::Store& store, const LaneCheckpoints& checkpoints);
// The same with lane 0's checkpoint only (SQLite).
[[nodiscard]] Result<VerifyReport> Verify(store::Store& store,
                                          const std::optional<std::vector<Head>>& checkpoint);

// A quick check for start-up, without walking the chains: lane 0 with records must have a
// checkpoint, and the record each checkpointed head names must exist with that hash. Catches
// records cut off or rewritten while the server was stopped. nullopt when consistent.
[[nodiscard]] Result<std::optional<Break>> SpotCheck(store::Tx& tx,
                                                     const LaneCheckpoints& checkpoints);
[[nodiscard]] Result<std::optional<Break>> SpotCheck(
    store::Tx& tx, const std::optional<std::vector<Head>>& checkpoint);

}  // namespace jh::audit
