// The start-up spot check of chain.h: two point reads per chain, so it costs nothing even
// for chains of millions of records (the full walk is `jeugdhulp audit verify`).
#include "audit/chain.h"

namespace jh::audit {

Result<std::optional<Break>> SpotCheck(store::Tx& tx,
                                       const std::optional<std::vector<Head>>& checkpoint) {
  size_t i = 0;
  for (Chain chain : {Chain::kVerwerkingen, Chain::kBesluiten}) {
    const std::string name(ChainName(chain));
    JH_ASSIGN_OR_RETURN(Head head, ReadHead(tx, chain));
    const Head* point = checkpoint && i < checkpoint->size() ? &(*checkpoint)[i] : nullptr;
    ++i;
    if (point == nullptr) {
      if (head.seq > 0) return std::optional<Break>(Break{name, 0, "checkpoint ontbreekt"});
      continue;
    }
    if (point->seq == 0) continue;
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT hash FROM " + name + " WHERE seq = $1", {point->seq}));
    if (rows.empty()) {
      return std::optional<Break>(
          Break{name, point->seq, "het gecheckpointe record ontbreekt: de keten is ingekort"});
    }
    if (rows[0].Bytes(0) != point->hash) {
      return std::optional<Break>(
          Break{name, point->seq, "de hash wijkt af van het checkpoint: de keten is herschreven"});
    }
  }
  return std::optional<Break>();
}

}  // namespace jh::audit
