// What counts as a stated reason. Several rules ask a decision or an extension to state its
// reason (AVG-01, VT-05, VT-09, VT-10); a reason of only spaces or line breaks states
// nothing, so every such rule refuses it exactly as it refuses an empty one.
#pragma once

#include <algorithm>
#include <string_view>

namespace jh::rules {

// True when `reden` is empty or holds only whitespace (space, tab, carriage return, newline).
inline bool Blank(std::string_view reden) {
  return std::all_of(reden.begin(), reden.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

}  // namespace jh::rules
