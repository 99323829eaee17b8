// The AuthZEN evaluation (OpenID AuthZEN Authorization API 1.0 draft): other systems in the
// chain ask this system's rules for a decision instead of re-implementing them. The answer
// comes from the same pure rule functions (rules/*.h) the services enforce, with the facts
// gathered from the store the same way; every answer goes into the decision log (ADL).
//
// The actions and the rules that answer them (docs/architecture.md, "AuthZEN"):
//   vir.melden           resource jeugdige (properties gemeentecode, geboortedatum?)
//                        → VIR-02 (convenanten of the subject's organisation), then VIR-01
//   vt.informatieverzoek resource vt-zaak (id) → VT-04 (full view), then VT-02
//   jw.verwijzen         resource jeugdige   → JW-02
//   jw.toewijzen         resource toewijzing (properties gemeentecode, aanbiederId,
//                        productcategorie, geldigVanaf, geldigTot) → JW-04 (a
//                        gemeentemedewerker of the youth's municipality), then JW-04 (the
//                        contracts of that municipality)
//   jw.dossier.lezen     resource dossier (id) → JW-05
// A youth is described by municipality and birth date, never by BSN: the rules need no more.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "rules/decision.h"
#include "services/env.h"

namespace jh::services {

struct Evaluatie {
  std::string subject_id;                   // a medewerker id: whose act is judged
  std::string actie;                        // one of EvaluatieActies()
  std::string resource_type;                // the type the action expects (EvaluatieResourceType)
  std::string resource_id;                  // "" for a youth
  std::optional<std::string> gemeentecode;  // of the youth (vir.melden)
  std::optional<Date> geboortedatum;        // of the youth (vir.melden, VIR-01)
  // The assignment asked about (jw.toewijzen); gemeentecode is the youth's municipality.
  std::optional<std::string> aanbieder_id;
  std::optional<std::string> productcategorie;
  std::optional<Date> geldig_vanaf;
  std::optional<Date> geldig_tot;
};

// Who may ask about whose act: a medewerker about his own (the PEP in front of him asks with
// his token), a beheerder about anybody's (the account a PEP service of the chain is given).
// Anybody else would learn from the answers what others may do — for jw.dossier.lezen even
// which provider holds a youth's dossier (JW-05) — so he is refused (403 naming subject.id).
[[nodiscard]] bool MagEvaluerenVoor(const auth::Actor& vrager, const std::string& subject_id);

// The mapped action names, in a fixed order (the body schema's enum).
[[nodiscard]] const std::vector<std::string>& EvaluatieActies();
// The resource type an action judges ("" for an unknown action).
[[nodiscard]] std::string EvaluatieResourceType(const std::string& actie);

// The decision for `e` on today's date, logged in the ADL as "evaluate:<actie>".
// Errors: kForbidden naming `subject.id` when the caller may not ask about this subject
// (MagEvaluerenVoor); kInvalidArgument naming `action.name` or `resource.type`/`resource.id`/
// `resource.properties.<name>` for a request the action cannot judge; kUnprocessable
// naming `subject.id` for an unknown medewerker.
[[nodiscard]] Result<rules::Decision> Evalueer(Env& env, const Evaluatie& e);

}  // namespace jh::services
