#include "support/authz_world.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "support/server_process.h"

namespace jh::testing {

namespace {

using nlohmann::json;

class Builder {
 public:
  Builder(HttpClient& c, std::string beheerder) : c_(c), beheerder_(std::move(beheerder)) {}

  // Sends `body` as `token` and returns the response's JSON; another status fails the test.
  json Step(const std::string& token, const char* method, const std::string& path, const json& body,
            int want) {
    HttpResponse r = JsonRequest(c_, method, path, body, token);
    EXPECT_EQ(r.status, want) << "world: " << method << " " << path << "\n" << r.body;
    return BodyJson(r);
  }
  json Admin(const char* method, const std::string& path, const json& body, int want) {
    return Step(beheerder_, method, path, body, want);
  }

  std::string Organisatie(const std::string& soort, const std::string& gemeente,
                          const char* agb = nullptr) {
    json body{{"naam", "Matrix " + soort}, {"soort", soort}, {"gemeentecode", gemeente}};
    if (agb != nullptr) body["agbCode"] = agb;
    std::string id = Admin("POST", "/api/v1/organisaties", body, 201).value("id", "");
    // Every organisation has the VIR convenant with its college (VIR-02), so the matrix
    // sees the refusals that remain for the organisation's kind.
    Admin("POST", "/api/v1/organisaties/" + id + "/convenanten",
          {{"gemeentecode", gemeente}, {"geldigVanaf", "2026-01-01"}}, 201);
    return id;
  }
  // A designated medewerker; returns {id, token}.
  std::pair<std::string, std::string> Medewerker(const std::string& org, const std::string& rol) {
    std::string id = Admin("POST", "/api/v1/medewerkers",
                           {{"organisatieId", org},
                            {"naam", "Matrix " + rol},
                            {"rol", rol},
                            {"telefoon", "020 123 4567"},
                            {"email", rol + "@matrix.example"},
                            {"meldingsbevoegd", true}},
                           201)
                         .value("id", "");
    std::string token = Admin("POST", "/api/v1/medewerkers/" + id + "/tokens", json::object(), 201)
                            .value("token", "");
    return {id, token};
  }
  std::string Persoon(const char* bsn, const char* geboren) {
    return Admin("POST", "/api/v1/personen",
                 {{"bsn", bsn},
                  {"voornamen", "Sam"},
                  {"geslachtsnaam", "Matrix"},
                  {"geboortedatum", geboren},
                  {"geslacht", "O"},
                  {"gemeentecode", "GM0363"},
                  {"adres", {{"postcode", "1011AB"}, {"huisnummer", 1}}}},
                 201)
        .value("id", "");
  }

 private:
  HttpClient& c_;
  std::string beheerder_;
};

constexpr const char* kKind = "999910024";     // 13 on 2026-07-01
constexpr const char* kJongere = "999910036";  // 17: the burger of the matrix

json VtMelding() {
  return {{"soort", "melding"},
          {"melder", {{"soort", "particulier"}, {"naam", "P. Buur"}}},
          {"betrokkenen", {{{"bsn", kKind}, {"rol", "kind"}}}},
          {"grond", "redelijk-vermoeden"},
          {"omschrijving", "Zorgen om het kind."}};
}

json Toewijzing(const std::string& aanbieder, const char* vanaf, const char* tot) {
  return {{"bsn", kKind},
          {"aanbiederId", aanbieder},
          {"productcategorie", "45"},
          {"productcode", "45A01"},
          {"volume", 40},
          {"eenheid", "04"},
          {"geldigVanaf", vanaf},
          {"geldigTot", tot}};
}

}  // namespace

AuthzWorld BuildAuthzWorld(HttpClient& c, const std::string& beheerder) {
  AuthzWorld w;
  auto& v = w.vars;
  Builder b(c, beheerder);
  w.tokens["beheerder"] = beheerder;
  w.tokens["geen"] = "";
  w.tokens["ongeldig"] = std::string(64, 'a');

  // Every role in the kind of organisation it belongs to (services/catalog.cc).
  const std::vector<std::pair<std::string, std::string>> kRollen = {
      {"huisarts", "huisartsenpraktijk"},
      {"jeugdarts", "jeugdgezondheidszorg"},
      {"medisch-specialist", "ziekenhuis"},
      {"jeugdhulpverlener", "jeugdhulpaanbieder"},
      {"toegangsmedewerker", "wijkteam"},
      {"regievoerder", "gemeente"},
      {"gemeentemedewerker", "gemeente"},
      {"vt-medewerker", "veilig-thuis"},
      {"rvdk-medewerker", "raad-voor-de-kinderbescherming"},
      {"leerkracht", "school"},
      {"vertrouwenspersoon", "akj"}};
  for (const auto& [rol, soort] : kRollen) {
    std::string& org = v["org_" + soort];
    if (org.empty()) {
      org = b.Organisatie(soort, "GM0363", soort == "jeugdhulpaanbieder" ? "12345678" : nullptr);
    }
    auto [id, token] = b.Medewerker(org, rol);
    v["mw_" + rol] = id;
    w.tokens[rol] = token;
  }
  // The same roles elsewhere: a provider without contract or assignment, and Rotterdam's
  // municipality and Veilig Thuis. Their objects are not theirs to see.
  const std::string elders_aanbieder = b.Organisatie("jeugdhulpaanbieder", "GM0363", "87654321");
  const std::string elders_gemeente = b.Organisatie("gemeente", "GM0599");
  v["org_elders"] = elders_gemeente;
  const std::string elders_vt = b.Organisatie("veilig-thuis", "GM0599");
  for (const auto& [rol, org] :
       std::vector<std::pair<std::string, std::string>>{{"jeugdhulpverlener", elders_aanbieder},
                                                        {"regievoerder", elders_gemeente},
                                                        {"gemeentemedewerker", elders_gemeente},
                                                        {"vt-medewerker", elders_vt}}) {
    w.tokens[rol + "-elders"] = b.Medewerker(org, rol).second;
  }
  v["mw_extra"] = b.Medewerker(v["org_school"], "leerkracht").first;
  // A second token of that medewerker, for revoking one token by its kenmerk.
  v["mw_extra_kenmerk"] =
      b.Admin("POST", "/api/v1/medewerkers/" + v["mw_extra"] + "/tokens", json::object(), 201)
          .value("kenmerk", "");
  const std::string aanbieder = v["org_jeugdhulpaanbieder"];
  const std::string& t_huisarts = w.tokens["huisarts"];
  const std::string& t_vt = w.tokens["vt-medewerker"];
  const std::string& t_hulp = w.tokens["jeugdhulpverlener"];

  b.Admin("PUT", "/api/v1/gemeenten/GM0363/toegang", {{"toegangsteam", "wijkteam"}}, 200);
  b.Admin("POST", "/api/v1/contracten",
          {{"gemeentecode", "GM0363"},
           {"aanbiederId", aanbieder},
           {"productcategorieen", {"45"}},
           {"geldigVanaf", "2026-01-01"}},
          201);

  const std::string ouder = b.Persoon("999910000", "1985-04-01");
  v["ouder"] = ouder;
  v["kind"] = b.Persoon(kKind, "2012-09-09");
  v["jongere"] = b.Persoon(kJongere, "2009-01-01");
  v["persoon_weg"] = b.Persoon("999930011", "2011-01-01");
  b.Persoon("999930035", "1970-01-01");  // the other burger
  b.Admin("POST", "/api/v1/personen/" + v["kind"] + "/gezagsrelaties", {{"ouderId", ouder}}, 201);
  w.tokens["burger"] =
      b.Admin("POST", "/api/v1/burgers/tokens", {{"bsn", kJongere}}, 201).value("token", "");
  w.tokens["andere-burger"] =
      b.Admin("POST", "/api/v1/burgers/tokens", {{"bsn", "999930035"}}, 201).value("token", "");

  // Verwijsindex: two registrations on the child make a signal; a third to remove.
  v["melding"] = b.Step(t_huisarts, "POST", "/api/v1/verwijsindex/meldingen",
                        {{"bsn", kKind}, {"redelijkVermoeden", true}}, 201)
                     .value("id", "");
  b.Step(w.tokens["jeugdarts"], "POST", "/api/v1/verwijsindex/meldingen",
         {{"bsn", kKind}, {"redelijkVermoeden", true}}, 201);
  // The signal is taken before the registration to remove exists: one that named it would
  // lapse with its removal (VIR-10), whichever route ran first.
  json signalen =
      b.Step(w.tokens["regievoerder"], "GET", "/api/v1/verwijsindex/signalen", nullptr, 200);
  v["signaal"] = signalen.value(json::json_pointer("/resultaten/0/id"), std::string());
  EXPECT_FALSE(v["signaal"].empty()) << "world: the regievoerder has no signal";
  v["melding_weg"] = b.Step(t_huisarts, "POST", "/api/v1/verwijsindex/meldingen",
                            {{"bsn", kJongere}, {"redelijkVermoeden", true}}, 201)
                         .value("id", "");
  b.Admin("PUT", "/api/v1/organisaties/" + aanbieder + "/vir-coordinator",
          {{"medewerkerId", v["mw_jeugdhulpverlener"]}}, 200);
  // Webhooks on organisations no event concerns, so GET and DELETE find one whatever ran
  // before.
  for (const char* org : {"org_akj", "org_elders"}) {  // one to read, one to delete
    b.Admin("PUT", "/api/v1/organisaties/" + v[org] + "/webhook",
            {{"url", "https://hooks.matrix.example/jeugdhulp"}}, 200);
  }
  v["uitsluiting"] = b.Admin("POST", "/api/v1/verwijsindex/uitgesloten-adressen",
                             {{"adres", {{"postcode", "1011CD"}, {"huisnummer", 5}}},
                              {"omschrijving", "Instelling"}},
                             201)
                         .value("id", "");

  // Veilig Thuis: meldingen under investigation (one with an information request, one to
  // hand over), a melding by the huisarts himself, an advice to convert, a case to close.
  for (const char* name : {"zaak", "zaak_over"}) {  // the second to hand over
    v[name] = b.Step(t_vt, "POST", "/api/v1/veilig-thuis/zaken", VtMelding(), 201).value("id", "");
    b.Step(t_vt, "POST", "/api/v1/veilig-thuis/zaken/" + v[name] + "/onderzoeken",
           {{"besluitdatum", "2026-07-01"}}, 201);
  }
  v["vt_verzoek"] =
      b.Step(t_vt, "POST", "/api/v1/veilig-thuis/zaken/" + v["zaak"] + "/informatieverzoeken",
             {{"organisatieId", v["org_school"]}, {"vraag", "Hoe gaat het?"}}, 201)
          .value("id", "");
  // One more information request, answered by the asked organisation itself (the school).
  v["vt_verzoek_gevraagd"] =
      b.Step(t_vt, "POST", "/api/v1/veilig-thuis/zaken/" + v["zaak"] + "/informatieverzoeken",
             {{"organisatieId", v["org_school"]}, {"vraag", "Gaat hij naar school?"}}, 201)
          .value("id", "");
  json eigen = VtMelding();
  eigen.erase("melder");
  v["zaak_eigen"] =
      b.Step(t_huisarts, "POST", "/api/v1/veilig-thuis/zaken", eigen, 201).value("id", "");
  v["advies"] = b.Step(t_vt, "POST", "/api/v1/veilig-thuis/zaken",
                       {{"soort", "advies"},
                        {"vraag", "Wat kan ik doen?"},
                        {"vrager", {{"soort", "particulier"}}}},
                       201)
                    .value("id", "");
  v["zaak_sluit"] =
      b.Step(t_vt, "POST", "/api/v1/veilig-thuis/zaken", VtMelding(), 201).value("id", "");

  // Jeugdhulp: a referral, two assignments started with consent (one to stop), a dossier
  // with a note and a bill.
  v["verwijzing"] = b.Step(t_huisarts, "POST", "/api/v1/verwijzingen",
                           {{"bsn", kKind}, {"productcategorie", "45"}}, 201)
                        .value("id", "");
  for (const char* name : {"toewijzing", "toewijzing_stop"}) {
    json t = Toewijzing(aanbieder, "2026-06-01", "2026-12-31");
    t["verwijzingId"] = v["verwijzing"];
    v[name] = b.Step(w.tokens["gemeentemedewerker"], "POST", "/api/v1/toewijzingen", t, 201)
                  .value("id", "");
    b.Step(t_hulp, "POST", "/api/v1/toewijzingen/" + v[name] + "/start",
           {{"startdatum", "2026-06-01"}, {"toestemmingVan", {v["kind"], ouder}}}, 200);
  }
  v["dossier"] =
      b.Step(t_hulp, "POST", "/api/v1/dossiers", {{"toewijzingId", v["toewijzing"]}}, 201)
          .value("id", "");
  v["declaratie"] = b.Step(t_hulp, "POST", "/api/v1/declaraties",
                           {{"toewijzingId", v["toewijzing"]},
                            {"productperiode", {{"begin", "2026-06-01"}, {"eind", "2026-06-30"}}},
                            {"geleverdVolume", 2},
                            {"eenheid", "04"},
                            {"ingediendBedrag", 17100}},
                           201)
                        .value("id", "");

  // Rights: the burger's granted inspection request, two open ones, and a complaint.
  const std::string& t_burger = w.tokens["burger"];
  json verzoek{{"soort", "inzage"}, {"context", "verwijsindex"}, {"betrokkeneBsn", kJongere}};
  v["verzoek"] = b.Step(t_burger, "POST", "/api/v1/verzoeken", verzoek, 201).value("id", "");
  b.Admin("POST", "/api/v1/verzoeken/" + v["verzoek"] + "/besluiten",
          {{"besluit", "toegewezen"}, {"reden", "Inzage."}}, 201);
  for (const char* name : {"verzoek_open", "verzoek_mede"}) {  // one to decide, one to co-sign
    v[name] = b.Step(t_burger, "POST", "/api/v1/verzoeken", verzoek, 201).value("id", "");
  }
  v["klacht"] =
      b.Step(t_burger, "POST", "/api/v1/klachten",
             {{"over", "jeugdhulp"}, {"organisatieId", aanbieder}, {"omschrijving", "Te laat."}},
             201)
          .value("id", "");
  // A complaint about Veilig Thuis, for its complaints committee's opinion (VT-11).
  v["klacht_vt"] = b.Step(t_burger, "POST", "/api/v1/klachten",
                          {{"over", "veilig-thuis"},
                           {"organisatieId", v["org_veilig-thuis"]},
                           {"omschrijving", "Niet gehoord."}},
                          201)
                       .value("id", "");
  return w;
}

std::unique_ptr<AuthzWorldServer> AuthzWorldServer::Start() {
  auto out = std::make_unique<AuthzWorldServer>();
  out->server = ServerProcess::Start({"2026-07-01", {}});
  if (out->server == nullptr) return nullptr;
  out->client = std::make_unique<HttpClient>(out->server->port());
  out->world = BuildAuthzWorld(*out->client, out->server->beheerder_token());
  return out;
}

const AuthzTables& RepositoryAuthzTables() {
  static const AuthzTables tables =
      LoadAuthzTables(std::filesystem::path(JH_SOURCE_DIR) / "tests" / "authz");
  return tables;
}

}  // namespace jh::testing
