// The rules about bills (declaraties): what a bill may carry (JW-06) and what it may claim
// (JW-07). Pure functions: every fact is an argument.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "rules/decision.h"

namespace jh::rules {

// JW-06 (RJw 6a.1–6a.7; iJw JW323): the members of a bill as the API shows it — exactly the
// fields the Regeling allows, plus `id`, the bill's own reference (the JW323
// ReferentieNummer), which says nothing about the youth. Nothing else ever leaves.
const std::vector<std::string>& Jw06Velden();
bool Jw06Veld(std::string_view naam);

// JW-06: the municipality uses a bill only for payment (bekostiging) and control and fraud
// (controle); another purpose stated for reading one is refused.
Decision Jw06Doel(std::string_view doel);

// JW-06: a bill is seen only by the provider who sent it and by the municipality it is
// addressed to (its gemeentecode).
struct DeclaratieLezer {
  bool gemeente = false;       // a gemeentemedewerker, else a provider's care worker
  std::string gemeentecode;    // the reader's municipality
  std::string organisatie_id;  // the reader's organisation
};
Decision Jw06Inzage(const DeclaratieLezer& lezer, std::string_view gemeentecode,
                    std::string_view aanbieder_id);

struct Periode {
  Date begin;
  Date eind;  // inclusive
};

// JW-07 (iJw OP367, OP368): the billed period lies within one calendar month and within the
// assignment (begin..eind, inclusive).
Decision Jw07Periode(const Periode& gedeclareerd, const Periode& toewijzing);

// JW-07 (iJw OP259): a billed period does not overlap a period billed earlier on the same
// assignment (touching is fine: one day after the other ends).
Decision Jw07Overlap(const Periode& gedeclareerd, const std::vector<Periode>& eerder);

// JW-07 (iJw IV024): an amount in eurocent is a whole number of eurocents (0.5 cent — 0.005
// euro — is refused), not negative and below 10^10 cents (the iJw amount has 8+2 digits).
Decision Jw07HeleEurocenten(double eurocent);

}  // namespace jh::rules
