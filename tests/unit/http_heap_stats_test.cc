#include <gtest/gtest.h>

#include <string>

#include "http/heap_stats.h"

namespace jh::http {
namespace {

// malloc_info(3) of glibc 2.36 for a process with a main arena, one thread arena and one
// mmapped chunk. The per-heap totals come first; only the ones after the last </heap> count.
constexpr char kTwoArenas[] = R"(<malloc version="1">
<heap nr="0">
<sizes>
</sizes>
<total type="fast" count="0" size="0"/>
<total type="rest" count="1" size="130112"/>
<system type="current" size="135168"/>
<system type="max" size="135168"/>
</heap>
<heap nr="1">
<sizes>
  <unsorted from="657" to="657" total="657" count="1"/>
</sizes>
<total type="fast" count="2" size="64"/>
<total type="rest" count="2" size="131905"/>
<system type="current" size="135168"/>
<system type="max" size="135168"/>
</heap>
<total type="fast" count="2" size="64"/>
<total type="rest" count="3" size="262017"/>
<total type="mmap" count="1" size="1052672"/>
<system type="current" size="270336"/>
<system type="max" size="270336"/>
<aspace type="total" size="270336"/>
</malloc>
)";

TEST(HeapStatsTest, ReadsTheTotalsOverAllArenasNotTheFirstHeap) {
  std::optional<HeapStats> s = ParseMallocInfo(kTwoArenas);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->held, 270336u + 1052672u);
  EXPECT_EQ(s->in_use, 270336u + 1052672u - 64u - 262017u);
}

TEST(HeapStatsTest, RefusesAnOutputWithoutTheTotals) {
  std::string without_mmap = kTwoArenas;
  without_mmap.erase(without_mmap.find("<total type=\"mmap\""), 45);
  EXPECT_FALSE(ParseMallocInfo(without_mmap).has_value());
  EXPECT_FALSE(ParseMallocInfo("").has_value());
  EXPECT_FALSE(ParseMallocInfo("<malloc version=\"1\"></malloc>").has_value());
}

TEST(HeapStatsTest, RefusesAMalformedNumber) {
  for (std::string bad : {"size=\"\"", "size=\"12x\"", "size=\"-5\"", "size=12"}) {
    std::string xml = kTwoArenas;
    const size_t at = xml.find("size=\"270336\"", xml.rfind("</heap>"));
    xml.replace(at, 13, bad);
    EXPECT_FALSE(ParseMallocInfo(xml).has_value()) << bad;
  }
}

TEST(HeapStatsTest, NeverReportsMoreInUseThanHeld) {
  // A free total above what is held (a torn read of the counters) must not wrap around.
  std::string xml = kTwoArenas;
  xml.replace(xml.find("size=\"262017\""), 13, "size=\"9999999\"");
  std::optional<HeapStats> s = ParseMallocInfo(xml);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->in_use, 0u);
}

TEST(HeapStatsTest, ReadsThisProcess) {
  std::optional<HeapStats> s = CurrentHeapStats();
  ASSERT_TRUE(s.has_value());
  EXPECT_LE(s->in_use, s->held);
}

}  // namespace
}  // namespace jh::http
