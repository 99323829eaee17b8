#include "audit/register.h"

#include <algorithm>
#include <utility>

namespace jh::audit {

const std::vector<Verwerkingsactiviteit>& Register() {
  static const std::vector<Verwerkingsactiviteit> kRegister = {
      {kBrpBeheer,
       "Bijhouden van persoonsgegevens (lokale BRP-voorziening)",
       "De regels van de Jeugdwet en de Wmo vragen leeftijd, gezag, woonplaats en adres van "
       "jeugdigen en ouders: om te bepalen wie mag melden, wie toestemming geeft, welke "
       "gemeente verantwoordelijk is en wanneer gegevens vernietigd moeten worden.",
       "AVG 6(1)(c) en (e); Jeugdwet 7.1.1.1, 7.1.2.3, 7.3.4; Wmo 2015 5.1.6",
       {"jeugdigen", "ouders met gezag"},
       {"BSN", "naam", "geboortedatum", "geslacht", "adres", "gemeente", "gezagsrelaties",
        "overlijdensdatum"},
       {"geen: alleen gebruikt door de regels van dit systeem"},
       "Zolang er een registratie, zaak of dossier over de persoon bestaat; daarna vernietigd."},
      {kMedewerkerBeheer,
       "Beheer van medewerkers en hun toegang",
       "Vaststellen wie namens welke organisatie werkt, met welke rol en of hij "
       "meldingsbevoegd is; contactgegevens voor signalen in de Verwijsindex.",
       "AVG 6(1)(c); Jeugdwet 7.1.3.1, 7.1.4.3",
       {"medewerkers van aangesloten organisaties"},
       {"naam", "rol", "organisatie", "telefoonnummer", "e-mailadres"},
       {"andere melders via een signaal (alleen contactgegevens)"},
       "Zolang de medewerker toegang heeft, en zolang zijn registraties bestaan."},
      {kToegangBurger,
       "Toegang van burgers tot hun eigen gegevens",
       "Burgers laten inzien wat over hen is vastgelegd en wie het heeft verwerkt, en hun "
       "rechten laten uitoefenen.",
       "AVG 12 tot en met 22",
       {"jeugdigen", "ouders"},
       {"BSN (alleen als sleutelwaarde)", "tokens (alleen als hash)"},
       {"geen"},
       "Zolang het token geldig is."},
      {kVerantwoording,
       "Verantwoording over verwerkingen",
       "Vastleggen en laten inzien wie welke persoonsgegevens wanneer en waarvoor verwerkte "
       "(Logboek Dataverwerkingen), en elk autorisatiebesluit.",
       "AVG 5(2), 15 en 30; Jeugdwet 7.1.2.3(1)(f)",
       {"jeugdigen", "ouders", "medewerkers"},
       {"pseudoniemen", "tijdstippen", "verwerkingsactiviteit", "organisatie en rol"},
       {"de betrokkene zelf", "beheerders van het systeem", "toezichthouders"},
       "Zolang de verwerking waarop het verslag betrekking heeft mag worden bewaard."},
      {kVernietiging,
       "Vernietiging van persoonsgegevens",
       "Uitvoeren van het recht op vergetelheid en van wettelijke vernietigingstermijnen door "
       "de sleutel van de persoon te vernietigen (crypto-shredding), zodat het logboek intact "
       "blijft maar onleesbaar wordt voor die persoon.",
       "AVG 17; Jeugdwet 7.1.4.5, 7.3.9; Wmo 2015 5.3.4, 5.3.5",
       {"jeugdigen", "ouders"},
       {"alle gegevens van de persoon"},
       {"geen"},
       "Het verslag van de vernietiging blijft zolang het logboek."},
      {kVirRegistratie,
       "Verwijsindex: melden, inzien en verwijderen van eigen registraties",
       "Een professional die zich zorgen maakt over een jeugdige laat in de Verwijsindex "
       "vastleggen dat hij betrokken is, zodat hij hoort wie nog meer betrokken is; zonder "
       "te zeggen waarom.",
       "Jeugdwet 7.1.1.1, 7.1.1.2, 7.1.4.1 tot en met 7.1.4.5; AVG 6(1)(e)",
       {"jeugdigen tot 23 jaar", "meldingsbevoegden"},
       {"BSN of verwijsindexservicenummer", "naam en contactgegevens van de melder",
        "datum en tijd van de melding", "datum van verwijdering"},
       {"alleen de melder zelf; anderen uitsluitend via een signaal"},
       "Actief tot uiterlijk twee jaar na de melding of de 23e verjaardag; daarna vijf jaar in "
       "het archief (Jeugdwet 7.1.4.5, 7.1.4.6)."},
      {kVirSignalering,
       "Verwijsindex: signalen (matches) bij meerdere betrokkenen",
       "Melders van dezelfde jeugdige, hetzelfde gezin of hetzelfde adres, en de regievoerder "
       "van de gemeente, elkaars contactgegevens geven zodat zij kunnen afstemmen.",
       "Jeugdwet 7.1.2.3(1)(c, d, e, g), 7.1.4.3(2)",
       {"jeugdigen tot 23 jaar", "meldingsbevoegden"},
       {"naam, organisatie, telefoonnummer en e-mailadres van de andere melders",
        "dat het om verschillende jeugdigen gaat (gezin, adres)"},
       {"de betrokken melders", "de regievoerder van de gemeente van de jeugdige",
        "het gekoppelde bronsysteem van de organisatie (webhook)"},
       "Zolang de registratie waarop het signaal betrekking heeft bestaat."},
      {kVirRegie,
       "Verwijsindex: regie en afstemming door de gemeente",
       "De regievoerder van de gemeente van de jeugdige ziet de signalen over zijn jeugdigen "
       "en legt vast of de melders contact met elkaar hebben gehad; uitsluitend voor die taak.",
       "Jeugdwet 7.1.3.2",
       {"jeugdigen tot 23 jaar", "meldingsbevoegden", "regievoerders"},
       {"signalen met contactgegevens van melders", "afstemmingen (contact gelegd, datum)"},
       {"geen"},
       "Zolang de registraties waarop de signalen betrekking hebben bestaan."},
      {kVirOpschoning,
       "Verwijsindex: automatische verwijdering, archivering en vernietiging",
       "Registraties verwijderen na twee jaar, bij de 23e verjaardag en na overlijden, het "
       "archief na vijf jaar vernietigen, en melders en regievoerders bij een verhuizing "
       "informeren.",
       "Jeugdwet 7.1.4.5, 7.1.4.6, 7.1.2.3(1)(g)",
       {"jeugdigen tot 23 jaar"},
       {"registraties", "geboortedatum", "overlijdensdatum", "gemeente en adres"},
       {"geen"},
       "Het verslag blijft zolang het logboek."},
      {kWebhookLevering,
       "Levering van signalen aan het eigen systeem van een organisatie (webhook)",
       "Een signaal uit de Verwijsindex ook afleveren bij het bronsysteem van de organisatie "
       "van de geadresseerde melder, zodat zij het aan haar eigen dossier kan koppelen en de "
       "melders met elkaar in contact komen.",
       "AVG 6(1)(c) en (e); Jeugdwet 7.1.2.3, 7.1.4.3(2)",
       {"medewerkers van aangesloten organisaties", "jeugdigen"},
       {"naam, organisatie, telefoonnummer en e-mailadres van melders en coördinatoren",
        "de eigen registratie van de geadresseerde waarop het signaal betrekking heeft"},
       {"het systeem van de organisatie van de geadresseerde melder, op de door de beheerder "
        "ingestelde webhook"},
       "Tot de levering, ten hoogste drie dagen; daarna wordt de inhoud gewist en blijft "
       "alleen het verslag van de levering 30 dagen bewaard."},
      {kVtZaak,
       "Veilig Thuis: adviesvragen en meldingen vastleggen, inzien en afsluiten",
       "Advies geven over en meldingen ontvangen van huiselijk geweld en kindermishandeling, "
       "zodat Veilig Thuis kan beoordelen wat nodig is om het geweld te stoppen; de melder "
       "volgt welke stappen zijn gezet.",
       "Wmo 2015 4.1.1, 5.1.6, 5.2.6; Uitv.Wmo 4.1.8; AVG 6(1)(c) en (e), 9(2)(g)",
       {"kinderen", "ouders en huisgenoten", "melders en vragers"},
       {"BSN (alleen als sleutelwaarde)", "rol in de zaak", "omschrijving van de zorg",
        "naam en contactgegevens van de melder of vrager", "genomen stappen"},
       {"medewerkers van de eigen Veilig Thuis", "de melder (alleen status en stappen)"},
       "Twintig jaar na de laatste wijziging van het dossier (Wmo 2015 5.3.4(2))."},
      {kVtOnderzoek,
       "Veilig Thuis: onderzoek, termijnen en informeren van betrokkenen",
       "Een onderzoek na een melding binnen de wettelijke termijnen starten en afronden, en "
       "de betrokkenen binnen vier weken informeren over wat over hen is vastgelegd.",
       "Uitv.Wmo 4.1.7; Wmo 2015 5.3.1",
       {"kinderen", "ouders en huisgenoten"},
       {"besluitdatum en termijnen", "reden van een verlenging"},
       {"medewerkers van de eigen Veilig Thuis"},
       "Twintig jaar na de laatste wijziging van het dossier (Wmo 2015 5.3.4(2))."},
      {kVtInformatie,
       "Veilig Thuis: informatie opvragen bij anderen binnen een onderzoek",
       "Binnen een onderzoek naar aanleiding van een melding zonder toestemming informatie "
       "opvragen bij scholen, huisartsen en andere beroepskrachten, en het antwoord vastleggen.",
       "Wmo 2015 5.2.6; AVG 6(1)(c) en (e), 9(2)(g)",
       {"kinderen", "ouders en huisgenoten"},
       {"de vraag en het antwoord", "de gevraagde organisatie"},
       {"de gevraagde organisatie (alleen de vraag)"},
       "Twintig jaar na de laatste wijziging van het dossier (Wmo 2015 5.3.4(2))."},
      {kVtOverdracht,
       "Veilig Thuis: overdracht aan het lokale team of de Raad voor de Kinderbescherming",
       "Een zaak overdragen aan het wijkteam, jeugdteam of cjg, of de Raad om onderzoek "
       "vragen en dan het college van de gemeente informeren.",
       "Wmo 2015 4.1.1(2); Jeugdwet 2.4",
       {"kinderen", "ouders en huisgenoten"},
       {"de zaak", "de ontvangende organisatie", "de gemeente van het kind"},
       {"het lokale team of de Raad", "het college van de gemeente (bij de Raad)"},
       "Twintig jaar na de laatste wijziging van het dossier (Wmo 2015 5.3.4(2))."},
      {kVtMelderIdentiteit,
       "Veilig Thuis: besluit over de identiteit van de melder",
       "Beslissen of de identiteit van de melder aan een betrokkene wordt verstrekt, en haar "
       "anders in elke weergave, export en inzage afschermen.",
       "Uitv.Wmo 4.1.8(3)",
       {"melders", "betrokkenen die om de identiteit vragen"},
       {"naam, organisatie, telefoonnummer en e-mailadres van de melder",
        "de gronden van het besluit"},
       {"de verzoeker, alleen als het besluit 'verstrekken' is"},
       "Twintig jaar na de laatste wijziging van het dossier (Wmo 2015 5.3.4(2))."},
      {kVtBewaring,
       "Veilig Thuis: vernietiging na de bewaartermijn",
       "Dossiers twintig jaar na de laatste wijziging vernietigen door de sleutel van de zaak "
       "te vernietigen en de koppelingen met personen te wissen.",
       "Wmo 2015 5.3.4(2)",
       {"kinderen", "ouders en huisgenoten", "melders"},
       {"het hele dossier"},
       {"geen"},
       "Het verslag van de vernietiging blijft zolang het logboek."},
      {kJwVerwijzing,
       "Jeugdhulp: verwijzing door huisarts, jeugdarts of medisch specialist",
       "Een jeugdige rechtstreeks toegang geven tot jeugdhulp van een productcategorie, zonder "
       "besluit van de gemeente (JW-02).",
       "Jeugdwet 2.6(1)(e); AVG 6(1)(e)",
       {"jeugdigen", "verwijzers"},
       {"BSN (als sleutelwaarde)", "productcategorie", "soort verwijzer", "datum"},
       {"de gemeente, voor de toewijzing", "de aanbieder aan wie wordt toegewezen"},
       "Zolang een toewijzing of declaratie erop steunt; daarna vernietigd."},
      {kJwToegang,
       "Jeugdhulp: toegang (toegangsbesluit en toewijzing door de gemeente)",
       "Beslissen over toegang tot jeugdhulp door het toegangsteam van de gemeente en jeugdhulp "
       "toewijzen aan een gecontracteerde aanbieder (JW-03, JW-04); doel toegang (JW-01).",
       "Jeugdwet 2.3, 2.6, 3.4, 7.4.0; AVG 6(1)(e)",
       {"jeugdigen", "toegangsmedewerkers", "gemeentemedewerkers"},
       {"BSN (als sleutelwaarde)", "productcategorie en -code", "omvang en periode",
        "toewijzingnummer", "besluitnummer"},
       {"de aanbieder aan wie is toegewezen"},
       "Zolang de toewijzing en de declaraties erop bestaan (fiscale bewaarplicht: 7 jaar)."},
      {kJwJeugdhulp,
       "Jeugdhulp: start met toestemming en stop",
       "Vastleggen dat jeugdhulp is gestart, met de toestemming die de leeftijd van de "
       "jeugdige vraagt (JW-08), en dat zij is gestopt.",
       "Jeugdwet 7.3.4, 7.3.5; AVG 6(1)(c)",
       {"jeugdigen", "ouders met gezag"},
       {"wie toestemming gaf (personen)", "start- en einddatum"},
       {"geen"},
       "Zolang het dossier bestaat (20 jaar na de laatste wijziging, JW-09)."},
      {kJwDossier,
       "Jeugdhulp: het dossier van de jeugdhulpverlener",
       "Het dossier bijhouden en raadplegen door de jeugdhulpverleners van de aanbieder die de "
       "jeugdhulp verleent; niemand anders, ook de gemeente niet (JW-05).",
       "Jeugdwet 7.3.8, 7.3.11; AVG 9(2)(h)",
       {"jeugdigen"},
       {"aantekeningen (versleuteld)", "auteur en tijdstip"},
       {"geen: het beroepsgeheim van de jeugdhulpverlener geldt"},
       "20 jaar na de laatste wijziging, daarna vernietigd (JW-09)."},
      {kJwDeclaratie,
       "Jeugdhulp: declareren door de aanbieder",
       "De geleverde jeugdhulp declareren bij de gemeente met alleen de gegevens die de "
       "Regeling Jeugdwet toestaat (JW-06, JW-07).",
       "Regeling Jeugdwet 6a.1 tot en met 6a.7; Jeugdwet 7.4.0",
       {"jeugdigen"},
       {"BSN", "AGB-code", "gemeentecode", "toewijzingnummer", "productcategorie en -code",
        "periode", "volume en eenheid", "tarief en bedrag", "verwijzer", "besluitnummer"},
       {"de gemeente van de jeugdige, voor bekostiging en controle"},
       "7 jaar (fiscale bewaarplicht)."},
      {kJwBekostiging,
       "Jeugdhulp: declaraties inzien voor bekostiging",
       "De gemeente betaalt de geleverde jeugdhulp; zij ziet daarvoor alleen de velden van "
       "JW-06 en vermeldt dit doel bij elke inzage (JW-01).",
       "Jeugdwet 7.4.0(1); Regeling Jeugdwet 6a.1",
       {"jeugdigen"},
       {"de velden van een declaratie (JW-06)"},
       {"geen"},
       "7 jaar (fiscale bewaarplicht)."},
      {kJwControle,
       "Jeugdhulp: declaraties inzien voor controle en fraudebestrijding",
       "De gemeente controleert de rechtmatigheid van declaraties en bestrijdt fraude; zij "
       "ziet daarvoor alleen de velden van JW-06 en vermeldt dit doel bij elke inzage (JW-01).",
       "Jeugdwet 7.4.0(1); Regeling Jeugdwet 6a.1",
       {"jeugdigen"},
       {"de velden van een declaratie (JW-06)"},
       {"geen"},
       "7 jaar (fiscale bewaarplicht)."},
      {kAvgVerzoek,
       "Rechten van betrokkenen: verzoeken om inzage, correctie en verwijdering",
       "Verzoeken van betrokkenen en hun vertegenwoordigers ontvangen, toetsen aan de "
       "leeftijdsregels en binnen de termijn beantwoorden (AVG-01, AVG-02).",
       "AVG 12, 15, 16, 17; Jeugdwet 7.1.5.1, 7.3.15; Wmo 2015 5.3.2, 5.3.5",
       {"jeugdigen", "ouders en wettelijk vertegenwoordigers"},
       {"soort en context van het verzoek", "toelichting en redenen (versleuteld)",
        "termijn en besluit"},
       {"geen"},
       "Zolang de betrokkene bestaat; bij verwijdering vernietigd (AVG-04)."},
      {kKlacht,
       "Klachten over jeugdhulp en over Veilig Thuis",
       "Klachten ontvangen en doorleiden langs de wettelijke route: jeugdhulpverlener, "
       "vertrouwenspersoon (JW-10); Veilig Thuis, Autoriteit Persoonsgegevens (VT-11).",
       "Jeugdwet 2.5; Wmo 2015 4.2.7; AVG 77",
       {"indieners van klachten"},
       {"omschrijving (versleuteld)", "organisatie", "fase en data"},
       {"de organisatie waarover geklaagd wordt"},
       "Zolang de indiener bestaat; bij verwijdering vernietigd (AVG-04)."},
      {kJwOpschoning,
       "Jeugdhulp: vernietiging van dossiers na de bewaartermijn",
       "Dossiers vernietigen 20 jaar na hun laatste wijziging door de sleutel van het dossier "
       "te vernietigen (JW-09).",
       "Jeugdwet 7.3.9",
       {"jeugdigen"},
       {"dossiers"},
       {"geen"},
       "Het verslag blijft zolang het logboek."},
  };
  return kRegister;
}

const Verwerkingsactiviteit* FindActiviteit(std::string_view id) {
  const auto& r = Register();
  auto it = std::find_if(r.begin(), r.end(), [&](const auto& a) { return a.id == id; });
  return it == r.end() ? nullptr : &*it;
}

std::string_view RechtenContext(std::string_view id) {
  // Listed one by one rather than by prefix, so a new activity is placed on purpose.
  static const std::vector<std::pair<std::string_view, std::string_view>> kContext = {
      {kVirRegistratie, "verwijsindex"},
      {kVirSignalering, "verwijsindex"},
      {kVirRegie, "verwijsindex"},
      {kVirOpschoning, "verwijsindex"},
      {kVtZaak, "veilig-thuis"},
      {kVtOnderzoek, "veilig-thuis"},
      {kVtInformatie, "veilig-thuis"},
      {kVtOverdracht, "veilig-thuis"},
      {kVtMelderIdentiteit, "veilig-thuis"},
      {kVtBewaring, "veilig-thuis"},
      {kJwVerwijzing, "jeugdhulp"},
      {kJwToegang, "jeugdhulp"},
      {kJwJeugdhulp, "jeugdhulp"},
      {kJwDossier, "jeugdhulp"},
      {kJwDeclaratie, "jeugdhulp"},
      {kJwBekostiging, "jeugdhulp"},
      {kJwControle, "jeugdhulp"},
      {kJwOpschoning, "jeugdhulp"},
  };
  for (const auto& [activiteit, context] : kContext) {
    if (activiteit == id) return context;
  }
  return "";
}

std::vector<std::string> ActiviteitenVan(std::string_view context) {
  std::vector<std::string> out;
  if (context.empty()) return out;
  for (const Verwerkingsactiviteit& a : Register()) {
    if (RechtenContext(a.id) == context) out.push_back(a.id);
  }
  return out;
}

std::string ActiviteitUri(std::string_view id) {
  return "https://jeugdhulp.example/api/v1/verwerkingsactiviteiten/" + std::string(id);
}

}  // namespace jh::audit
