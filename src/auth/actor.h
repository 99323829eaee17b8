// Who is calling: a medewerker (a professional of an organisation), a burger (a citizen,
// bound to a persoon; the stand-in for DigiD), or the system itself (CLI, purge, demo).
#pragma once

#include <string>
#include <string_view>

namespace jh::auth {

enum class ActorKind { kMedewerker, kBurger, kSystem };

struct Actor {
  ActorKind kind = ActorKind::kSystem;
  std::string id;  // medewerker id, persoon id (burger), or "systeem"
  // Medewerkers only:
  std::string organisatie_id;
  std::string organisatie_soort;
  std::string gemeentecode;  // of the organisation
  std::string rol;
  bool meldingsbevoegd = false;

  bool IsMedewerker() const { return kind == ActorKind::kMedewerker; }
  bool IsBurger() const { return kind == ActorKind::kBurger; }
  bool HasRole(std::string_view role) const { return IsMedewerker() && rol == role; }
  // The system actor, used by the CLI and scheduled jobs; acts as beheerder.
  static Actor System();
};

}  // namespace jh::auth
