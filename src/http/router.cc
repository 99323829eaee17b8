#include "http/router.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace jh::http {

namespace {

bool IsParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Splits "/a/b" into {"a","b"}; "/" into {}; keeps empty segments ("/a/" → {"a",""}) so a
// trailing or doubled slash never matches a template. nullopt when not starting with '/'.
std::optional<std::vector<std::string_view>> SplitPath(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  if (path.empty()) return segments;
  while (true) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

[[noreturn]] void Defect(const std::string& what) {
  std::fprintf(stderr, "router defect: %s\n", what.c_str());
  std::abort();
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void Router::Add(std::string method, std::string path_template, Handler handler) {
  std::optional<std::vector<std::string_view>> parts = SplitPath(path_template);
  if (!parts) Defect("template must start with '/': " + path_template);
  Route route;
  for (std::string_view part : *parts) {
    bool has_brace = part.find_first_of("{}") != std::string_view::npos;
    if (part.empty() || (has_brace && !IsParam(part))) {
      Defect("malformed template segment in " + path_template);
    }
    route.segments.emplace_back(part);
  }
  for (const Route& existing : routes_) {
    if (existing.method == method && existing.path_template == path_template) {
      std::string what = "duplicate route ";
      what.append(method).append(" ").append(path_template);
      Defect(what);
    }
  }
  route.method = method;
  route.path_template = path_template;
  route.handler = std::move(handler);
  routes_.push_back(std::move(route));
  entries_.push_back({std::move(method), std::move(path_template)});
}

namespace {

// True when `segments` fits the template; fills `params` on success.
bool Matches(const std::vector<std::string>& tmpl, const std::vector<std::string_view>& segments,
             std::map<std::string, std::string>* params) {
  if (tmpl.size() != segments.size()) return false;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (IsParam(tmpl[i])) {
      if (segments[i].empty()) return false;
    } else if (tmpl[i] != segments[i]) {
      return false;
    }
  }
  if (params != nullptr) {
    params->clear();
    for (size_t i = 0; i < tmpl.size(); ++i) {
      if (IsParam(tmpl[i])) {
        (*params)[tmpl[i].substr(1, tmpl[i].size() - 2)] = std::string(segments[i]);
      }
    }
  }
  return true;
}

// True when `a` is more specific than `b` (both match the same path): at the first segment
// where they differ in kind, the literal wins.
bool MoreSpecific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool a_param = IsParam(a[i]);
    bool b_param = IsParam(b[i]);
    if (a_param != b_param) return !a_param;
  }
  return false;
}

}  // namespace

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match match;
  std::optional<std::vector<std::string_view>> segments = SplitPath(path);
  if (!segments) return match;
  const Route* best = nullptr;
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    if (!Matches(route.segments, *segments, nullptr)) continue;
    allowed.insert(route.method);
    if (route.method != method) continue;
    if (best == nullptr || MoreSpecific(route.segments, best->segments)) best = &route;
  }
  if (best != nullptr) {
    match.kind = MatchKind::kFound;
    match.handler = &best->handler;
    match.route = best->path_template;
    Matches(best->segments, *segments, &match.params);
  } else if (!allowed.empty()) {
    match.kind = MatchKind::kMethodNotAllowed;
    match.allowed.assign(allowed.begin(), allowed.end());
  }
  return match;
}

std::optional<std::string> PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return std::nullopt;  // truncated escape
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

}  // namespace jh::http
