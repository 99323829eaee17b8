// The AuthZEN mapping of action names to the resource they judge: every published action has
// one, anything else has none (and is answered 400 naming `action.name`).
#include <gtest/gtest.h>

#include "services/authzen.h"

namespace jh::services {
namespace {

TEST(AuthZenMapping, EveryPublishedActionJudgesAResource) {
  ASSERT_EQ(EvaluatieActies().size(), 5u);
  for (const std::string& actie : EvaluatieActies()) {
    EXPECT_FALSE(EvaluatieResourceType(actie).empty()) << actie;
  }
  EXPECT_EQ(EvaluatieResourceType("vir.melden"), "jeugdige");
  EXPECT_EQ(EvaluatieResourceType("jw.verwijzen"), "jeugdige");
  EXPECT_EQ(EvaluatieResourceType("vt.informatieverzoek"), "vt-zaak");
  EXPECT_EQ(EvaluatieResourceType("jw.toewijzen"), "toewijzing");
  EXPECT_EQ(EvaluatieResourceType("jw.dossier.lezen"), "dossier");
}

TEST(AuthZenMapping, UnknownActionsJudgeNothing) {
  EXPECT_EQ(EvaluatieResourceType(""), "");
  EXPECT_EQ(EvaluatieResourceType("vir.zoeken"), "");
  EXPECT_EQ(EvaluatieResourceType("VIR.MELDEN"), "");
}

}  // namespace
}  // namespace jh::services
