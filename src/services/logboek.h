// Reading the processing log: the beheerder's search (LDV records as they are) and a
// citizen's own log in plain language (AVG 15; later part of the inspection, AVG-03).
// Reading the log is itself a processing and is logged.
#pragma once

#include <optional>
#include <string>

#include "core/bsn.h"
#include "core/date.h"
#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct LogboekFilter {
  std::optional<Bsn> betrokkene;
  std::optional<std::string> trace_id;
  std::optional<Date> van;  // inclusive
  std::optional<Date> tot;  // inclusive
  Page page;
};

// One record of the processing log in LDV form.
struct Verwerking {
  int64_t seq = 0;
  std::string trace_id, span_id, parent_span_id, name, start_time, end_time;
  int64_t status_code = 0;  // 1 OK, 2 ERROR
  std::string resource_name, resource_version;
  std::string activity_uri, subject_id, subject_id_type;
  std::string controller_id, actor_kind, actor_rol;
};

// Errors: kUnprocessable when tot precedes van.
[[nodiscard]] Result<PageOf<Verwerking>> ZoekVerwerkingen(Env& env, const LogboekFilter& filter);

// One record as a citizen reads it.
struct MijnVerwerking {
  std::string tijdstip;    // RFC 3339
  std::string wie;         // "Huisartsenpraktijk De Linde (huisarts)", "uzelf", "de beheerder"
  std::string wat;         // what happened, in plain Dutch
  std::string waarom;      // the activity's name
  std::string activiteit;  // the activity's id in the register
};

// The records about the person, newest first.
[[nodiscard]] Result<PageOf<MijnVerwerking>> MijnLogboek(Env& env, const std::string& persoon_id,
                                                         const Page& page);

}  // namespace jh::services
