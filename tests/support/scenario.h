// Data-driven scenario tests: one flow per file, run against a real server. A scenario is a
// list of steps in a small line language, so that a rule's allowing and refusing cases read
// like the rule itself (in the spirit of DuckDB's sqllogictest):
//
//   # comment                       ignored, as are blank lines
//   include _wereld.scn             runs another file's steps (path relative to this file)
//   > $token METHOD /path/$id       a request with that bearer token ("-" for none); when the
//   {"json": "$var"}                  next line starts with { or [ it is the JSON body
//   < 201                           the expected status of the last response; when the next
//   {"status": "actief"}              line starts with { or [ it must match the body: objects
//                                     by subset, arrays by length and element-wise, and
//                                     a string "abc*" by prefix ("YYYY-MM-DDT*": a UTC
//                                     timestamp on that date in Amsterdam)
//   = name /json/pointer            keeps a value of the last response body as $name
//   contains TEXT / lacks TEXT      the last response body does (not) contain TEXT
//   today YYYY-MM-DD                restarts the server with that date (serve purges at start)
//   purge                           stops the server, runs `jeugdhulp purge`, starts it again
//   audit-verify                    stops the server, `jeugdhulp audit verify` must pass
//
// $name is replaced everywhere by a kept value; $beheerder is preset. A failed step fails
// the test with file:line, what was expected and what came back.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace jh::testing {

// The scenario files under `dir`, recursively, except includes (names starting with "_").
std::vector<std::filesystem::path> ScenarioFiles(const std::filesystem::path& dir);

// Runs one scenario on a fresh server; failures are reported through GoogleTest.
void RunScenario(const std::filesystem::path& file);

}  // namespace jh::testing
