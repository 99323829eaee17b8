#include "http/heap_stats.h"

#include <malloc.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace jh::http {

namespace {

// The size="N" attribute of the first element starting with `open` at or after `from`.
std::optional<size_t> SizeOf(std::string_view xml, std::string_view open, size_t from) {
  const size_t at = xml.find(open, from);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t end = xml.find('>', at);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view element = xml.substr(at, end - at);
  constexpr std::string_view kSize = "size=\"";
  const size_t attr = element.find(kSize);
  if (attr == std::string_view::npos) return std::nullopt;
  const std::string_view digits = element.substr(attr + kSize.size());
  size_t value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr == digits.data() || *ptr != '"') return std::nullopt;
  return value;
}

}  // namespace

std::optional<HeapStats> ParseMallocInfo(std::string_view xml) {
  const size_t last_heap = xml.rfind("</heap>");
  const size_t from = last_heap == std::string_view::npos ? 0 : last_heap;
  const std::optional<size_t> fast = SizeOf(xml, "<total type=\"fast\"", from);
  const std::optional<size_t> rest = SizeOf(xml, "<total type=\"rest\"", from);
  const std::optional<size_t> mmap = SizeOf(xml, "<total type=\"mmap\"", from);
  const std::optional<size_t> current = SizeOf(xml, "<system type=\"current\"", from);
  if (!fast || !rest || !mmap || !current) return std::nullopt;
  HeapStats s;
  s.held = *current + *mmap;
  const size_t free_bytes = *fast + *rest;
  s.in_use = free_bytes <= s.held ? s.held - free_bytes : 0;
  return s;
}

std::optional<HeapStats> CurrentHeapStats() {
  char* buf = nullptr;
  size_t len = 0;
  FILE* f = open_memstream(&buf, &len);
  if (f == nullptr) return std::nullopt;
  const bool ok = malloc_info(0, f) == 0;
  std::fclose(f);  // sets buf and len
  std::optional<HeapStats> out;
  if (ok && buf != nullptr) out = ParseMallocInfo(std::string_view(buf, len));
  std::free(buf);  // NOLINT(cppcoreguidelines-no-malloc): open_memstream's buffer
  return out;
}

}  // namespace jh::http
