// The two hash chains of the accountability logs, as tables of the store:
//   verwerkingen — the processing log (LDV form), one record per processing of personal data;
//   besluiten    — the authorisation decision log (ADL form), one record per decision.
//
// A record is a fixed list of text fields (the columns below, in order). Its hash is
//   SHA-256( "jeugdhulp/<chain>/v1" ‖ prev_hash ‖ seq ‖ for each field: len(field) ‖ field )
// with big-endian 64-bit lengths and seq, so no two different records can serialise alike.
// The first record's prev_hash is 32 zero bytes. seq starts at 1 and has no gaps.
//
// Appending reads the current head inside the caller's write transaction, so appends are
// serialised by the store (SQLite: the single writer; PostgreSQL: the writer lock every write
// takes before BEGIN, so its snapshot holds the newest head — store/pg_store.cc). Were two
// appends ever to meet, the primary key on seq refuses the second.
#pragma once

#include <cstdint>
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
                       const std::vector<std::string>& fields);

struct Head {
  int64_t seq = 0;   // 0: the chain is empty
  std::string hash;  // 32 bytes; 32 zero bytes when empty
};

// The newest record of the chain, read in `tx`.
[[nodiscard]] Result<Head> ReadHead(store::Tx& tx, Chain chain);

// Appends one record (fields in ChainColumns order) after the current head, inside `tx`.
// Errors: kInternal when the field count is wrong; store errors as they come.
[[nodiscard]] Result<Head> Append(store::Tx& tx, Chain chain,
                                  const std::vector<std::string>& fields);

struct Break {
  std::string chain;
  int64_t seq = 0;     // the first broken record (or where the checkpoint points)
  std::string reason;  // Dutch, for the operator
};

struct VerifyReport {
  std::vector<Head> heads;           // per chain, in Chain order
  std::vector<int64_t> records;      // records checked per chain
  std::optional<Break> first_break;  // nullopt when every chain is intact
};

// Walks both chains in seq order and recomputes every hash; then checks them against the
// checkpoint heads (when given): the record at each checkpointed seq must exist with that
// hash, which detects cutting off the newest records and rewriting the whole chain.
[[nodiscard]] Result<VerifyReport> Verify(store::Store& store,
                                          const std::optional<std::vector<Head>>& checkpoint);

// A quick check for start-up, without walking the chains: a chain with records must have a
// checkpoint, and the record each checkpointed head names must exist with that hash. Catches
// records cut off or rewritten while the server was stopped. nullopt when consistent.
[[nodiscard]] Result<std::optional<Break>> SpotCheck(
    store::Tx& tx, const std::optional<std::vector<Head>>& checkpoint);

}  // namespace jh::audit
