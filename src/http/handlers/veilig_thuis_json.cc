#include "http/handlers/veilig_thuis_json.h"

namespace jh::api::vt {

namespace {
using namespace schema;

NodePtr ContactSchema() {
  return Object(
      {Req("soort", Enum("Particulier of beroepskracht.", {"particulier", "beroepskracht"})),
       Opt("naam", String("Naam.", 200)), Opt("telefoon", String("Telefoonnummer.", 40)),
       Opt("email", String("E-mailadres.", 200)), Opt("organisatie", String("Organisatie.", 200)),
       Req("toestemmingIdentiteit",
           Boolean("Een particuliere melder stemde vooraf in met het verstrekken van "
                   "zijn identiteit (VT-04)."))},
      "Alleen voor medewerkers van Veilig Thuis (VT-04).");
}

NodePtr StapSchema() {
  return Object(
      {Req("soort", Enum("De stap.", {"ontvangen", "omgezet", "onderzoek", "overdracht-lokaal-team",
                                      "overdracht-raad", "afgesloten"})),
       Req("datum", DateField("Datum van de stap."))});
}

Json ContactJson(const services::VtContact& c) {
  Json j{{"soort", c.soort}, {"toestemmingIdentiteit", c.toestemming_identiteit}};
  if (c.naam) j["naam"] = *c.naam;
  if (c.telefoon) j["telefoon"] = *c.telefoon;
  if (c.email) j["email"] = *c.email;
  if (c.organisatie) j["organisatie"] = *c.organisatie;
  return j;
}
}  // namespace

NodePtr Tekst(std::string description, size_t max_length) {
  auto n = std::make_shared<Node>(*String(std::move(description), max_length));
  n->min_length = 1;
  return n;
}

NodePtr BetrokkeneInvoer() {
  return Object({Req("bsn", Formatted("BSN van de betrokkene (BSN-01).", BsnFormat(), "999990019")),
                 Req("rol", Enum("Rol in de zaak.", {"kind", "ouder", "overig"}))});
}

NodePtr OnderzoekSchema() {
  return Object({Req("id", Id()), Req("besluitdatum", DateField("Besluit dat onderzoek nodig is.")),
                 Req("gestartOp", DateField("Start van het onderzoek.")),
                 Req("startUiterlijk", DateField("Uiterlijke start (VT-06, vijf dagen).")),
                 Req("beslissenUiterlijk", DateField("Uiterlijk besluit over stappen (VT-06, tien "
                                                     "weken)."))});
}

NodePtr InformatieverzoekSchema() {
  return Object({Req("id", Id()), Req("zaakId", Id()), Req("organisatieId", Id()),
                 Opt("vraag", String("De vraag.", 4000)),
                 Req("verzochtOp", Timestamp("Tijdstip van het verzoek.")),
                 Opt("antwoord", String("Het antwoord.", 20000)),
                 Opt("beantwoordOp", Timestamp("Tijdstip van het antwoord."))});
}

NodePtr OverdrachtSchema() {
  return Object(
      {Req("id", Id()), Req("zaakId", Id()), Req("organisatieId", Id()),
       Req("soort", Enum("Soort ontvanger.",
                         {"wijkteam", "jeugdteam", "cjg", "raad-voor-de-kinderbescherming"})),
       Req("overgedragenOp", Timestamp("Tijdstip van de overdracht.")),
       Opt("gemeenteGeinformeerd",
           Formatted("De gemeente die is geïnformeerd over het verzoek aan de Raad (VT-07).",
                     GemeentecodeFormat(), "GM0363"))});
}

NodePtr ZaakSchema() {
  NodePtr betrokkene =
      Object({Req("persoonId", Id()), Req("rol", Enum("Rol.", {"kind", "ouder", "overig"}))});
  return Object(
      {Req("id", Id()),
       Opt("soort", Enum("Soort zaak.", {"advies", "melding"})),
       Req("status", Enum("Status.", {"open", "in-onderzoek", "overgedragen", "afgesloten"})),
       Req("stappen", Array(StapSchema(), "De genomen stappen (VT-07).", 100)),
       Opt("aangemaaktOp", Timestamp("Ontvangen.")),
       Opt("gewijzigdOp", Timestamp("Laatst gewijzigd.")),
       Opt("bewarenTot", DateField("Vernietigd na (VT-08).")),
       Opt("omgezetOp", Timestamp("Adviesvraag omgezet in melding.")),
       Opt("grond", Enum("Grond (VT-03).", {"redelijk-vermoeden", "beeindigen-geweld"})),
       Opt("vraag", String("De adviesvraag.", 4000)),
       Opt("omschrijving", String("De zorg.", 4000)),
       Opt("toestemming", Boolean("Toestemming van de betrokkenen (VT-01).")),
       Opt("melder", ContactSchema()),
       Opt("vrager", ContactSchema()),
       Opt("betrokkenen", Array(betrokkene, "De personen van de zaak.", 100)),
       Opt("onderzoeken", Array(OnderzoekSchema(), "Onderzoeken.", 100)),
       Opt("informatieverzoeken", Array(InformatieverzoekSchema(), "Informatieverzoeken.", 100)),
       Opt("overdrachten", Array(OverdrachtSchema(), "Overdrachten.", 100)),
       Opt("informerenUiterlijk", DateField("Betrokkenen informeren uiterlijk (VT-05).")),
       Opt("geinformeerdOp", Timestamp("Betrokkenen geïnformeerd."))},
      "Een zaak; de melder (een beroepskracht) ziet alleen id, status en stappen.");
}

NodePtr TermijnSchema() {
  return Object(
      {Req("zaakId", Id()),
       Req("soort", Enum("informeren (VT-05) of beslissen (VT-06).", {"informeren", "beslissen"})),
       Req("uiterlijk", DateField("Uiterste datum.")),
       Req("verlopen", Boolean("De termijn is verstreken."))});
}

NodePtr InformatietermijnSchema() {
  return Object({Req("zaakId", Id()), Opt("informerenUiterlijk", DateField("Nieuwe termijn.")),
                 Opt("geinformeerdOp", Timestamp("Geïnformeerd."))});
}

NodePtr IdentiteitBesluitSchema() {
  return Object({Req("id", Id()), Req("besluit", Enum("Besluit.", {"verstrekken", "weigeren"})),
                 Req("regel", Enum("De regel.", {"VT-04"})),
                 Req("gronden", Array(String("Grond.", 100), "Waarom niet verstrekt.", 10)),
                 Opt("melder", ContactSchema())});
}

Json ToJson(const services::VtOnderzoek& o) {
  return Json{{"id", o.id},
              {"besluitdatum", o.besluitdatum.ToString()},
              {"gestartOp", o.gestart_op.ToString()},
              {"startUiterlijk", o.start_uiterlijk.ToString()},
              {"beslissenUiterlijk", o.beslissen_uiterlijk.ToString()}};
}

Json ToJson(const services::VtInformatieverzoek& v) {
  Json j{{"id", v.id},
         {"zaakId", v.zaak_id},
         {"organisatieId", v.organisatie_id},
         {"verzochtOp", v.verzocht_op}};
  if (!v.vraag.empty()) j["vraag"] = v.vraag;
  if (v.antwoord) j["antwoord"] = *v.antwoord;
  if (v.beantwoord_op) j["beantwoordOp"] = *v.beantwoord_op;
  return j;
}

Json ToJson(const services::VtOverdracht& o) {
  Json j{{"id", o.id},
         {"zaakId", o.zaak_id},
         {"organisatieId", o.organisatie_id},
         {"soort", o.organisatie_soort},
         {"overgedragenOp", o.overgedragen_op}};
  if (o.gemeente_geinformeerd) j["gemeenteGeinformeerd"] = *o.gemeente_geinformeerd;
  return j;
}

Json ToJson(const services::VtZaak& z) {
  Json stappen = Json::array();
  for (const auto& s : z.stappen) stappen.push_back({{"soort", s.soort}, {"datum", s.datum}});
  Json j{{"id", z.id}, {"status", z.status}, {"stappen", std::move(stappen)}};
  if (z.alleen_stappen) return j;  // VT-04: the reporter sees nothing else
  j["soort"] = z.soort;
  j["aangemaaktOp"] = z.aangemaakt_op;
  j["gewijzigdOp"] = z.gewijzigd_op;
  j["bewarenTot"] = z.bewaren_tot;
  if (z.omgezet_op) j["omgezetOp"] = *z.omgezet_op;
  if (z.grond) j["grond"] = *z.grond;
  if (z.vraag) j["vraag"] = *z.vraag;
  if (z.omschrijving) j["omschrijving"] = *z.omschrijving;
  if (z.soort == "advies") j["toestemming"] = z.toestemming;
  if (z.melder)
    j[z.soort == "advies" && !z.omgezet_op ? "vrager" : "melder"] = ContactJson(*z.melder);
  Json b = Json::array(), o = Json::array(), iv = Json::array(), ov = Json::array();
  for (const auto& x : z.betrokkenen) b.push_back({{"persoonId", x.persoon_id}, {"rol", x.rol}});
  for (const auto& x : z.onderzoeken) o.push_back(ToJson(x));
  for (const auto& x : z.informatieverzoeken) iv.push_back(ToJson(x));
  for (const auto& x : z.overdrachten) ov.push_back(ToJson(x));
  j["betrokkenen"] = std::move(b);
  j["onderzoeken"] = std::move(o);
  j["informatieverzoeken"] = std::move(iv);
  j["overdrachten"] = std::move(ov);
  if (z.informeren_uiterlijk) j["informerenUiterlijk"] = z.informeren_uiterlijk->ToString();
  if (z.geinformeerd_op) j["geinformeerdOp"] = *z.geinformeerd_op;
  return j;
}

Json ToJson(const services::VtTermijn& t) {
  return Json{{"zaakId", t.zaak_id},
              {"soort", t.soort},
              {"uiterlijk", t.uiterlijk.ToString()},
              {"verlopen", t.verlopen}};
}

Json ToJson(const services::VtInformatietermijn& t) {
  Json j{{"zaakId", t.zaak_id}};
  if (t.uiterlijk) j["informerenUiterlijk"] = t.uiterlijk->ToString();
  if (t.geinformeerd_op) j["geinformeerdOp"] = *t.geinformeerd_op;
  return j;
}

Json ToJson(const services::VtIdentiteitBesluit& b) {
  Json j{{"id", b.id},
         {"besluit", b.verstrekken ? "verstrekken" : "weigeren"},
         {"regel", "VT-04"},
         {"gronden", b.gronden}};
  if (b.melder) j["melder"] = ContactJson(*b.melder);
  return j;
}

}  // namespace jh::api::vt
