// A property that must hold for every input. A failure prints what broke and aborts, so
// libFuzzer reports a crash and keeps the input (crash-<sha1> in the working directory).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond)                                                               \
  do {                                                                                 \
    if (!(cond)) {                                                                     \
      std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                    \
    }                                                                                  \
  } while (0)

// True when `s` holds six or more digits in a row: what no message text has, so what a
// refusal must not contain lest it echo a BSN (BSN-02).
inline bool HasLongDigitRun(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run >= 6) return true;
  }
  return false;
}
