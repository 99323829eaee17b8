// The rules of Veilig Thuis (Wmo 2015 ch. 4–5, Uitv.Wmo 4.1.7–4.1.8), RULES.md VT-01 … VT-08.
// Pure functions: every fact, including the date of the act, is an argument. VT-09 … VT-11
// (destruction on request, inspection, complaints) belong to the rights area and use the same
// facts (the reporter-identity decision below, the case's betrokkenen).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "rules/decision.h"

namespace jh::rules {

// VT-01 (Wmo 5.1.6(2),(3)): an advice request records the people involved only with their
// consent; `toestemming` is the statement as sent (absent, false or true).
Decision Vt01Advies(bool met_betrokkenen, std::optional<bool> toestemming);

// VT-02 (Wmo 5.2.6): information about a family is gathered from others only within an
// investigation that follows a melding — never on an advice request.
Decision Vt02Informatie(std::string_view zaak_soort, bool onderzoek_loopt);
// VT-02: an information request is seen and answered by the organisation it was sent to
// (any of its medewerkers), and by nobody else outside Veilig Thuis.
Decision Vt02Antwoord(bool gevraagde_organisatie);

// VT-03 (Wmo 5.2.6): a melding states its ground — needed to end violence or abuse
// ("beeindigen-geweld") or a reasonable suspicion of it ("redelijk-vermoeden").
Decision Vt03Grond(const std::optional<std::string>& grond);

// VT-04 (Uitv.Wmo 4.1.8(3)): the facts of a request to learn who reported.
struct Vt04Feiten {
  bool beroepskracht = false;           // a professional reporter; otherwise private
  bool toestemming_vooraf = false;      // a private reporter consented beforehand
  bool bedreiging_slachtoffer = false;  // disclosure threatens the (possible) victim/household
  bool bedreiging_melder = false;       // … threatens the professional or his staff
  bool verstoring_vertrouwensrelatie = false;  // … seriously disturbs the trust relation
};
struct Vt04Besluit {
  Decision decision;                 // allowed = the identity may be disclosed
  std::vector<std::string> gronden;  // why it is withheld (empty when disclosed)
};
Vt04Besluit Vt04MelderIdentiteit(const Vt04Feiten& feiten);

// VT-04: who sees how much of a case. Veilig Thuis staff of the case's own organisation see
// everything; a professional who reported it sees only its status and steps; nobody else
// may know of it. A reporter's identity is shown only in the full view.
enum class ZaakZicht { kVolledig, kAlleenStappen, kGeen };
struct Vt04ZichtFeiten {
  bool vt_medewerker = false;       // role vt-medewerker
  bool zelfde_organisatie = false;  // of the case's Veilig Thuis
  bool eigen_melder = false;        // the caller is the professional who reported it
};
ZaakZicht Vt04Zicht(const Vt04ZichtFeiten& feiten);
Decision Vt04ZichtBesluit(const Vt04ZichtFeiten& feiten);

// VT-05 (Wmo 5.3.1): people whose data came from others are informed within four weeks of
// recording.
Date Vt05InformerenUiterlijk(const Date& vastgelegd);
// VT-05: an extension by `dagen` of the term ending `uiterlijk`, asked on `vandaag`: at most
// two weeks at a time, with a reason, and before the term has passed.
Decision Vt05Verlenging(const Date& uiterlijk, const Date& vandaag, int64_t dagen,
                        std::string_view reden);

// VT-06 (Uitv.Wmo 4.1.7): the terms that follow the decision (vaststelling) that an
// investigation is needed.
struct Vt06Termijnen {
  Date start_uiterlijk;      // five days after the decision
  Date beslissen_uiterlijk;  // ten weeks after the decision
};
Vt06Termijnen Vt06(const Date& besluitdatum);
// VT-06: the decision that an investigation is needed follows the melding (received, or an
// advice turned into one, on `melding_op`); an earlier date would shorten both terms.
Decision Vt06Besluit(const Date& melding_op, const Date& besluitdatum);
// VT-06: an investigation decided on `besluitdatum` starting on `startdatum` is on time.
Decision Vt06Start(const Date& besluitdatum, const Date& startdatum);
// VT-06: whether the decision on steps, taken on `datum`, is within ten weeks.
bool Vt06BeslissingTijdig(const Date& besluitdatum, const Date& datum);

// VT-07 (Wmo 4.1.1(2)): a melding is handed over to the local team (wijkteam, jeugdteam,
// cjg) or the Raad voor de Kinderbescherming; nothing else receives a case.
Decision Vt07Overdracht(std::string_view zaak_soort, std::string_view organisatie_soort);
// VT-07: when the Raad is asked to investigate, the college of the municipality is informed.
bool Vt07GemeenteInformeren(std::string_view organisatie_soort);
// VT-07: the Raad is asked only when the college to inform is known: a handover to the Raad
// of a case without a municipality (`gemeentecode` "") is refused rather than made without
// telling anyone. A handover to the local team needs no municipality.
Decision Vt07GemeenteBekend(std::string_view organisatie_soort, std::string_view gemeentecode);

// VT-08 (Wmo 5.3.4(2)): a file is kept 20 years from its last change, then destroyed.
Date Vt08BewarenTot(const Date& laatste_wijziging);
bool Vt08Vernietigen(const Date& laatste_wijziging, const Date& vandaag);

}  // namespace jh::rules
