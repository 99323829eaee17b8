// The start-up spot check of chain.h: two point reads per chain and lane, so it costs nothing
// even for chains of millions of records (the full walk is `jeugdhulp audit verify`).
#include "audit/chain.h"

namespace jh::audit {

Result<std::optional<Break>> SpotCheck(store::Tx& tx, const LaneCheckpoints& checkpoints) {
  // Lane 0 is written by SQLite (and held every record before lanes): with records it must
  // have been checkpointed. Other lanes may be another machine's, checkpointed there.
  if (!checkpoints.count(0)) {
    for (Chain chain : {Chain::kVerwerkingen, Chain::kBesluiten}) {
      JH_ASSIGN_OR_RETURN(Head head, ReadHead(tx, chain, 0));
      if (head.seq > 0) {
        return std::optional<Break>(
            Break{std::string(ChainName(chain)), 0, "checkpoint ontbreekt"});
      }
    }
  }
  for (const auto& [lane, heads] : checkpoints) {
    size_t i = 0;
    for (Chain chain : {Chain::kVerwerkingen, Chain::kBesluiten}) {
      const std::string name(ChainName(chain));
      const Head* point = i < heads.size() ? &heads[i] : nullptr;
      ++i;
      if (point == nullptr || point->seq == 0) continue;
      JH_ASSIGN_OR_RETURN(store::Rows rows,
                          tx.Query("SELECT hash FROM " + name + " WHERE seq = $1 AND baan = $2",
                                   {point->seq, lane}));
      if (rows.empty()) {
        return std::optional<Break>(
            Break{name, point->seq, "het gecheckpointe record ontbreekt: de keten is ingekort"});
      }
      if (rows[0].Bytes(0) != point->hash) {
        return std::optional<Break>(Break{
            name, point->seq, "de hash wijkt af van het checkpoint: de keten is herschreven"});
      }
    }
  }
  return std::optional<Break>();
}

Result<std::optional<Break>> SpotCheck(store::Tx& tx,
                                       const std::optional<std::vector<Head>>& checkpoint) {
  LaneCheckpoints checkpoints;
  if (checkpoint) checkpoints[0] = *checkpoint;
  return SpotCheck(tx, checkpoints);
}

}  // namespace jh::audit
