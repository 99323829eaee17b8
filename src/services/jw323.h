// The iJw 3.2 JW323 (declaratie) form of a bill: the message a provider sends a municipality,
// holding the same JW-06 fields as the JSON view and nothing else. Written with libxml2 as
// UTF-8 without a byte-order mark; amounts in eurocent. schemas/ijw/jw323.xsd describes the
// subset produced here, and the tests validate against it.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "services/jw_declaraties.h"

namespace jh::services {

inline constexpr const char* kJw323Namespace = "http://www.istandaarden.nl/ijw/3_2/jw323/schema";

// One message with one client and one prestatie. Errors: kConflict (regel AVG-04) for a bill
// of an erased youth, which has no BSN to send; kInternal when libxml2 fails.
[[nodiscard]] Result<std::string> Jw323Xml(const JwDeclaratie& d);

// A page of the list: a root Berichten (attributes totaal, the list's total, and weggelaten,
// the bills of erased youths left out for want of a BSN) holding one JW323 Bericht per run
// of bills with the same provider, municipality and day. Errors: kInternal as above.
[[nodiscard]] Result<std::string> Jw323XmlLijst(const std::vector<JwDeclaratie>& bills,
                                                int64_t totaal);

}  // namespace jh::services
