// The AuthZEN mapping of action names to the resource they judge: every published action has
// one, anything else has none (and is answered 400 naming `action.name`); and who may ask
// about whom.
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

auth::Actor Medewerker(std::string id, std::string rol) {
  auth::Actor a;
  a.kind = auth::ActorKind::kMedewerker;
  a.id = std::move(id);
  a.rol = std::move(rol);
  return a;
}

// A medewerker asks about his own acts, a beheerder (the PEP service) about anybody's; a
// leerkracht asking about a care worker elsewhere would learn who holds a dossier (JW-05).
TEST(AuthZenVrager, OnlyTheSubjectItselfOrABeheerderMayAsk) {
  EXPECT_TRUE(MagEvaluerenVoor(Medewerker("mw-1", "leerkracht"), "mw-1"));
  EXPECT_FALSE(MagEvaluerenVoor(Medewerker("mw-1", "leerkracht"), "mw-2"));
  EXPECT_FALSE(MagEvaluerenVoor(Medewerker("mw-1", "gemeentemedewerker"), "mw-2"));
  EXPECT_TRUE(MagEvaluerenVoor(Medewerker("mw-9", "beheerder"), "mw-2"));
  auth::Actor burger;
  burger.kind = auth::ActorKind::kBurger;
  burger.id = "mw-2";
  EXPECT_FALSE(MagEvaluerenVoor(burger, "mw-2"));
}

}  // namespace
}  // namespace jh::services
