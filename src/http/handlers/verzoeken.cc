// Requests of data subjects (API.md "Rights and complaints"): filing, co-signing, the
// handler's extension and decision, and the handler's list of what is due.
#include "services/verzoeken.h"
#include "http/handlers/common.h"
#include "http/handlers/inzage_html.h"
#include "services/inzage.h"

namespace jh::api {

namespace {
using namespace schema;

constexpr const char* kHtml = "text/html";

Json ToJson(const services::Verzoek& v) {
  Json j{{"id", v.id},
         {"soort", v.soort},
         {"context", v.context},
         {"status", v.status},
         {"medeondertekening", v.medeondertekening},
         {"ingediendOp", v.ingediend_op},
         {"termijn", v.termijn ? Json(*v.termijn) : Json(nullptr)},
         {"verlengd", v.verlengd}};
  if (v.uitvoering) {
    const services::Uitvoering& u = *v.uitvoering;
    j["uitvoering"] = Json{{"gecorrigeerd", u.gecorrigeerd},
                           {"verwijsindexRegistratiesVerwijderd", u.vir_verwijderd},
                           {"dossiersVernietigd", u.dossiers_vernietigd},
                           {"veiligThuisZakenVernietigd", u.vt_vernietigd},
                           {"veiligThuisZakenOntkoppeld", u.vt_ontkoppeld}};
  }
  if (v.besloten_op) j["beslotenOp"] = *v.besloten_op;
  if (v.wacht_op) j["wachtOpMedeondertekeningVan"] = *v.wacht_op;
  if (v.is_verzoeker) j["isVerzoeker"] = *v.is_verzoeker;
  if (v.mag_medeondertekenen) j["magMedeondertekenen"] = *v.mag_medeondertekenen;
  if (v.besluit_reden) j["besluitReden"] = *v.besluit_reden;
  if (v.verlenging_reden) j["verlengingReden"] = *v.verlenging_reden;
  return j;
}

NodePtr VerzoekSchema() {
  return FreeObject(
      "Een verzoek: id, soort, context, status, medeondertekening (niet-nodig, nodig, gegeven), "
      "ingediendOp, termijn (null zolang een medeondertekening ontbreekt), verlengd en, na "
      "toewijzing van een correctie of verwijdering, uitvoering: gecorrigeerd (de velden), "
      "verwijsindexRegistratiesVerwijderd, dossiersVernietigd, veiligThuisZakenVernietigd en "
      "veiligThuisZakenOntkoppeld (zaken die ook over anderen gaan blijven voor hen bewaard; "
      "alleen de koppeling met de betrokkene vervalt, VT-09). Verder: beslotenOp; "
      "wachtOpMedeondertekeningVan (jeugdige of vertegenwoordiger) zolang die ontbreekt "
      "(VIR-15); voor een burger isVerzoeker (hij diende het in of ondertekende mee en kan de "
      "inzage openen) en magMedeondertekenen; voor de verzoekers en de behandelaar "
      "verlengingReden en besluitReden (AVG 12(3), 12(4)).");
}

std::vector<services::Correctie> CorrectiesUit(const Json& body) {
  std::vector<services::Correctie> out;
  if (!body.contains("correcties")) return out;
  for (const Json& c : body["correcties"]) {
    out.push_back({c["veld"].get<std::string>(), c["waarde"].get<std::string>()});
  }
  return out;
}

Result<Reply> CreateVerzoek(Call& c) {
  JH_ASSIGN_OR_RETURN(Bsn bsn,
                      Bsn::Parse(c.body["betrokkeneBsn"].get<std::string>(), "betrokkeneBsn"));
  services::NieuwVerzoek in{c.body["soort"].get<std::string>(),
                            c.body["context"].get<std::string>(), std::move(bsn), std::nullopt};
  if (c.body.contains("toelichting")) in.toelichting = c.body["toelichting"].get<std::string>();
  JH_ASSIGN_OR_RETURN(services::Verzoek v, services::CreateVerzoek(c.env, in));
  return Reply::Created(ToJson(v));
}

Result<Reply> Medeonderteken(Call& c) {
  JH_ASSIGN_OR_RETURN(services::Verzoek v, services::MedeondertekenVerzoek(c.env, c.Param("id")));
  return Reply::Created(ToJson(v));
}

Result<Reply> Get(Call& c) {
  JH_ASSIGN_OR_RETURN(services::Verzoek v, services::GetVerzoek(c.env, c.Param("id")));
  return Reply::Ok(ToJson(v));
}

Result<Reply> Verleng(Call& c) {
  JH_ASSIGN_OR_RETURN(
      services::Verzoek v,
      services::VerlengVerzoek(c.env, c.Param("id"), c.body["reden"].get<std::string>()));
  return Reply::Ok(ToJson(v));
}

Result<Reply> Besluit(Call& c) {
  JH_ASSIGN_OR_RETURN(
      services::Verzoek v,
      services::BesluitVerzoek(c.env, c.Param("id"),
                               {c.body["besluit"].get<std::string>(),
                                c.body["reden"].get<std::string>(), CorrectiesUit(c.body)}));
  return Reply::Created(ToJson(v));
}

Result<Reply> Inzage(Call& c) {
  auto p = PageFrom(c);
  JH_ASSIGN_OR_RETURN(services::Inzage z, services::GetInzage(c.env, c.Param("id"), p));
  Json gegevens = Json::array();
  for (const auto& g : z.gegevens) {
    gegevens.push_back(Json{{"soort", g.soort},
                            {"datum", g.datum},
                            {"status", g.status},
                            {"omschrijving", g.omschrijving}});
  }
  Json log = Json::array();
  for (const auto& m : z.logboek.items) {
    log.push_back(Json{{"tijdstip", m.tijdstip},
                       {"wie", m.wie},
                       {"wat", m.wat},
                       {"waarom", m.waarom},
                       {"verwerkingsactiviteit", m.activiteit}});
  }
  const services::Persoon& ps = z.persoon;
  Json persoon{{"voornamen", ps.voornamen},
               {"geslachtsnaam", ps.geslachtsnaam},
               {"geboortedatum", ps.geboortedatum.ToString()},
               {"gemeentecode", ps.gemeentecode},
               {"adres", {{"postcode", ps.adres.postcode}, {"huisnummer", ps.adres.huisnummer}}}};
  Json correcties = Json::array();
  for (const auto& h : z.correcties) {
    correcties.push_back(Json{{"veld", h.veld},
                              {"oudeWaarde", h.oude_waarde},
                              {"nieuweWaarde", h.nieuwe_waarde},
                              {"gecorrigeerdOp", h.gecorrigeerd_op}});
  }
  Json out{{"context", z.context},
           {"persoon", persoon},
           {"gegevens", gegevens},
           {"correcties", correcties},
           {"logboek", PageJson(std::move(log), p, z.logboek.totaal)}};
  if (c.media == kHtml) return Reply{200, nullptr, InzageHtml(out), kHtml, {}};
  return Reply::Ok(std::move(out));
}

Result<Reply> MijnVerzoeken(Call& c) {
  auto p = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto page, services::MijnVerzoeken(c.env, p));
  Json items = Json::array();
  for (const auto& v : page.items) items.push_back(ToJson(v));
  return Reply::Ok(PageJson(std::move(items), p, page.totaal));
}

Result<Reply> ListVerzoeken(Call& c) {
  auto p = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto page, services::OpenVerzoeken(c.env, p));
  Json items = Json::array();
  for (const auto& v : page.items) items.push_back(ToJson(v));
  return Reply::Ok(PageJson(std::move(items), p, page.totaal));
}
}  // namespace

void RegisterVerzoeken(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/verzoeken",
           .operation_id = "createVerzoek",
           .tag = "Rechten",
           .summary = "Een verzoek om inzage, correctie of verwijdering doen",
           .access = Access::kBurger,
           .others_rule = RefusedBy("AVG-02", "AVG 12; Jw 7.1.5.1, 7.3.15; Wmo 2015 5.3.2, 5.3.5"),
           .body = Object(
               {Req("soort", Enum("Soort verzoek.", {"inzage", "correctie", "verwijdering"})),
                Req("context", Enum("Waarover.", {"verwijsindex", "veilig-thuis", "jeugdhulp"})),
                Req("betrokkeneBsn", Formatted("BSN van de betrokkene.", BsnFormat(), "999990019")),
                Opt("toelichting", String("Toelichting.", 2000))}),
           .success = 201,
           .response = VerzoekSchema(),
           .errors = {422},
           .handle = CreateVerzoek});
  api.Add({.method = "POST",
           .path = "/api/v1/verzoeken/{id}/medeondertekeningen",
           .operation_id = "medeondertekenVerzoek",
           .tag = "Rechten",
           .summary = "Een gezamenlijk verzoek medeondertekenen (VIR-15)",
           .access = Access::kBurger,
           .others_rule = RefusedBy("AVG-02", "AVG 12; Jw 7.1.5.1, 7.3.15; Wmo 2015 5.3.2, 5.3.5"),
           .body = Object({}),
           .success = 201,
           .response = VerzoekSchema(),
           .errors = {409},
           .handle = Medeonderteken});
  api.Add({.method = "GET",
           .path = "/api/v1/verzoeken/{id}",
           .operation_id = "getVerzoek",
           .tag = "Rechten",
           .summary = "Status en termijn van een verzoek, voor de verzoeker en de behandelaar",
           .access = Access::kBurgerOfMedewerker,
           .roles = {"beheerder"},
           .others_rule = RefusedBy("AVG-02", "AVG 12; Jw 7.1.5.1, 7.3.15; Wmo 2015 5.3.2, 5.3.5"),
           .response = VerzoekSchema(),
           .handle = Get});
  api.Add(
      {.method = "GET",
       .path = "/api/v1/verzoeken/{id}/inzage",
       .operation_id = "getInzage",
       .tag = "Rechten",
       .summary = "Inzage: de gegevens en het verwerkingslogboek (AVG-03, VT-04 toegepast)",
       .access = Access::kBurger,
       .others_rule = RefusedBy("AVG-03", "AVG 15; Logboek Dataverwerkingen"),
       .query = PaginationParams(),
       .response = FreeObject("context, persoon, gegevens, correcties (veld, oudeWaarde, "
                              "nieuweWaarde, gecorrigeerdOp) en logboek (gepagineerd)."),
       .representations = {{kHtml, "Een leesbare pagina om af te drukken, met dezelfde inhoud."}},
       .errors = {409},
       .handle = Inzage});
  api.Add({.method = "GET",
           .path = "/api/v1/verzoeken",
           .operation_id = "listVerzoeken",
           .tag = "Rechten",
           .summary = "Openstaande verzoeken, de eerst verlopende termijn eerst",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("AVG-01", "AVG 12(3)"),
           .query = PaginationParams(),
           .response = PageSchema(VerzoekSchema()),
           .handle = ListVerzoeken});
  api.Add({.method = "POST",
           .path = "/api/v1/verzoeken/{id}/verlengingen",
           .operation_id = "verlengVerzoek",
           .tag = "Rechten",
           .summary = "De termijn eenmalig met twee maanden verlengen (AVG-01)",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("AVG-01", "AVG 12(3)"),
           .body = Object({Req("reden", String("Waarom meer tijd nodig is.", 2000))}),
           .response = VerzoekSchema(),
           .errors = {409, 422},
           .handle = Verleng});
  api.Add({.method = "POST",
           .path = "/api/v1/verzoeken/{id}/besluiten",
           .operation_id = "besluitVerzoek",
           .tag = "Rechten",
           .summary = "Op een verzoek beslissen, met reden; een toegewezen correctie of "
                      "verwijdering wordt meteen uitgevoerd (AVG-04, VT-09)",
           .roles = {"beheerder"},
           .others_rule = RefusedBy("AVG-01", "AVG 12(3)"),
           .body = Object(
               {Req("besluit", Enum("Besluit.", {"toegewezen", "afgewezen"})),
                Req("reden", String("De reden; bij een weigering de concrete reden.", 2000)),
                Opt("correcties",
                    Array(Object({Req("veld", Enum("Het te corrigeren gegeven van de persoon.",
                                                   {"voornamen", "geslachtsnaam", "geslacht"})),
                                  Req("waarde", String("De juiste waarde.", 200))}),
                          "Alleen bij het toewijzen van een correctieverzoek: welke gegevens "
                          "wat worden. De oude waarde blijft als historie (inzage).",
                          3))}),
           .success = 201,
           .response = VerzoekSchema(),
           .errors = {409, 422},
           .handle = Besluit});
  api.Add({.method = "GET",
           .path = "/api/v1/mijn/verzoeken",
           .operation_id = "mijnVerzoeken",
           .tag = "Burger",
           .summary = "Mijn verzoeken (ingediend, medeondertekend of over mij) en hun termijn",
           .access = Access::kBurger,
           .others_rule = RefusedBy("AVG-02", "AVG 12; Jw 7.1.5.1, 7.3.15; Wmo 2015 5.3.2, 5.3.5"),
           .query = PaginationParams(),
           .response = PageSchema(VerzoekSchema()),
           .handle = MijnVerzoeken});
}

}  // namespace jh::api
