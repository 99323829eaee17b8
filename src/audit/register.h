// The register of processing activities (AVG art. 30): what the system does with personal
// data, why, on which legal ground, which data of whom, and how long it is kept. Every
// processing-log record points into this register (dpl.core.processing_activity_id).
// Served read-only at /api/v1/verwerkingsactiviteiten.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jh::audit {

struct Verwerkingsactiviteit {
  std::string id;
  std::string naam;
  std::string doel;
  std::string grondslag;
  std::vector<std::string> categorieen_betrokkenen;
  std::vector<std::string> categorieen_persoonsgegevens;
  std::vector<std::string> ontvangers;
  std::string bewaartermijn;
};

const std::vector<Verwerkingsactiviteit>& Register();
// nullptr when unknown.
const Verwerkingsactiviteit* FindActiviteit(std::string_view id);
// The URI of an activity, as written into the processing log.
std::string ActiviteitUri(std::string_view id);

// The rights context (RULES.md AVG-02 table: "verwijsindex", "veilig-thuis", "jeugdhulp") an
// activity belongs to, or "" when it belongs to none alone: the BRP stand-in, accounts,
// accountability, requests, complaints and webhook delivery serve several contexts at once.
// An inspection granted in one context shows only that context's processing (AVG-03 with the
// age rules of AVG-02): whoever may inspect a child's Veilig Thuis file need not be who may
// inspect his jeugdhulp dossier.
std::string_view RechtenContext(std::string_view activiteit_id);
// The ids of the activities of `context` (empty for an unknown one).
std::vector<std::string> ActiviteitenVan(std::string_view context);

// Activity ids used by the services (one constant per activity, so a typo cannot compile).
inline constexpr const char* kBrpBeheer = "brp-beheer";
inline constexpr const char* kMedewerkerBeheer = "medewerker-beheer";
inline constexpr const char* kToegangBurger = "toegang-burger";
inline constexpr const char* kVerantwoording = "verantwoording";
inline constexpr const char* kVernietiging = "vernietiging";
inline constexpr const char* kVirRegistratie = "vir-registratie";
inline constexpr const char* kVirSignalering = "vir-signalering";
inline constexpr const char* kVirRegie = "vir-regie";
inline constexpr const char* kVirOpschoning = "vir-opschoning";
inline constexpr const char* kWebhookLevering = "webhook-levering";
inline constexpr const char* kVtZaak = "vt-zaak";
inline constexpr const char* kVtOnderzoek = "vt-onderzoek";
inline constexpr const char* kVtInformatie = "vt-informatie";
inline constexpr const char* kVtOverdracht = "vt-overdracht";
inline constexpr const char* kVtMelderIdentiteit = "vt-melder-identiteit";
inline constexpr const char* kVtBewaring = "vt-bewaring";
// Toegang, jeugdhulp and declaraties. A municipal read is logged under the activity of the
// purpose it stated (JW-01): jw-toegang, jw-bekostiging or jw-controle.
inline constexpr const char* kJwVerwijzing = "jw-verwijzing";
inline constexpr const char* kJwToegang = "jw-toegang";
inline constexpr const char* kJwJeugdhulp = "jw-jeugdhulp";
inline constexpr const char* kJwDossier = "jw-dossier";
inline constexpr const char* kJwDeclaratie = "jw-declaratie";
inline constexpr const char* kJwBekostiging = "jw-bekostiging";
inline constexpr const char* kJwControle = "jw-controle";
inline constexpr const char* kJwOpschoning = "jw-opschoning";
inline constexpr const char* kAvgVerzoek = "avg-verzoek";
inline constexpr const char* kKlacht = "klacht";

}  // namespace jh::audit
