// Typed access to a result row. Out-of-range indexes and NULLs give the empty value rather
// than throwing: a missing column is a defect that tests catch, not a reason to crash.
#include <optional>
#include <string>

#include "store/store.h"

namespace jh::store {

std::string Row::Text(size_t i) const {
  if (i >= values_.size()) return {};
  if (const auto* s = std::get_if<std::string>(&values_[i])) return *s;
  return {};
}

int64_t Row::Int(size_t i) const {
  if (i >= values_.size()) return 0;
  if (const auto* n = std::get_if<int64_t>(&values_[i])) return *n;
  return 0;
}

std::string Row::Bytes(size_t i) const {
  if (i >= values_.size()) return {};
  if (const auto* b = std::get_if<Blob>(&values_[i])) return b->bytes;
  if (const auto* s = std::get_if<std::string>(&values_[i])) return *s;
  return {};
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (i >= values_.size() || IsNull(i)) return std::nullopt;
  return Text(i);
}

}  // namespace jh::store
