// Which signals the Verwijsindex gives, as pure functions of the registrations involved:
// VIR-06 (same youth), VIR-07 (same family or address), VIR-12 (archive, once) and VIR-14
// (a move). The service gathers the facts in one transaction and stores what these return.
//
// A signal goes to one addressee: a melder, about his own registration, or the regie
// function of a municipality. Its content is the *other* registrations involved, which the
// service shows only as their melders' contact details (VIR-08).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/decision.h"

namespace jh::rules {

enum class Verband { kZelfdeJeugdige, kGezin, kAdres };

enum class SignaalSoort { kJeugdige, kGezin, kAdres, kHistorisch, kVerhuizing };
std::string_view SignaalSoortNaam(SignaalSoort soort);  // "jeugdige", "gezin", …

// A registration that already exists and relates to the new one.
struct BestaandeRegistratie {
  std::string id;
  std::string melder_id;
  std::string gemeentecode;  // the municipality of that registration's youth
  Verband verband = Verband::kZelfdeJeugdige;
  bool actief = true;              // false: archived (VIR-12) and not yet signalled
  bool adres_uitgesloten = false;  // kAdres only: an institution on the exclusion list
};

struct NieuweRegistratie {
  std::string id;
  std::string melder_id;
  std::string gemeentecode;  // the youth's municipality
};

struct Signaal {
  SignaalSoort soort = SignaalSoort::kJeugdige;
  std::string melding_id;           // the addressee's own registration (regie: the cause)
  std::string ontvanger_melder_id;  // "" when addressed to the regie function
  std::string ontvanger_gemeente;   // "" when addressed to a melder
  bool verschillende_jeugdigen = false;
  std::vector<std::string> betrokkenen;  // ids of the other registrations

  bool AanRegie() const { return ontvanger_melder_id.empty(); }
};

// VIR-06, VIR-07, VIR-12: the signals a new registration produces.
//   - Per kind of match (same youth, family, address) with at least one active registration:
//     one signal to each other melder involved (about the new registration), one to the new
//     melder (about the other melders' registrations, if any) and one to the regie function
//     of each municipality involved (about all of them). The law (Jw 7.1.2.3(1)(c-e)) makes
//     no exception for one melder who registered two children of one family or address: the
//     regie is signalled then too, the melder is not told of himself. A registration that
//     matches in several ways counts once, under the closest relation.
//   - Institution addresses on the exclusion list never match (VIR-07).
//   - Archived registrations on the same youth produce exactly one signal, to the new melder
//     (VIR-12); the caller marks them as signalled so that it never happens twice. His own
//     archived registrations are left for another melder.
std::vector<Signaal> Vir06Vir07Vir12Signalen(const NieuweRegistratie& nieuw,
                                             const std::vector<BestaandeRegistratie>& bestaand);

// An active registration of a youth who moves.
struct ActieveRegistratie {
  std::string id;
  std::string melder_id;
};

// VIR-14: when a registered youth moves, each melder is told (with the other melders'
// contact details), and when the move is to another municipality, so is the regie function
// of the new municipality (with all of them).
std::vector<Signaal> Vir14Verhuizing(const std::vector<ActieveRegistratie>& actief,
                                     std::string_view oude_gemeente,
                                     std::string_view nieuwe_gemeente);

// What becomes of a stored signal once one registration in it is gone: removed without
// archive (VIR-10 "onterecht", VIR-11 at 23 or death, an AVG request under VIR-12) or its
// archive destroyed (VIR-12).
enum class SignaalNaVerwijdering {
  kOngewijzigd,       // the registration is not in the signal
  kZonderBetrokkene,  // the signal stays, without that registration's melder
  kVervalt,           // the signal goes, with the regievoerder's afstemmingen on it
};

// VIR-11, VIR-12 (Jw 7.1.4.5, 7.1.4.6): a registration that is gone may not stay readable
// through the signals that named it, or "this youth was registered by A and B" would outlive
// the registration. A signal about the gone registration itself (the addressee's own, or the
// cause of a regie signal) goes; one that named it among others loses it, and goes when no
// other registration is left to tell of. A move notice (VIR-14) is about the addressee's own
// registration and stays while that does. `weg`: the registration that is gone.
SignaalNaVerwijdering Vir11Vir12SignaalNaVerwijdering(SignaalSoort soort,
                                                      std::string_view melding_id,
                                                      const std::vector<std::string>& betrokkenen,
                                                      std::string_view weg);

// VIR-09 (Jw 7.1.3.2): only the regievoerder of the municipality the signal was addressed to
// records an afstemming on it.
Decision Vir09(std::string_view rol, std::string_view gemeente_regievoerder,
               std::string_view gemeente_signaal);

// VIR-10 (Jw 7.1.4.5(1)): the melder's reason decides whether the registration is archived:
// "risico-weg" yes, "onterecht" no.
bool Vir10Archiveren(std::string_view reden);

// VIR-05: the family name as the verwijsindexservicenummer uses it: lowercase (also the
// accented capitals of Latin-1 and Latin Extended-A: Ç and ç are one letter), without spaces,
// hyphens, dots and apostrophes. "" when no letter is left: such a name would make every
// nameless youth born on one day of one sex the same youth, so it is refused.
std::string Vir05Familienaam(std::string_view familienaam);

// VIR-05 (Jw 7.1.4.2; BJw 7.3.1): the normalised family name, birth date and sex from which
// the verwijsindexservicenummer of a youth without BSN is derived (the service turns it into
// a keyed hash). Case, spaces, hyphens, dots and apostrophes do not matter.
std::string Vir05ServicenummerBron(std::string_view familienaam, std::string_view geboortedatum,
                                   std::string_view geslacht);

}  // namespace jh::rules
