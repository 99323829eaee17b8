#include "rules/jw.h"

#include <algorithm>

namespace jh::rules {

namespace {
constexpr std::string_view kJw01Ground = "Jw 7.4.0";
constexpr std::string_view kJw02Ground = "Jw 2.6(1)(e)";
constexpr std::string_view kJw03Ground = "Jw 2.3";
constexpr std::string_view kJw04Ground = "Jw 2.3, 3.4; iJw JZ020";
constexpr std::string_view kJw05Ground = "Jw 7.3.11";
constexpr std::string_view kJw08Ground = "Jw 7.3.4, 7.3.5";
constexpr std::string_view kJw10Ground = "Jw 2.5";

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

const std::vector<std::string>& Jw01Doelen() {
  static const std::vector<std::string> kDoelen = {
      std::string(kDoelToegang), std::string(kDoelJeugdbescherming), std::string(kDoelBekostiging),
      std::string(kDoelControle)};
  return kDoelen;
}

Decision Jw01Doel(std::string_view doel) {
  if (!Contains(Jw01Doelen(), doel)) {
    return Decision::Refuse("JW-01", kJw01Ground,
                            "De gemeente vermeldt bij elke inzage het doel: toegang, "
                            "jeugdbescherming, bekostiging of controle.");
  }
  return Decision::Allow("JW-01", kJw01Ground, "Doel vermeld: " + std::string(doel) + ".");
}

std::string_view Jw02VerwijzerCode(std::string_view rol) {
  if (rol == "huisarts") return "02";
  if (rol == "jeugdarts") return "03";
  if (rol == "medisch-specialist") return "05";
  return "";
}

Decision Jw02(std::string_view rol) {
  if (Jw02VerwijzerCode(rol).empty()) {
    return Decision::Refuse("JW-02", kJw02Ground,
                            "Alleen een huisarts, jeugdarts of medisch specialist kan naar "
                            "jeugdhulp verwijzen.");
  }
  return Decision::Allow("JW-02", kJw02Ground, "Verwijzing door een " + std::string(rol) + ".");
}

Decision Jw03(const ToegangFeiten& f) {
  if (f.rol != "toegangsmedewerker") {
    return Decision::Refuse("JW-03", kJw03Ground,
                            "Alleen een toegangsmedewerker van het toegangsteam van de gemeente "
                            "neemt een toegangsbesluit.");
  }
  if (!f.toegangsteam) {
    return Decision::Refuse("JW-03", kJw03Ground,
                            "De gemeente van de jeugdige heeft geen toegangsteam ingesteld.");
  }
  if (f.organisatie_soort != *f.toegangsteam) {
    return Decision::Refuse("JW-03", kJw03Ground,
                            "De gemeente van de jeugdige heeft de toegang belegd bij een " +
                                *f.toegangsteam + "; uw team is geen " + *f.toegangsteam + ".");
  }
  if (f.organisatie_gemeente != f.jeugdige_gemeente) {
    return Decision::Refuse("JW-03", kJw03Ground,
                            "Uw toegangsteam werkt niet voor de gemeente van de jeugdige.");
  }
  return Decision::Allow("JW-03", kJw03Ground,
                         "Toegangsmedewerker van het " + *f.toegangsteam + " van de gemeente.");
}

bool Jw04AlleenGi(std::string_view productcategorie) {
  return productcategorie == "47" || productcategorie == "48";
}

Decision Jw04(const ToewijzingFeiten& f) {
  if (Jw04AlleenGi(f.productcategorie) && f.aanbieder_soort != "gecertificeerde-instelling") {
    return Decision::Refuse("JW-04", kJw04Ground,
                            "Jeugdbescherming (48) en jeugdreclassering (47) worden alleen "
                            "toegewezen aan een gecertificeerde instelling.");
  }
  const bool contract =
      std::any_of(f.contracten.begin(), f.contracten.end(), [&](const ContractFeit& c) {
        return c.aanbieder_id == f.aanbieder_id &&
               Contains(c.productcategorieen, f.productcategorie) &&
               c.geldig_vanaf <= f.geldig_vanaf && (!c.geldig_tot || f.geldig_tot <= *c.geldig_tot);
      });
  if (!contract) {
    return Decision::Refuse("JW-04", kJw04Ground,
                            "De aanbieder heeft geen contract met de gemeente voor deze "
                            "productcategorie dat de hele periode van de toewijzing geldt.");
  }
  return Decision::Allow("JW-04", kJw04Ground, "Geldig contract voor de productcategorie.");
}

Decision Jw03Toegangsgrond(bool verwijzing, bool toegangsbesluit, std::string_view categorie) {
  if (verwijzing || toegangsbesluit || Jw04AlleenGi(categorie)) {
    return Decision::Allow("JW-03", kJw03Ground, "Toegang door verwijzing, besluit of maatregel.");
  }
  return Decision::Refuse("JW-03", kJw03Ground,
                          "Zonder verwijzing van een huisarts, jeugdarts of medisch specialist "
                          "(JW-02) gaat de toegang via een toegangsbesluit van het toegangsteam.");
}

Decision Jw04Gemeente(std::string_view gemeente, std::string_view jeugdige_gemeente) {
  if (gemeente.empty() || gemeente != jeugdige_gemeente) {
    return Decision::Refuse("JW-04", kJw04Ground,
                            "Alleen de gemeente van de jeugdige wijst jeugdhulp toe onder haar "
                            "contracten.");
  }
  return Decision::Allow("JW-04", kJw04Ground, "De gemeente van de jeugdige.");
}

Decision Jw04Toewijzer(std::string_view rol, std::string_view gemeente,
                       std::string_view jeugdige_gemeente) {
  if (rol != "gemeentemedewerker") {
    return Decision::Refuse("JW-04", kJw04Ground,
                            "Alleen een gemeentemedewerker wijst jeugdhulp toe onder de "
                            "contracten van de gemeente.");
  }
  return Jw04Gemeente(gemeente, jeugdige_gemeente);
}

Decision Jw04EigenToewijzing(std::string_view organisatie_id, std::string_view aanbieder_id) {
  if (organisatie_id.empty() || organisatie_id != aanbieder_id) {
    return Decision::Refuse("JW-04", kJw04Ground,
                            "Alleen de aanbieder aan wie is toegewezen handelt op de toewijzing.");
  }
  return Decision::Allow("JW-04", kJw04Ground, "De toegewezen aanbieder.");
}

Decision Jw05(std::string_view rol, std::string_view organisatie_id,
              std::string_view aanbieder_id) {
  if (rol != "jeugdhulpverlener" || organisatie_id.empty() || organisatie_id != aanbieder_id) {
    return Decision::Refuse("JW-05", kJw05Ground,
                            "Het dossier is alleen open voor de jeugdhulpverleners van de "
                            "aanbieder die de jeugdhulp verleent; de gemeente heeft geen toegang.");
  }
  return Decision::Allow("JW-05", kJw05Ground, "Jeugdhulpverlener van de betrokken aanbieder.");
}

Decision Jw08(const ToestemmingFeiten& f, const Date& datum) {
  const int leeftijd = AgeInYears(f.geboortedatum, datum);
  std::vector<std::string> nodig;
  if (leeftijd >= 12) nodig.push_back(f.jeugdige_id);
  if (leeftijd < 16) nodig.insert(nodig.end(), f.gezag.begin(), f.gezag.end());
  const std::string wie = leeftijd < 12   ? "de ouders met gezag"
                          : leeftijd < 16 ? "de jeugdige en de ouders met gezag"
                                          : "de jeugdige zelf";
  if (leeftijd < 16 && f.gezag.empty()) {
    return Decision::Refuse("JW-08", kJw08Ground,
                            "Onder 16 jaar is toestemming van de ouders met gezag nodig, maar "
                            "er is geen ouder met gezag bekend.");
  }
  for (const std::string& id : nodig) {
    if (!Contains(f.toestemming_van, id)) {
      return Decision::Refuse("JW-08", kJw08Ground,
                              "Bij deze leeftijd geeft " + wie + " toestemming; die ontbreekt.");
    }
  }
  for (const std::string& id : f.toestemming_van) {
    if (!Contains(nodig, id)) {
      return Decision::Refuse("JW-08", kJw08Ground,
                              "Bij deze leeftijd geeft alleen " + wie + " toestemming.");
    }
  }
  return Decision::Allow("JW-08", kJw08Ground, "Toestemming van " + wie + ".");
}

Decision Jw08Startdatum(const Date& startdatum, const Date& vandaag) {
  if (vandaag < startdatum) {
    return Decision::Refuse("JW-08", kJw08Ground,
                            "De toestemming geldt vandaag; een startdatum na vandaag wordt "
                            "vastgelegd als de jeugdhulp begint.");
  }
  return Decision::Allow("JW-08", kJw08Ground, "De jeugdhulp is begonnen.");
}

Date Jw09VernietigenOp(const Date& laatst_gewijzigd) { return laatst_gewijzigd.AddYears(20); }

bool Jw09Vernietigen(const Date& laatst_gewijzigd, const Date& vandaag) {
  return Jw09VernietigenOp(laatst_gewijzigd) <= vandaag;
}

DossierRechten Jw09Rechten(const Date& geboortedatum, const Date& datum) {
  return AgeInYears(geboortedatum, datum) < 12 ? DossierRechten::kOuders
                                               : DossierRechten::kJeugdige;
}

Decision Jw10Escalatie(KlachtFase huidig) {
  if (huidig == KlachtFase::kAkj) {
    return Decision::Refuse("JW-10", kJw10Ground,
                            "De klacht ligt al bij de vertrouwenspersoon (AKJ).");
  }
  return Decision::Allow(
      "JW-10", kJw10Ground,
      "Na de jeugdhulpverlener gaat de klacht naar de vertrouwenspersoon (AKJ).");
}

}  // namespace jh::rules
