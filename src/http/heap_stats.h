// The C heap of this process, over every allocator arena. glibc's mallinfo2 reports only the
// main arena, which misses everything the worker threads allocate in arenas of their own;
// malloc_info's XML reports them all, and this reads its totals.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace jh::http {

struct HeapStats {
  size_t in_use = 0;  // bytes handed out and not freed (arena chunks and mmapped chunks)
  size_t held = 0;    // bytes the allocator holds from the system for them
};

// Reads the totals that follow the last <heap> element of malloc_info(3)'s XML:
//   <total type="fast" size=F/> <total type="rest" size=R/> <total type="mmap" size=M/>
//   <system type="current" size=C/>
// held = C + M, in_use = held − F − R. Returns nullopt when a total is missing or its number
// malformed (another allocator, or another glibc layout): no figure beats a wrong one.
[[nodiscard]] std::optional<HeapStats> ParseMallocInfo(std::string_view xml);

// This process's heap now, from malloc_info; nullopt where it is not available.
[[nodiscard]] std::optional<HeapStats> CurrentHeapStats();

}  // namespace jh::http
