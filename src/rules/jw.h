// The rules of toegang and jeugdhulp (Jeugdwet), RULES.md JW-01 … JW-05 and JW-08 … JW-10.
// The rules about bills (JW-06, JW-07) are in rules/jw_declaratie.h. Pure functions: every
// fact, including the date of the act, is an argument.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "rules/decision.h"

namespace jh::rules {

// JW-01 (Jw 7.4.0): the purposes for which a municipality may process data of youths and
// parents. A municipal read names one of these (query parameter `doel`).
inline constexpr std::string_view kDoelToegang = "toegang";
inline constexpr std::string_view kDoelJeugdbescherming = "jeugdbescherming";  // and -reclassering
inline constexpr std::string_view kDoelBekostiging = "bekostiging";
inline constexpr std::string_view kDoelControle = "controle";  // control and fraud
const std::vector<std::string>& Jw01Doelen();

// JW-01: a municipal access states one of the purposes of Jw 7.4.0 (`doel` "" = none stated).
Decision Jw01Doel(std::string_view doel);

// JW-02 (Jw 2.6(1)(e)): only a huisarts, jeugdarts or medisch specialist refers. The iJw
// referrer code (COD327) of a role: huisarts 02, jeugdarts 03, medisch-specialist 05; "" for
// anybody else.
std::string_view Jw02VerwijzerCode(std::string_view rol);
Decision Jw02(std::string_view rol);

// The facts of JW-03: who asks, and what the youth's municipality configured.
struct ToegangFeiten {
  std::string rol;                          // the caller's role
  std::string organisatie_soort;            // the caller's organisation kind
  std::string organisatie_gemeente;         // the municipality the caller's team serves
  std::string jeugdige_gemeente;            // the youth's municipality
  std::optional<std::string> toegangsteam;  // configured kind (wijkteam|jeugdteam|cjg)
};

// JW-03 (Jw 2.3): only a toegangsmedewerker of the access team kind configured for the youth's
// municipality, of that municipality, takes an access decision.
Decision Jw03(const ToegangFeiten& feiten);

// A contract of the municipality with a provider, as far as JW-04 needs it.
struct ContractFeit {
  std::string aanbieder_id;
  std::vector<std::string> productcategorieen;
  Date geldig_vanaf;
  std::optional<Date> geldig_tot;  // inclusive; none = indefinite
};

struct ToewijzingFeiten {
  std::string aanbieder_id;
  std::string aanbieder_soort;  // API.md soort of the provider
  std::string productcategorie;
  Date geldig_vanaf;
  Date geldig_tot;
  std::vector<ContractFeit> contracten;  // the contracts of the youth's municipality
};

// Whether category 47 (jeugdreclassering) or 48 (jeugdbescherming): these are reserved for a
// gecertificeerde instelling (Jw 3.4).
bool Jw04AlleenGi(std::string_view productcategorie);

// JW-04 (Jw 2.3, 3.4; iJw JZ020): care is assigned only to a provider with a contract with the
// youth's municipality for the category that is valid for the whole assignment period, and
// categories 47 and 48 only to a gecertificeerde instelling.
Decision Jw04(const ToewijzingFeiten& feiten);

// JW-02, JW-03: an assignment rests on a referral (JW-02) or an access decision of the access
// team (JW-03); only a measure of the court — jeugdbescherming (48) or jeugdreclassering
// (47), carried out by a gecertificeerde instelling — needs neither.
Decision Jw03Toegangsgrond(bool verwijzing, bool toegangsbesluit, std::string_view categorie);

// JW-04: the municipality that assigns is the youth's municipality: its contracts count.
Decision Jw04Gemeente(std::string_view gemeente, std::string_view jeugdige_gemeente);

// JW-04 (Jw 2.3): who assigns — a gemeentemedewerker (the municipality's contract role), of the
// youth's municipality (Jw04Gemeente). The endpoint and the AuthZEN evaluation both ask this
// one function, so neither can allow what the other refuses.
Decision Jw04Toewijzer(std::string_view rol, std::string_view gemeente,
                       std::string_view jeugdige_gemeente);

// JW-04: only the provider an assignment was given to acts on it (start, stop, bills).
Decision Jw04EigenToewijzing(std::string_view organisatie_id, std::string_view aanbieder_id);

// JW-05 (Jw 7.3.11): the care dossier is open only to the care workers (jeugdhulpverlener) of
// the provider directly involved.
Decision Jw05(std::string_view rol, std::string_view organisatie_id, std::string_view aanbieder_id);

// JW-08 (Jw 7.3.4, 7.3.5): who must consent to care for a youth of this age, checked against
// who did. Under 12 every parent with authority (gezag); 12–15 the youth and every parent with
// authority; 16 and older the youth alone. Anybody else in `toestemming_van` is refused too:
// his consent is not the ground, and naming him processes his data for nothing.
struct ToestemmingFeiten {
  std::string jeugdige_id;
  Date geboortedatum;
  std::vector<std::string> gezag;            // ids of the parents with authority
  std::vector<std::string> toestemming_van;  // ids of the persons who consented
};
// `datum` is the date the consent is given and recorded (today): the age of the act of
// consenting decides whose consent counts, not the age on a start date the provider picks.
Decision Jw08(const ToestemmingFeiten& feiten, const Date& datum);

// JW-08: consent given today covers care that starts today or started before; a start after
// today would be care nobody with today's competence consented to (the youth may be 16 by
// then, or the parents may have lost authority), and a "started" status with a future date
// is not a fact yet. The provider records the start when it happens.
Decision Jw08Startdatum(const Date& startdatum, const Date& vandaag);

// JW-09 (Jw 7.3.9): a care dossier is destroyed 20 years after its last change.
Date Jw09VernietigenOp(const Date& laatst_gewijzigd);
bool Jw09Vernietigen(const Date& laatst_gewijzigd, const Date& vandaag);

// JW-09 (Jw 7.3.15): who exercises the dossier rights: the parents under 12, the youth from 12.
enum class DossierRechten { kOuders, kJeugdige };
DossierRechten Jw09Rechten(const Date& geboortedatum, const Date& datum);

// JW-10 (Jw 2.5): the complaint route about jeugdhulp: first the care worker, then the
// vertrouwenspersoon (AKJ); after the AKJ there is no further step here.
// Escalating from the care worker is allowed (to the AKJ); from the AKJ it is refused.
enum class KlachtFase { kMedewerker, kAkj };
Decision Jw10Escalatie(KlachtFase huidig);

}  // namespace jh::rules
