// What every Veilig Thuis use case shares: a case row as the rules need it, the access
// decision (VT-04: who sees how much), the processing records for the people of a case, and
// the bookkeeping after a change (steps told to the reporter, VT-07; retention date, VT-08).
// Free text and reporter details are sealed under the case's own data key (owner = case id).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rules/vt.h"
#include "services/env.h"

namespace jh::services {

struct VtZaakRij {
  std::string id;
  std::string organisatie_id;  // the Veilig Thuis that holds the case (the controller)
  std::string soort;           // advies | melding
  std::string status;          // open | in-onderzoek | overgedragen | afgesloten | vernietigd
  std::string gemeentecode;    // of the child, "" when unknown
  std::optional<std::string> grond;
  bool toestemming = false;
  std::string melder_soort;                         // particulier | beroepskracht | ""
  std::optional<std::string> melder_medewerker_id;  // a professional who reported himself
  bool toestemming_identiteit = false;
  std::string aangemaakt_op, gewijzigd_op, bewaren_tot;
  std::optional<std::string> omgezet_op;
  std::optional<std::string> vraag_enc, omschrijving_enc, melder_enc;
  std::vector<std::string> persoon_ids;  // the betrokkenen
};

// Errors: kNotFound when no case has this id.
[[nodiscard]] Result<VtZaakRij> LoadVtZaak(store::Tx& tx, const std::string& id);

// Loads the case and decides (VT-04, into the decision log) how much the caller may see.
// `alleen_volledig`: the action needs the full view (Veilig Thuis staff of the case).
// Errors: kNotFound for an unknown case and for one the caller may not know of.
struct VtToegang {
  VtZaakRij zaak;
  rules::ZaakZicht zicht = rules::ZaakZicht::kGeen;
};
[[nodiscard]] Result<VtToegang> OpenVtZaak(Env& env, const std::string& id, const char* action,
                                           bool alleen_volledig);

// Inside a write: the case again, and kConflict when it is closed, handed over or destroyed
// (nothing more happens on such a case).
[[nodiscard]] Result<VtZaakRij> LoadOpenVtZaak(store::Tx& tx, const std::string& id);

// A processing record for every person of the case, or for the case itself when it holds
// none (an advice without consent): every access to a case is in the processing log.
void LogVtZaak(Env& env, const char* activity, const std::string& name, const VtZaakRij& zaak);

// VT-04: the subject under which the processing log records a professional reporter's part
// in one case ("melder" + this key). It is the case id and the medewerker id together, so the
// log's keyed pseudonym of it differs per case and matches none of the pseudonyms of the
// medewerker's other records (registration, tokens): a log export, read by the beheerder or
// anyone else, cannot link a melding to the professional who made it. The system itself can
// recompute the pseudonym from the case when the law asks it to account for the reporter.
inline constexpr const char* kVtMelderSubject = "melder";
std::string VtMelderSleutel(const std::string& zaak_id, const std::string& medewerker_id);

// After a change: the last-change time and the retention date (VT-08).
[[nodiscard]] Status TouchVtZaak(store::Tx& tx, Env& env, const std::string& zaak_id);
// A step the reporter is told of (VT-07), dated today.
[[nodiscard]] Status AddVtStap(store::Tx& tx, Env& env, const std::string& zaak_id,
                               const std::string& soort);
// Seals `text` under the case's key, loading it in `tx`. Errors: kInternal without a key.
[[nodiscard]] Result<store::Blob> SealVtVeld(store::Tx& tx, Env& env, const std::string& zaak_id,
                                             std::string_view veld, std::string_view text);

// The field name under which a part of an information request is sealed with the case's key
// (the associated data binds case, request and part).
std::string VtVerzoekVeld(const std::string& verzoek_id, std::string_view deel);

}  // namespace jh::services
