// Runs every scenario file under tests/scenarios (see tests/support/scenario.h): one flow per
// file, each on a fresh server, named after the file.
#include <gtest/gtest.h>

#include "support/scenario.h"

namespace jh::testing {
namespace {

class Scenario : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(Scenario, Runs) { RunScenario(GetParam()); }

std::string NameOf(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name =
      info.param.parent_path().filename().string() + "_" + info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Scenario,
                         ::testing::ValuesIn(ScenarioFiles(JH_SOURCE_DIR "/tests/scenarios")),
                         NameOf);

}  // namespace
}  // namespace jh::testing
