// The rules of the Verwijsindex risicojongeren (Jeugdwet §7.1), RULES.md VIR-01 … VIR-15.
// Pure functions: every fact, including the date of the act, is an argument.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "rules/decision.h"

namespace jh::rules {

// VIR-01 (Jw 7.1.1.1): only a person under 23 on the date of registration can be
// registered (and not before he is born).
Decision Vir01(const Date& geboortedatum, const Date& datum);

// A convenant of an organisation with the college of a municipality.
struct ConvenantFeit {
  std::string gemeentecode;
  Date geldig_vanaf;
  std::optional<Date> geldig_tot;  // inclusive; none = indefinite
};

struct MelderFeiten {
  bool meldingsbevoegd = false;      // designated by his organisation
  std::string organisatie_soort;     // API.md soort
  std::string organisatie_gemeente;  // the organisation's own municipality
  std::vector<ConvenantFeit> convenanten;
};

// Whether an organisation of this kind belongs to a category that may designate
// meldingsbevoegden (Jw 7.1.3.1; BJw 7.1.1–7.1.7).
bool Vir02Categorie(std::string_view organisatie_soort);

// VIR-02 (Jw 7.1.1.2, 7.1.3.1; BJw 7.1.1–7.1.7): only a designated professional of an
// eligible organisation with a valid convenant — on `datum` — with the college of the youth's
// municipality or of the organisation's own municipality may register.
Decision Vir02(const MelderFeiten& melder, const std::string& jeugdige_gemeente, const Date& datum);
// VIR-02: whether the organisation has any convenant valid on `datum`. Without one, Vir02
// refuses whichever youth is named, so the service refuses before it looks the youth up and
// the answer cannot tell whether a BSN is known.
bool Vir02EnigConvenant(const MelderFeiten& melder, const Date& datum);

// VIR-03 (Jw 7.1.4.1): the melder must state a reasonable suspicion; `redelijk_vermoeden`
// is the statement as sent (absent, false or true).
Decision Vir03(std::optional<bool> redelijk_vermoeden);

// VIR-08 (Jw 7.1.4.3(2)): nobody can search the index; a professional sees and acts on only
// the registrations he made himself (others he learns of only through a signal).
Decision Vir08EigenRegistratie(std::string_view medewerker_id, std::string_view melder_id);

// VIR-11 (Jw 7.1.4.5(2)): the planned removal date of a registration made on `gemeld_op`:
// two years later, or the youth's 23rd birthday when that comes first.
Date Vir11VerwijderenUiterlijk(const Date& gemeld_op, const Date& geboortedatum);

enum class Verwijdering {
  kGeen,           // stays active
  kNaTweeJaar,     // two years passed: removed and archived
  kDrieentwintig,  // 23rd birthday: removed, not archived
  kOverleden,      // death: removed, not archived
};

// VIR-11: whether an active registration must be removed automatically on `vandaag`.
Verwijdering Vir11(const Date& gemeld_op, const Date& geboortedatum,
                   const std::optional<Date>& overlijdensdatum, const Date& vandaag);

// VIR-12 (Jw 7.1.4.6): whether an archived registration (archived on `gearchiveerd_op`) must
// be destroyed on `vandaag`: five years after archiving, or earlier at 23 or at death.
bool Vir12Vernietigen(const Date& gearchiveerd_op, const Date& geboortedatum,
                      const std::optional<Date>& overlijdensdatum, const Date& vandaag);

// VIR-15 (Jw 7.1.5.1): who exercises the rights about a youth of this age.
enum class Vertegenwoordiging {
  kWettelijkVertegenwoordiger,  // under 12
  kSamen,                       // 12–15: youth and representative together
  kJeugdige,                    // 16 and older
};
Vertegenwoordiging Vir15(const Date& geboortedatum, const Date& datum);

}  // namespace jh::rules
