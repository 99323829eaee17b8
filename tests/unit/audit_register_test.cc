// The register places each processing activity in at most one rights context, and an
// inspection shows only its context's activities (AVG-03 with AVG-02).
#include <gtest/gtest.h>

#include <algorithm>

#include "audit/register.h"

namespace jh::audit {
namespace {

TEST(RegisterContext, EachContextHoldsItsOwnActivitiesOnly) {
  for (const Verwerkingsactiviteit& a : Register()) {
    const std::string_view c = RechtenContext(a.id);
    std::string_view verwacht;
    if (a.id.rfind("vir-", 0) == 0) verwacht = "verwijsindex";
    if (a.id.rfind("vt-", 0) == 0) verwacht = "veilig-thuis";
    if (a.id.rfind("jw-", 0) == 0) verwacht = "jeugdhulp";
    if (!verwacht.empty()) {
      EXPECT_EQ(c, verwacht) << a.id;
    }
  }
  const auto vt = ActiviteitenVan("veilig-thuis");
  EXPECT_NE(std::find(vt.begin(), vt.end(), kVtZaak), vt.end());
  EXPECT_EQ(std::find(vt.begin(), vt.end(), kJwVerwijzing), vt.end());
}

TEST(RegisterContext, SharedActivitiesBelongToNoContext) {
  for (const char* id : {kBrpBeheer, kMedewerkerBeheer, kToegangBurger, kVerantwoording,
                         kVernietiging, kWebhookLevering, kAvgVerzoek, kKlacht}) {
    EXPECT_EQ(RechtenContext(id), "") << id;
  }
  EXPECT_TRUE(ActiviteitenVan("").empty());
  EXPECT_TRUE(ActiviteitenVan("bestaat-niet").empty());
}

}  // namespace
}  // namespace jh::audit
