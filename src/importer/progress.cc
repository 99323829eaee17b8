#include "importer/progress.h"

#include <algorithm>

namespace jh::importer {

namespace {
constexpr auto kInterval = std::chrono::milliseconds(200);
constexpr int kBarWidth = 30;
}  // namespace

Progress::Progress(bool enabled, uint64_t total_bytes, std::FILE* out)
    : enabled_(enabled),
      total_bytes_(total_bytes),
      out_(out),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(int64_t imported, int64_t refused, uint64_t bytes_done, bool force) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_ < kInterval) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(imported) / seconds : 0;
  std::string bar;
  if (total_bytes_ > 0) {
    const double done =
        std::min(1.0, static_cast<double>(bytes_done) / static_cast<double>(total_bytes_));
    const int filled = static_cast<int>(done * kBarWidth);
    // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on a chain of operator+.
    bar.append(1, '[').append(filled, '#').append(kBarWidth - filled, '.').append("] ");
    bar.append(std::to_string(static_cast<int>(done * 100))).append("%  ");
  }
  std::fprintf(out_, "\r\033[K%s%lld personen, %.0f/s, %lld geweigerd", bar.c_str(),
               static_cast<long long>(imported), rate, static_cast<long long>(refused));
  std::fflush(out_);
  drawn_ = true;
}

void Progress::Clear() {
  if (drawn_) std::fputs("\r\033[K", out_);
  drawn_ = false;
}

void Progress::Print(const std::string& line) {
  Clear();
  std::fprintf(out_, "%s\n", line.c_str());
}

void Progress::Finish(int64_t imported, int64_t refused, uint64_t bytes_done) {
  if (!enabled_) return;
  Update(imported, refused, bytes_done, true);
  std::fputc('\n', out_);
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace jh::importer
