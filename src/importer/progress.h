// The import's progress bar on stderr: persons written, persons per second, lines refused,
// and — when the input's size is known — how far through it the import is. Drawn only when
// enabled (the CLI enables it when stderr is a terminal) and at most five times a second, so
// drawing costs nothing measurable. Refusal reports go through Print, which clears the bar
// first so the report is not glued to it.
//
// Thread-safety: one thread (the committer) uses a Progress.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace jh::importer {

class Progress {
 public:
  // `total_bytes` 0: unknown (stdin).
  Progress(bool enabled, uint64_t total_bytes, std::FILE* out = stderr);
  // Redraws when the last draw is more than 200 ms ago (or `force`).
  void Update(int64_t imported, int64_t refused, uint64_t bytes_done, bool force = false);
  // Writes a line of text above the bar.
  void Print(const std::string& line);
  // Draws the final state and ends the bar's line.
  void Finish(int64_t imported, int64_t refused, uint64_t bytes_done);

 private:
  void Clear();
  bool enabled_;
  uint64_t total_bytes_;
  std::FILE* out_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace jh::importer
