#include "rules/vt_rechten.h"

#include <algorithm>
#include <string>

#include "rules/reden.h"

namespace jh::rules {

Decision Vt09Vernietiging(int64_t lopende_zaken) {
  if (lopende_zaken > 0) {
    return Decision::Refuse(
        "VT-09", kVt09Ground,
        std::to_string(lopende_zaken) + (lopende_zaken == 1 ? " zaak loopt" : " zaken lopen") +
            " nog (niet overgedragen of afgesloten); de wettelijke taak van Veilig Thuis "
            "(Wmo 2015 4.1.1) verzet zich tegen vernietiging voordat de zaak is afgerond.");
  }
  return Decision::Allow("VT-09", kVt09Ground,
                         "Geen lopende zaak; het dossier wordt op verzoek vernietigd.");
}

Decision Vt09ZaakVernietigen(int64_t andere_betrokkenen) {
  if (andere_betrokkenen > 0) {
    return Decision::Refuse(
        "VT-09", kVt09Ground,
        "De zaak gaat ook over " + std::to_string(andere_betrokkenen) +
            (andere_betrokkenen == 1 ? " andere persoon" : " andere personen") +
            "; hun aanmerkelijk belang verzet zich tegen vernietiging van de zaak. Alleen de "
            "koppeling met de verzoeker wordt verwijderd.");
  }
  return Decision::Allow("VT-09", kVt09Ground,
                         "De zaak gaat alleen over de verzoeker en wordt vernietigd.");
}

Decision Vt09Weigering(std::string_view reden) {
  if (Blank(reden)) {
    return Decision::Refuse("VT-09", kVt09Ground,
                            "Een weigering te vernietigen noemt de concrete reden: het belang "
                            "van een ander of het wettelijk voorschrift dat zich verzet.");
  }
  return Decision::Allow("VT-09", kVt09Ground, "De weigering noemt haar reden.");
}

Decision Vt10Weigering(bool vertegenwoordiger, int leeftijd_kind, std::string_view reden) {
  if (!vertegenwoordiger || leeftijd_kind >= 16) {
    return Decision::Refuse(
        "VT-10", kVt10Ground,
        "Inzage door de jeugdige zelf, of voor een jeugdige van 16 jaar of ouder, wordt niet "
        "om het belang van het kind geweigerd; alleen beperkt ter bescherming van anderen "
        "(VT-04), wat elke inzage al doet.");
  }
  if (Blank(reden)) {
    return Decision::Refuse("VT-10", kVt10Ground,
                            "Een weigering noemt waarom het belang van het kind zich verzet.");
  }
  return Decision::Allow("VT-10", kVt10Ground,
                         "Het belang van het kind verzet zich tegen inzage door de "
                         "vertegenwoordiger.");
}

}  // namespace jh::rules
