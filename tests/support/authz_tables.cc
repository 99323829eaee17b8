#include "support/authz_tables.h"

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace jh::testing {

namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, '\t')) out.push_back(cell);
  return out;
}

// The non-empty, non-comment lines of a file, each with its line number.
std::vector<std::pair<int, std::string>> DataLines(const std::filesystem::path& file,
                                                   std::vector<std::string>& errors) {
  std::ifstream in(file);
  if (!in) errors.push_back("cannot read " + file.string());
  std::vector<std::pair<int, std::string>> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.emplace_back(n, line);
  }
  return out;
}

bool ValidClass(const std::string& c) {
  return c == "allow" || c == "401" || c == "403" || c == "404" || c == "onbekend" ||
         (c.rfind("403:", 0) == 0 && c.size() > 4);
}

}  // namespace

AuthzTables LoadAuthzTables(const std::filesystem::path& dir) {
  AuthzTables t;
  auto matrix = DataLines(dir / "matrix.tsv", t.errors);
  auto requests = DataLines(dir / "requests.tsv", t.errors);
  if (matrix.empty()) {
    t.errors.push_back("matrix.tsv has no header");
    return t;
  }
  auto header = SplitTabs(matrix[0].second);
  if (header.size() < 3 || header[0] != "method" || header[1] != "path") {
    t.errors.push_back("matrix.tsv: the header must be: method, path, one column per caller");
    return t;
  }
  t.columns.assign(header.begin() + 2, header.end());

  std::map<std::string, std::pair<std::string, std::string>> how;  // "METHOD path" → call
  for (const auto& [n, line] : requests) {
    auto cells = SplitTabs(line);
    std::string where = "requests.tsv:" + std::to_string(n);
    if (cells.size() != 4) {
      t.errors.push_back(where + ": expected 4 cells, got " + std::to_string(cells.size()));
      continue;
    }
    std::string body = cells[3] == "-" ? "" : cells[3];
    if (!body.empty() && !nlohmann::json::accept(body)) {
      t.errors.push_back(where + ": the body is not JSON");
    }
    if (!how.emplace(cells[0] + " " + cells[1], std::make_pair(cells[2], body)).second) {
      t.errors.push_back(where + ": " + cells[0] + " " + cells[1] + " twice");
    }
  }

  std::set<std::string> seen;
  for (size_t i = 1; i < matrix.size(); ++i) {
    const auto& [n, line] = matrix[i];
    auto cells = SplitTabs(line);
    std::string where = "matrix.tsv:" + std::to_string(n);
    if (cells.size() != header.size()) {
      t.errors.push_back(where + ": expected " + std::to_string(header.size()) + " cells, got " +
                         std::to_string(cells.size()));
      continue;
    }
    AuthzRoute r{cells[0], cells[1], "", "", {}};
    std::string key = r.method + " " + r.path;
    if (!seen.insert(key).second) t.errors.push_back(where + ": " + key + " twice");
    auto it = how.find(key);
    if (it == how.end()) {
      t.errors.push_back(where + ": " + key + " has no row in requests.tsv");
      continue;
    }
    r.target = it->second.first;
    r.body = it->second.second;
    for (size_t c = 2; c < cells.size(); ++c) {
      if (!ValidClass(cells[c])) {
        t.errors.push_back(where + ": '" + cells[c] + "' is no outcome class (" + header[c] + ")");
      }
      r.expect[header[c]] = cells[c];
    }
    t.routes.push_back(std::move(r));
  }
  for (const auto& [key, call] : how) {
    if (seen.count(key) == 0) t.errors.push_back("requests.tsv: " + key + " is not in matrix.tsv");
  }
  return t;
}

std::string OutcomeClass(const HttpResponse& r) {
  switch (r.status) {
    case 401:
      return "401";
    case 404:
      return "404";
    case 403: {
      auto p = nlohmann::json::parse(r.body, nullptr, false);
      std::string regel = p.is_object() ? p.value("regel", "") : "";
      return regel.empty() ? "403" : "403:" + regel;
    }
    default:
      break;
  }
  if (r.status == 422) {
    auto p = nlohmann::json::parse(r.body, nullptr, false);
    if (p.is_object()) {
      for (const auto& ip : p.value("invalidParams", nlohmann::json::array())) {
        if (ip.is_object() && ip.value("code", "") == "onbekend") return "onbekend";
      }
    }
  }
  if (r.status >= 200 && r.status < 500) return "allow";
  return "error " + std::to_string(r.status) + (r.error.empty() ? "" : " (" + r.error + ")");
}

void PrintTo(const AuthzRoute& route, std::ostream* os) {
  *os << route.method << ' ' << route.path;
}

std::string Substitute(const std::string& text, const std::map<std::string, std::string>& vars) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = text.find("${", pos);
    size_t end = start == std::string::npos ? std::string::npos : text.find('}', start);
    if (end == std::string::npos) {
      out += text.substr(pos);
      break;
    }
    out += text.substr(pos, start - pos);
    auto it = vars.find(text.substr(start + 2, end - start - 2));
    out += it == vars.end() ? text.substr(start, end - start + 1) : it->second;
    pos = end + 1;
  }
  return out;
}

std::string RouteTestName(const std::string& method, const std::string& path) {
  std::string name = method;
  bool gap = true;
  for (char c : path) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      if (gap) name += '_';
      name += c;
      gap = false;
    } else {
      gap = true;
    }
  }
  return name;
}

}  // namespace jh::testing
