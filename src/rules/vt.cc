#include "rules/vt.h"

#include "rules/reden.h"

namespace jh::rules {

namespace {
constexpr std::string_view kVt01Ground = "Wmo 2015 5.1.6(2),(3)";
constexpr std::string_view kVt02Ground = "Wmo 2015 5.2.6";
constexpr std::string_view kVt03Ground = "Wmo 2015 5.2.6";
constexpr std::string_view kVt04Ground = "Uitv.Wmo 4.1.8(3)";
constexpr std::string_view kVt05Ground = "Wmo 2015 5.3.1";
constexpr std::string_view kVt06Ground = "Uitv.Wmo 4.1.7";
constexpr std::string_view kVt07Ground = "Wmo 2015 4.1.1(2)";

constexpr int64_t kInformerenDagen = 28;  // four weeks
constexpr int64_t kMaxVerlengingDagen = 14;
constexpr int64_t kStartDagen = 5;
constexpr int64_t kBeslissenDagen = 70;  // ten weeks
constexpr int kBewaarJaren = 20;
}  // namespace

Decision Vt01Advies(bool met_betrokkenen, std::optional<bool> toestemming) {
  if (met_betrokkenen && !toestemming.value_or(false)) {
    return Decision::Refuse("VT-01", kVt01Ground,
                            "Bij een adviesvraag worden de betrokkenen alleen met hun "
                            "toestemming vastgelegd (toestemming: true).");
  }
  return Decision::Allow("VT-01", kVt01Ground,
                         met_betrokkenen ? "Betrokkenen vastgelegd met toestemming."
                                         : "Alleen wat de vrager zelf vertelt.");
}

Decision Vt02Informatie(std::string_view zaak_soort, bool onderzoek_loopt) {
  if (zaak_soort != "melding") {
    return Decision::Refuse("VT-02", kVt02Ground,
                            "Bij een adviesvraag mag geen informatie bij anderen worden "
                            "opgevraagd; zet de adviesvraag eerst om in een melding.");
  }
  if (!onderzoek_loopt) {
    return Decision::Refuse("VT-02", kVt02Ground,
                            "Informatie wordt alleen binnen een onderzoek naar aanleiding van "
                            "een melding opgevraagd; start eerst het onderzoek.");
  }
  return Decision::Allow("VT-02", kVt02Ground, "Onderzoek naar aanleiding van een melding.");
}

Decision Vt02Antwoord(bool gevraagde_organisatie) {
  if (!gevraagde_organisatie) {
    return Decision::Refuse("VT-02", kVt02Ground,
                            "Alleen de gevraagde organisatie beantwoordt dit informatieverzoek.");
  }
  return Decision::Allow("VT-02", kVt02Ground, "De gevraagde organisatie antwoordt.");
}

Decision Vt03Grond(const std::optional<std::string>& grond) {
  if (!grond || (*grond != "redelijk-vermoeden" && *grond != "beeindigen-geweld")) {
    return Decision::Refuse("VT-03", kVt03Ground,
                            "Een melding vermeldt haar grond: redelijk-vermoeden of "
                            "beeindigen-geweld.");
  }
  return Decision::Allow("VT-03", kVt03Ground, "De grond van de melding is vermeld.");
}

Vt04Besluit Vt04MelderIdentiteit(const Vt04Feiten& f) {
  Vt04Besluit out;
  if (f.beroepskracht) {
    if (f.bedreiging_slachtoffer) out.gronden.emplace_back("bedreiging-slachtoffer");
    if (f.bedreiging_melder) out.gronden.emplace_back("bedreiging-melder");
    if (f.verstoring_vertrouwensrelatie) out.gronden.emplace_back("verstoring-vertrouwensrelatie");
  } else if (!f.toestemming_vooraf) {
    out.gronden.emplace_back("geen-toestemming-melder");
  }
  out.decision = out.gronden.empty()
                     ? Decision::Allow("VT-04", kVt04Ground,
                                       "De identiteit van de melder mag worden verstrekt.")
                     : Decision::Refuse("VT-04", kVt04Ground,
                                        "De identiteit van de melder wordt niet verstrekt.");
  return out;
}

ZaakZicht Vt04Zicht(const Vt04ZichtFeiten& f) {
  if (f.vt_medewerker && f.zelfde_organisatie) return ZaakZicht::kVolledig;
  if (f.eigen_melder) return ZaakZicht::kAlleenStappen;
  return ZaakZicht::kGeen;
}

Decision Vt04ZichtBesluit(const Vt04ZichtFeiten& f) {
  switch (Vt04Zicht(f)) {
    case ZaakZicht::kVolledig:
      return Decision::Allow("VT-04", kVt04Ground, "Medewerker van deze Veilig Thuis.");
    case ZaakZicht::kAlleenStappen:
      return Decision::Allow("VT-04", kVt04Ground,
                             "De melder ziet alleen de status en de genomen stappen.");
    case ZaakZicht::kGeen:
      break;
  }
  return Decision::Refuse("VT-04", kVt04Ground,
                          "Alleen Veilig Thuis en de melder zelf weten van deze zaak.");
}

Date Vt05InformerenUiterlijk(const Date& vastgelegd) {
  return vastgelegd.AddDays(kInformerenDagen);
}

Decision Vt05Verlenging(const Date& uiterlijk, const Date& vandaag, int64_t dagen,
                        std::string_view reden) {
  if (dagen < 1 || dagen > kMaxVerlengingDagen) {
    return Decision::Refuse("VT-05", kVt05Ground,
                            "De termijn wordt per keer met ten hoogste twee weken verlengd.");
  }
  if (Blank(reden)) {
    return Decision::Refuse("VT-05", kVt05Ground, "Een verlenging vermeldt haar reden.");
  }
  if (uiterlijk < vandaag) {
    return Decision::Refuse("VT-05", kVt05Ground,
                            "De termijn is al verstreken; een verlenging komt te laat.");
  }
  return Decision::Allow("VT-05", kVt05Ground, "Verlenging van ten hoogste twee weken met reden.");
}

Vt06Termijnen Vt06(const Date& besluitdatum) {
  return Vt06Termijnen{besluitdatum.AddDays(kStartDagen), besluitdatum.AddDays(kBeslissenDagen)};
}

Decision Vt06Besluit(const Date& melding_op, const Date& besluitdatum) {
  if (besluitdatum < melding_op) {
    return Decision::Refuse("VT-06", kVt06Ground,
                            "Het besluit dat onderzoek nodig is volgt op de melding; de "
                            "besluitdatum ligt ervoor.");
  }
  return Decision::Allow("VT-06", kVt06Ground, "Besluit na de melding.");
}

Decision Vt06Start(const Date& besluitdatum, const Date& startdatum) {
  if (startdatum < besluitdatum) {
    return Decision::Refuse("VT-06", kVt06Ground,
                            "Het onderzoek kan niet starten voor het besluit dat het nodig is.");
  }
  if (Vt06(besluitdatum).start_uiterlijk < startdatum) {
    return Decision::Refuse("VT-06", kVt06Ground,
                            "Het onderzoek start binnen vijf dagen na het besluit dat het "
                            "nodig is; die termijn is verstreken.");
  }
  return Decision::Allow("VT-06", kVt06Ground, "Start binnen vijf dagen.");
}

bool Vt06BeslissingTijdig(const Date& besluitdatum, const Date& datum) {
  return datum <= Vt06(besluitdatum).beslissen_uiterlijk;
}

Decision Vt07Overdracht(std::string_view zaak_soort, std::string_view organisatie_soort) {
  if (zaak_soort != "melding") {
    return Decision::Refuse("VT-07", kVt07Ground,
                            "Een adviesvraag wordt afgesloten; alleen een melding wordt "
                            "overgedragen.");
  }
  if (organisatie_soort != "wijkteam" && organisatie_soort != "jeugdteam" &&
      organisatie_soort != "cjg" && organisatie_soort != "raad-voor-de-kinderbescherming") {
    return Decision::Refuse("VT-07", kVt07Ground,
                            "Overdracht alleen aan het lokale team (wijkteam, jeugdteam, cjg) "
                            "of de Raad voor de Kinderbescherming.");
  }
  return Decision::Allow("VT-07", kVt07Ground, "Overdracht aan het lokale team of de Raad.");
}

bool Vt07GemeenteInformeren(std::string_view organisatie_soort) {
  return organisatie_soort == "raad-voor-de-kinderbescherming";
}

Decision Vt07GemeenteBekend(std::string_view organisatie_soort, std::string_view gemeentecode) {
  if (Vt07GemeenteInformeren(organisatie_soort) && gemeentecode.empty()) {
    return Decision::Refuse("VT-07", kVt07Ground,
                            "De gemeente van het kind is onbekend, dus het college kan niet "
                            "worden geïnformeerd over het verzoek aan de Raad.");
  }
  return Decision::Allow("VT-07", kVt07Ground,
                         "Het college dat over een verzoek aan de Raad hoort, is bekend.");
}

Date Vt08BewarenTot(const Date& laatste_wijziging) {
  return laatste_wijziging.AddYears(kBewaarJaren);
}

bool Vt08Vernietigen(const Date& laatste_wijziging, const Date& vandaag) {
  return Vt08BewarenTot(laatste_wijziging) <= vandaag;
}

}  // namespace jh::rules
