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

// The records about the person, newest first, as he reads them himself.
[[nodiscard]] Result<PageOf<MijnVerwerking>> MijnLogboek(Env& env, const std::string& persoon_id,
                                                         const Page& page);

// What a granted inspection (AVG-03) shows of the log about the betrokkene.
struct LogboekInzage {
  std::string lezer_id;  // the person who reads: the betrokkene himself or his representative
  std::string context;   // only this context's activities (audit::RechtenContext)
  std::string tot;       // only records made up to the grant (RFC 3339, UTC)
};

// The betrokkene's records of one context up to the grant, newest first, labelled for the
// reader: "uzelf" only for the reader's own acts; the betrokkene's acts, when someone else
// reads, as "de betrokkene". Reading is recorded by the caller (the inspection's record).
[[nodiscard]] Result<PageOf<MijnVerwerking>> InzageLogboek(Env& env, const std::string& persoon_id,
                                                           const LogboekInzage& inzage,
                                                           const Page& page);

}  // namespace jh::services
