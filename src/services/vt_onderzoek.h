// Investigations and the terms Veilig Thuis must meet: an investigation follows only a
// melding (VT-02) and starts within five days of the decision that it is needed, the decision
// on steps within ten weeks (VT-06); the people of a melding are informed within four weeks,
// extended by at most two weeks at a time with a reason (VT-05). Staff see what is due.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "services/common.h"
#include "services/env.h"
#include "services/vt_zaak_weergave.h"

namespace jh::services {

// Records the decision (besluitdatum) and starts the investigation today.
// Errors: kNotFound (VT-04); 403 VT-02 on an advice; 422 VT-06 when the five days have passed,
// 422 naming besluitdatum when it lies in the future; 409 when one runs or the case is closed.
[[nodiscard]] Result<VtOnderzoek> StartVtOnderzoek(Env& env, const std::string& zaak_id,
                                                   const Date& besluitdatum);

struct VtInformatietermijn {
  std::string zaak_id;
  std::optional<Date> uiterlijk;               // while open
  std::optional<std::string> geinformeerd_op;  // once done
};

// VT-05: extends the informing term by `dagen` with `reden`. Errors: kNotFound (VT-04);
// 422 VT-05 (more than two weeks, no reason, term passed); 409 when no term is open.
[[nodiscard]] Result<VtInformatietermijn> VerlengVtInformeren(Env& env, const std::string& zaak_id,
                                                              int64_t dagen,
                                                              const std::string& reden);
// VT-05: the people of the case have been informed today. Errors: kNotFound; 409 when no term
// is open.
[[nodiscard]] Result<VtInformatietermijn> VtBetrokkenenGeinformeerd(Env& env,
                                                                    const std::string& zaak_id);

struct VtTermijn {
  std::string zaak_id;
  std::string soort;  // informeren (VT-05) | beslissen (VT-06)
  Date uiterlijk;
  bool verlopen = false;
};
// The open terms of the caller's Veilig Thuis, earliest first; `alleen_verlopen` keeps the
// overdue ones.
[[nodiscard]] Result<PageOf<VtTermijn>> ListVtTermijnen(Env& env, const Page& page,
                                                        bool alleen_verlopen);

}  // namespace jh::services
