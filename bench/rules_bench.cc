// VIR-02 decided in-process by the rule function the services and the AuthZEN endpoint use
// (rules::Vir02), on the same four cases as bench/cedar/bench.mjs: allowed via the youth's
// municipality, allowed via the organisation's own, refused without designation, refused on
// an expired convenant.
#include <benchmark/benchmark.h>

#include <array>

#include "rules/vir.h"

namespace {

using jh::Date;
using jh::rules::ConvenantFeit;
using jh::rules::MelderFeiten;

Date D(const char* text) { return Date::Parse(text).value(); }

struct Case {
  MelderFeiten melder;
  std::string jeugdige_gemeente;
  bool expected;
};

std::array<Case, 4> Cases() {
  auto melder = [](bool bevoegd, ConvenantFeit c) {
    return MelderFeiten{bevoegd, "huisartsenpraktijk", "GM0344", {std::move(c)}};
  };
  return {Case{melder(true, {"GM0363", D("2025-01-01"), std::nullopt}), "GM0363", true},
          Case{melder(true, {"GM0344", D("2025-01-01"), D("2027-12-31")}), "GM0599", true},
          Case{melder(false, {"GM0363", D("2025-01-01"), std::nullopt}), "GM0363", false},
          Case{melder(true, {"GM0363", D("2020-01-01"), D("2024-12-31")}), "GM0363", false}};
}

void BM_Vir02(benchmark::State& state) {
  const std::array<Case, 4> cases = Cases();
  const Date today = D("2026-11-29");
  for (const Case& c : cases) {
    if (jh::rules::Vir02(c.melder, c.jeugdige_gemeente, today).allowed != c.expected) {
      state.SkipWithError("a case decided differently from bench/cedar");
      return;
    }
  }
  size_t i = 0;
  int64_t allowed = 0;
  for (auto _ : state) {
    const Case& c = cases[i++ & 3];
    jh::rules::Decision d = jh::rules::Vir02(c.melder, c.jeugdige_gemeente, today);
    allowed += d.allowed ? 1 : 0;
    benchmark::DoNotOptimize(d);
  }
  state.counters["allowed"] = static_cast<double>(allowed);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Vir02);

}  // namespace

BENCHMARK_MAIN();
