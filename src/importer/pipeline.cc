// Threads: the reader (lines → chunks of batch_size), `workers` preparers (chunk → sealed
// rows and parse refusals), and the caller's thread, which commits prepared chunks strictly
// in file order (a parent must be written before a child that names it) and reports. At
// most workers + 2 chunks are in flight, which bounds memory whatever the input's size.
#include "importer/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "services/write.h"

namespace jh::importer {

namespace {

struct Chunk {
  size_t seq = 0;
  std::vector<std::pair<int64_t, std::string>> lines;  // line number, text
  uint64_t bytes = 0;                                  // of the input, line ends included
};

struct Prepared {
  std::vector<PreparedRow> rows;
  std::vector<Refusal> refused;
  uint64_t bytes = 0;
};

class Pipeline {
 public:
  Pipeline(services::Env& env, const LineParser& parser, const ImportOptions& options)
      : env_(env),
        parser_(parser),
        options_(options),
        in_flight_limit_(static_cast<size_t>(std::max(1, options.workers)) + 2) {}

  ImportSummary Run(std::istream& in, int64_t lines_before, Progress& progress,
                    const std::function<void(const Refusal&)>& report);

 private:
  void Read(std::istream& in, int64_t line_no);
  [[nodiscard]] bool Push(Chunk chunk);
  void Work();
  Prepared Prepare(const Chunk& chunk) const;
  [[nodiscard]] bool Commit(Prepared& prepared, ImportSummary& summary,
                            const std::function<void(const Refusal&)>& report);

  services::Env& env_;
  const LineParser& parser_;
  const ImportOptions& options_;
  const size_t in_flight_limit_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Chunk> todo_;           // read, not yet taken by a worker
  std::map<size_t, Prepared> done_;  // prepared, by seq, not yet committed
  size_t read_ = 0;                  // chunks read; the next chunk's seq
  size_t committed_ = 0;             // chunks committed; the seq to commit next
  bool input_done_ = false;
  bool stop_ = false;
  std::optional<Error> read_error_;
};

ImportSummary Pipeline::Run(std::istream& in, int64_t lines_before, Progress& progress,
                            const std::function<void(const Refusal&)>& report) {
  std::thread reader([&] { Read(in, lines_before); });
  std::vector<std::thread> workers;
  for (int i = 0; i < std::max(1, options_.workers); ++i) workers.emplace_back([this] { Work(); });
  ImportSummary summary;
  uint64_t bytes = 0;
  for (;;) {
    Prepared next;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] {
        return stop_ || done_.count(committed_) > 0 || (input_done_ && committed_ == read_);
      });
      if (stop_ || done_.count(committed_) == 0) break;
      auto it = done_.find(committed_);
      next = std::move(it->second);
      done_.erase(it);
    }
    if (!Commit(next, summary, report)) break;
    bytes += next.bytes;
    progress.Update(summary.imported, summary.refused, bytes);
    {
      std::lock_guard lock(mu_);
      ++committed_;
    }
    cv_.notify_all();
  }
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  reader.join();
  for (auto& w : workers) w.join();
  if (!summary.failure && read_error_) summary.failure = read_error_;
  progress.Finish(summary.imported, summary.refused, bytes);
  return summary;
}

void Pipeline::Read(std::istream& in, int64_t line_no) {
  Chunk chunk;
  std::string line;
  while (std::getline(in, line)) {
    ++line_no;
    chunk.bytes += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
    if (line.empty()) continue;  // blank lines (a trailing one, say) are no persons
    chunk.lines.emplace_back(line_no, std::move(line));
    line.clear();
    if (chunk.lines.size() >= options_.batch_size) {
      if (!Push(std::move(chunk))) return;
      chunk = Chunk{};
    }
  }
  std::lock_guard lock(mu_);
  if (in.bad()) read_error_ = Error::Unavailable("De invoer kan niet verder worden gelezen.");
  if (!chunk.lines.empty() && !stop_) {
    chunk.seq = read_++;
    todo_.push_back(std::move(chunk));
  }
  input_done_ = true;
  cv_.notify_all();
}

bool Pipeline::Push(Chunk chunk) {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return stop_ || read_ - committed_ < in_flight_limit_; });
  if (stop_) return false;
  chunk.seq = read_++;
  todo_.push_back(std::move(chunk));
  cv_.notify_all();
  return true;
}

void Pipeline::Work() {
  for (;;) {
    Chunk chunk;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !todo_.empty() || input_done_; });
      if (stop_ || todo_.empty()) return;
      chunk = std::move(todo_.front());
      todo_.pop_front();
    }
    Prepared prepared = Prepare(chunk);
    {
      std::lock_guard lock(mu_);
      done_.emplace(chunk.seq, std::move(prepared));
    }
    cv_.notify_all();
  }
}

Prepared Pipeline::Prepare(const Chunk& chunk) const {
  Prepared out;
  out.bytes = chunk.bytes;
  out.rows.reserve(chunk.lines.size());
  const std::string now = env_.clock.NowRfc3339();
  for (const auto& [line_no, text] : chunk.lines) {
    Result<PreparedRow> row = PrepareLine(parser_, env_.vault, text, options_.today, now);
    if (row.ok()) {
      row->line = line_no;
      out.rows.push_back(std::move(row).value());
    } else {
      const InvalidParam& p = row.error().invalid_params.at(0);
      out.refused.push_back({line_no, p.name, p.reason});
    }
  }
  return out;
}

bool Pipeline::Commit(Prepared& prepared, ImportSummary& summary,
                      const std::function<void(const Refusal&)>& report) {
  std::vector<Refusal> refused;
  int64_t written = 0;
  if (!prepared.rows.empty()) {
    Status st = services::Write(env_, [&](store::Tx& tx) -> Status {
      refused.clear();  // a retried attempt starts over
      written = 0;
      return WriteRows(env_, tx, prepared.rows, refused, written);
    });
    if (!st.ok()) {
      summary.failure = std::move(st).error();
      return false;
    }
    if (env_.trail != nullptr) env_.trail->ForgetCommitted();
  }
  refused.insert(refused.end(), prepared.refused.begin(), prepared.refused.end());
  std::sort(refused.begin(), refused.end(),
            [](const Refusal& a, const Refusal& b) { return a.line < b.line; });
  for (const Refusal& r : refused) report(r);
  summary.imported += written;
  summary.refused += static_cast<int64_t>(refused.size());
  return true;
}

}  // namespace

ImportSummary RunImport(services::Env& env, std::istream& in, const ImportOptions& options,
                        Progress& progress, const std::function<void(const Refusal&)>& report) {
  int64_t lines_before = 0;
  std::optional<LineParser> parser;
  if (options.format == Format::kJsonl) {
    parser = LineParser::Jsonl();
  } else {
    std::string header;
    if (!std::getline(in, header)) {
      ImportSummary empty;
      empty.failure = Error::Invalid("bestand", "leeg", "Het CSV-bestand heeft geen kopregel.");
      return empty;
    }
    lines_before = 1;
    if (header.rfind("\xEF\xBB\xBF", 0) == 0) header.erase(0, 3);  // a UTF-8 byte order mark
    if (!header.empty() && header.back() == '\r') header.pop_back();
    Result<LineParser> csv = LineParser::Csv(header);
    if (!csv.ok()) {
      // Without a usable header no line can be read: the header is the one refused line.
      const InvalidParam& p = csv.error().invalid_params.at(0);
      report({1, p.name, p.reason});
      ImportSummary refused;
      refused.refused = 1;
      return refused;
    }
    parser = std::move(csv).value();
  }
  Pipeline pipeline(env, *parser, options);
  return pipeline.Run(in, lines_before, progress, report);
}

}  // namespace jh::importer
