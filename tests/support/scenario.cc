#include "support/scenario.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "core/date.h"
#include "support/server_process.h"

namespace jh::testing {

namespace {

using nlohmann::json;

struct Line {
  std::filesystem::path file;
  int number = 0;
  std::string text;
  std::string Where() const { return file.filename().string() + ":" + std::to_string(number); }
};

// Reads a file's lines, expanding includes, dropping comments and blank lines.
void Load(const std::filesystem::path& file, std::vector<Line>& out, int depth = 0) {
  std::ifstream in(file);
  if (!in || depth > 4) {
    ADD_FAILURE() << "cannot read scenario " << file;
    return;
  }
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
    if (text.empty() || text[0] == '#') continue;
    if (text.rfind("include ", 0) == 0) {
      Load(file.parent_path() / text.substr(8), out, depth + 1);
      continue;
    }
    out.push_back(Line{file, number, text});
  }
}

bool IsJson(const std::string& text) { return !text.empty() && (text[0] == '{' || text[0] == '['); }

// "YYYY-MM-DDT*": an RFC 3339 timestamp in UTC whose date in Amsterdam (UTC+1 in winter,
// UTC+2 in summer) is that day. `--today` fixes the Amsterdam date, so between 22:00 and
// midnight UTC the timestamp's own date is the day before.
bool OnAmsterdamDate(const std::string& date, const json& actual) {
  const std::string& t = actual.get_ref<const std::string&>();
  auto day = Date::Parse(t.substr(0, 10));
  if (!day || t.size() < 13 || t.back() != 'Z') return false;
  const int hour = std::atoi(t.substr(11, 2).c_str());
  for (int offset : {1, 2}) {
    if (Date::FromDays(day->ToDays() + (hour + offset >= 24 ? 1 : 0)).ToString() == date) {
      return true;
    }
  }
  return false;
}

// Whether `actual` matches `pattern`: objects by subset, arrays by length and element-wise.
bool Matches(const json& pattern, const json& actual, std::string& where) {
  if (pattern.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [key, value] : pattern.items()) {
      if (!actual.contains(key)) {
        where = "/" + key + " ontbreekt";
        return false;
      }
      if (!Matches(value, actual.at(key), where)) {
        where = "/" + key + where;
        return false;
      }
    }
    return true;
  }
  if (pattern.is_array()) {
    if (!actual.is_array() || actual.size() != pattern.size()) {
      where = " (lengte " + std::to_string(actual.is_array() ? actual.size() : 0) + ")";
      return false;
    }
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (!Matches(pattern[i], actual[i], where)) {
        where = "/" + std::to_string(i) + where;
        return false;
      }
    }
    return true;
  }
  if (pattern.is_string() && actual.is_string()) {  // "prefix*" matches by prefix
    const std::string& p = pattern.get_ref<const std::string&>();
    if (p.size() == 12 && p.substr(10) == "T*") return OnAmsterdamDate(p.substr(0, 10), actual);
    if (!p.empty() && p.back() == '*') {
      return actual.get_ref<const std::string&>().rfind(p.substr(0, p.size() - 1), 0) == 0;
    }
  }
  return pattern == actual;
}

class Runner {
 public:
  Runner(std::unique_ptr<ServerProcess> server, std::string today)
      : server_(std::move(server)), today_(std::move(today)) {
    vars_["beheerder"] = server_->beheerder_token();
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  // Runs every step; stops at the first failure.
  void Run(const std::vector<Line>& lines) {
    for (size_t i = 0; i < lines.size() && !::testing::Test::HasFailure(); ++i) {
      const Line& l = lines[i];
      const std::string next = i + 1 < lines.size() ? lines[i + 1].text : "";
      const bool body_follows = IsJson(next);
      if (l.text.rfind("> ", 0) == 0) {
        Request(l, body_follows ? Subst(next) : "");
      } else if (l.text.rfind("< ", 0) == 0) {
        Expect(l, body_follows ? Subst(next) : "");
      } else if (l.text.rfind("= ", 0) == 0) {
        Keep(l);
      } else if (l.text.rfind("contains ", 0) == 0 || l.text.rfind("lacks ", 0) == 0) {
        const bool want = l.text[0] == 'c';
        const std::string needle = Subst(l.text.substr(want ? 9 : 6));
        EXPECT_EQ(last_.body.find(needle) != std::string::npos, want)
            << l.Where() << ": " << l.text << "\n"
            << last_.body;
      } else if (l.text.rfind("today ", 0) == 0) {
        server_->Stop();
        server_->SetToday(l.text.substr(6));
        Reconnect(l);
        // serve applies the retention rules in a thread of its own once it listens; the
        // steps after `today` expect them applied, so wait for its "purge" log line.
        for (int waited = 0;
             server_->Output().find("\"event\":\"purge\"") == std::string::npos && waited < 200;
             ++waited) {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
      } else if (l.text == "purge" || l.text == "audit-verify") {
        server_->Stop();
        std::vector<std::string> args = l.text == "purge"
                                            ? std::vector<std::string>{"purge", "--data"}
                                            : std::vector<std::string>{"audit", "verify", "--data"};
        args.push_back(server_->data_dir().string());
        if (l.text == "purge" && !today_.empty()) {
          args.push_back("--today");
          args.push_back(today_);
        }
        auto [code, out] = ServerProcess::Run(args);
        EXPECT_EQ(code, 0) << l.Where() << ": " << l.text << "\n" << out;
        Reconnect(l);
      } else if (!IsJson(l.text)) {
        ADD_FAILURE() << l.Where() << ": onbekende stap: " << l.text;
      } else if (i == 0 || (lines[i - 1].text[0] != '>' && lines[i - 1].text[0] != '<')) {
        ADD_FAILURE() << l.Where() << ": JSON zonder verzoek of verwachting ervoor";
      }
      if (l.text.rfind("today ", 0) == 0) today_ = l.text.substr(6);
    }
  }

 private:
  // Replaces every $name ([A-Za-z_][A-Za-z0-9_]*) by its kept value. (A hand scan, not
  // std::regex: g++ 12 warns inside <regex> under the sanitizer builds' -O1.)
  std::string Subst(const std::string& text) const {
    auto is_start = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
    auto is_part = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '$' || i + 1 >= text.size() || !is_start(text[i + 1])) {
        out.push_back(text[i]);
        continue;
      }
      size_t end = i + 1;
      while (end < text.size() && is_part(text[end])) ++end;
      const std::string name = text.substr(i + 1, end - i - 1);
      auto found = vars_.find(name);
      if (found == vars_.end()) {
        ADD_FAILURE() << "onbekende variabele $" << name << " in: " << text;
      } else {
        out += found->second;
      }
      i = end - 1;
    }
    return out;
  }

  void Request(const Line& l, const std::string& body) {
    std::istringstream words(l.text.substr(2));
    std::string token, method, target;
    words >> token >> method >> target;
    HeaderList headers;
    if (token != "-") headers.push_back({"Authorization", "Bearer " + Subst(token)});
    if (!body.empty()) headers.push_back({"Content-Type", "application/json"});
    last_ = client_->Request(method, Subst(target), body, headers);
    last_where_ = l.Where() + ": " + l.text;
    ASSERT_NE(last_.status, 0) << l.Where() << ": geen antwoord: " << last_.error;
  }

  void Expect(const Line& l, const std::string& pattern) {
    EXPECT_EQ(std::to_string(last_.status), l.text.substr(2))
        << l.Where() << " (verzoek " << last_where_ << ")\n"
        << last_.body;
    if (pattern.empty()) return;
    json want = json::parse(pattern, nullptr, false);
    ASSERT_FALSE(want.is_discarded()) << l.Where() << ": ongeldige JSON in het patroon";
    std::string where;
    EXPECT_TRUE(Matches(want, BodyJson(last_), where))
        << l.Where() << ": antwoord wijkt af bij " << where << "\nverwacht: " << pattern
        << "\nkreeg: " << last_.body;
  }

  void Keep(const Line& l) {
    std::istringstream words(l.text.substr(2));
    std::string name, pointer;
    words >> name >> pointer;
    json body = BodyJson(last_);
    json::json_pointer p(pointer);
    if (!body.contains(p)) {
      ADD_FAILURE() << l.Where() << ": " << pointer << " niet in " << last_.body;
      return;
    }
    const json& v = body.at(p);
    vars_[name] = v.is_string() ? v.get<std::string>() : v.dump();
  }

  void Reconnect(const Line& l) {
    ASSERT_TRUE(server_->Restart()) << l.Where();
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
  std::map<std::string, std::string> vars_;
  HttpResponse last_;
  std::string last_where_;
  std::string today_;
};

}  // namespace

std::vector<std::filesystem::path> ScenarioFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".scn" && e.path().filename().string()[0] != '_') {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void RunScenario(const std::filesystem::path& file) {
  std::vector<Line> lines;
  Load(file, lines);
  // The first step may fix the date before the server starts.
  ServerProcess::Options options;
  if (!lines.empty() && lines[0].text.rfind("today ", 0) == 0) {
    options.today = lines[0].text.substr(6);
  }
  auto server = ServerProcess::Start(options);
  ASSERT_NE(server, nullptr);
  Runner runner(std::move(server), options.today);
  if (!options.today.empty()) lines.erase(lines.begin());
  runner.Run(lines);
}

}  // namespace jh::testing
