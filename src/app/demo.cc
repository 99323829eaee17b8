#include "app/demo.h"

#include <map>

#include "services/gemeenten.h"
#include "services/jw_declaraties.h"
#include "services/jw_dossiers.h"
#include "services/jw_toegang.h"
#include "services/jw_toewijzingen.h"
#include "services/medewerkers.h"
#include "services/organisaties.h"
#include "services/personen.h"
#include "services/vir_meldingen.h"
#include "services/vt_onderzoek.h"
#include "services/vt_zaken.h"

namespace jh::app {

namespace {

constexpr const char* kGemeente = "GM9999";

struct Person {
  const char* bsn;
  const char* voornamen;
  const char* achternaam;
  const char* geboren;
  const char* geslacht;
  const char* postcode;
  int huisnummer;
  int ouder1;  // index into the list, -1 for none
  int ouder2;
};

// Six households. Children of all the age bands the rules care about (under 12, 12-15,
// 16-22) and one young adult of 23, at shared and separate addresses.
const Person kPeople[] = {
    {"999900006", "Johan", "de Vries", "1984-03-12", "M", "9999AA", 1, -1, -1},
    {"999900018", "Sanne", "de Vries", "1986-07-30", "V", "9999AA", 1, -1, -1},
    {"999900031", "Noor", "de Vries", "2016-05-02", "V", "9999AA", 1, 0, 1},
    {"999900043", "Daan", "de Vries", "2012-09-18", "M", "9999AA", 1, 0, 1},
    {"999900055", "Fatima", "El Amrani", "1980-01-25", "V", "9999AB", 7, -1, -1},
    {"999900067", "Yasmina", "El Amrani", "2009-11-04", "V", "9999AB", 7, 4, -1},
    {"999900079", "Adam", "El Amrani", "2007-02-14", "M", "9999AB", 7, 4, -1},
    {"999900080", "Peter", "Jansen", "1975-06-06", "M", "9999AC", 12, -1, -1},
    {"999900092", "Lotte", "Jansen", "2004-02-29", "V", "9999AC", 12, 7, -1},
    {"999900109", "Mila", "Jansen", "2014-12-01", "V", "9999AC", 12, 7, -1},
    {"999900110", "Kevin", "Bakker", "1990-10-10", "M", "9999AD", 3, -1, -1},
    {"999900122", "Emma", "Bakker", "1991-04-22", "V", "9999AD", 3, -1, -1},
    {"999900134", "Sem", "Bakker", "2019-08-08", "M", "9999AD", 3, 10, 11},
    {"999900146", "Julia", "Bakker", "2021-01-15", "V", "9999AD", 3, 10, 11},
    {"999900158", "Anouk", "Visser", "1983-12-03", "V", "9999AE", 21, -1, -1},
    {"999900171", "Tim", "Visser", "2011-03-27", "M", "9999AE", 21, 14, -1},
    {"999900183", "Bram", "Visser", "2003-07-19", "M", "9999AF", 2, 14, -1},
    {"999900195", "Ricardo", "Martens", "1978-05-05", "M", "9999AG", 40, -1, -1},
    {"999900201", "Zoë", "Martens", "2010-06-30", "V", "9999AG", 40, 17, -1},
    {"999900213", "Luca", "Martens", "2013-10-12", "M", "9999AG", 40, 17, -1},
};

// Jeugdhulp for Daan (13): the huisarts refers him for category 45, the municipality assigns
// it to Jeugdhulp Horizon, which starts last month with the consent of Daan and both parents
// (JW-08, 12–15), keeps a dossier with one note, and bills last month.
Status SeedJeugdhulp(services::Env& env, const std::map<std::string, auth::Actor>& actors,
                     const std::string& aanbieder, const std::vector<std::string>& ids) {
  auto as = [&](const char* email) {
    return services::Env{env.store, env.vault, env.clock, env.trail, &actors.at(email), env.ledger};
  };
  auto fail = [](const char* what) { return Error::Internal(std::string("demo: ") + what); };
  const Date today = env.clock.Today();
  const Date begin = Date{today.year, today.month, 1}.AddMonths(-1);
  const Date eind = begin.AddMonths(1).AddDays(-1);
  JH_ASSIGN_OR_RETURN(Bsn daan, Bsn::Parse(kPeople[3].bsn));

  services::Env huisarts = as("p.linde@delinde.example");
  auto verwijzing = services::CreateJwVerwijzing(huisarts, daan, "45");
  if (!verwijzing.ok()) return fail("verwijzing");
  services::Env gemeente = as("contract@demodam.example");
  services::NieuweJwToewijzing in{
      daan,           aanbieder, "45", "45A01", 40, "04", begin, begin.AddYears(1).AddDays(-1),
      verwijzing->id, {}};
  auto toewijzing = services::CreateJwToewijzing(gemeente, in);
  if (!toewijzing.ok()) return fail("toewijzing");
  services::Env hulp = as("t.hulp@horizon.example");
  if (!services::StartJwToewijzing(hulp, toewijzing->id, begin, {ids[3], ids[0], ids[1]}).ok()) {
    return fail("start");
  }
  auto dossier = services::CreateJwDossier(hulp, toewijzing->id);
  if (!dossier.ok()) return fail("dossier");
  if (!services::AddJwAantekening(hulp, dossier->id, "Kennismaking met Daan en zijn ouders.")
           .ok()) {
    return fail("aantekening");
  }
  services::NieuweJwDeclaratie bill{toewijzing->id, begin, eind, 6, "04", 8550, 51300};
  return services::CreateJwDeclaratie(hulp, bill).ok() ? Status() : fail("declaratie");
}

}  // namespace

Result<std::vector<DemoLogin>> SeedDemoRegion(services::Env& env,
                                              const std::string& beheerder_token) {
  std::vector<DemoLogin> logins{{"beheerder", beheerder_token}};
  Date start{2024, 1, 1};

  auto org = [&](const char* naam, const char* soort,
                 std::optional<std::string> agb = std::nullopt) -> Result<std::string> {
    services::Organisatie o{"", naam, soort, kGemeente, std::move(agb), ""};
    JH_ASSIGN_OR_RETURN(o, services::CreateOrganisatie(env, o));
    return o.id;
  };
  std::map<std::string, auth::Actor> actors;  // by e-mail, to act as them below
  auto staff = [&](const std::string& org_id, const char* org_naam, const char* naam,
                   const char* rol, bool bevoegd, const char* email) -> Status {
    services::Medewerker m{"", org_id, naam, rol, "010 123 4567", email, bevoegd};
    JH_ASSIGN_OR_RETURN(m, services::CreateMedewerker(env, m));
    JH_ASSIGN_OR_RETURN(services::Organisatie o, services::GetOrganisatie(env, org_id));
    actors[email] = auth::Actor{
        auth::ActorKind::kMedewerker, m.id, org_id, o.soort, o.gemeentecode, rol, bevoegd};
    JH_ASSIGN_OR_RETURN(std::string token, services::IssueMedewerkerToken(env, m.id));
    logins.push_back({std::string(rol) + " (" + org_naam + ")", token});
    return {};
  };
  auto convenant = [&](const std::string& org_id) -> Status {
    services::Convenant c{"", org_id, kGemeente, start, std::nullopt};
    return services::CreateConvenant(env, c).ok() ? Status() : Error::Internal("convenant");
  };

  JH_ASSIGN_OR_RETURN(std::string gemeente, org("Gemeente Demodam", "gemeente"));
  JH_ASSIGN_OR_RETURN(std::string wijkteam, org("Wijkteam Demodam-Noord", "wijkteam"));
  JH_ASSIGN_OR_RETURN(std::string school, org("Basisschool De Regenboog", "school"));
  JH_ASSIGN_OR_RETURN(std::string huisarts,
                      org("Huisartsenpraktijk De Linde", "huisartsenpraktijk"));
  JH_ASSIGN_OR_RETURN(std::string jgz, org("JGZ Demodam", "jeugdgezondheidszorg"));
  JH_ASSIGN_OR_RETURN(std::string vt, org("Veilig Thuis Demoregio", "veilig-thuis"));
  JH_ASSIGN_OR_RETURN(std::string raad,
                      org("Raad voor de Kinderbescherming", "raad-voor-de-kinderbescherming"));
  JH_ASSIGN_OR_RETURN(std::string aanbieder,
                      org("Jeugdhulp Horizon", "jeugdhulpaanbieder", "12345678"));
  JH_ASSIGN_OR_RETURN(std::string gi,
                      org("Jeugdbescherming Demoregio", "gecertificeerde-instelling", "87654321"));

  JH_TRY(staff(gemeente, "Gemeente Demodam", "Ilse Regie", "regievoerder", false,
               "regie@demodam.example"));
  JH_TRY(staff(gemeente, "Gemeente Demodam", "Mark Contract", "gemeentemedewerker", false,
               "contract@demodam.example"));
  JH_TRY(staff(wijkteam, "Wijkteam Demodam-Noord", "Sara Toegang", "toegangsmedewerker", true,
               "toegang@wijkteam.example"));
  JH_TRY(staff(school, "Basisschool De Regenboog", "Karin Leerkracht", "leerkracht", true,
               "k.leerkracht@regenboog.example"));
  JH_TRY(staff(huisarts, "Huisartsenpraktijk De Linde", "dr. Pieter Linde", "huisarts", true,
               "p.linde@delinde.example"));
  JH_TRY(staff(jgz, "JGZ Demodam", "Anne Jeugdarts", "jeugdarts", true, "a.jeugdarts@jgz.example"));
  JH_TRY(staff(vt, "Veilig Thuis Demoregio", "Ruben Veilig", "vt-medewerker", true,
               "r.veilig@veiligthuis.example"));
  JH_TRY(staff(raad, "Raad voor de Kinderbescherming", "Els Raad", "rvdk-medewerker", true,
               "e.raad@rvdk.example"));
  JH_TRY(staff(aanbieder, "Jeugdhulp Horizon", "Tom Hulp", "jeugdhulpverlener", true,
               "t.hulp@horizon.example"));
  JH_TRY(staff(gi, "Jeugdbescherming Demoregio", "Lisa Voogd", "jeugdhulpverlener", true,
               "l.voogd@jbdemo.example"));

  for (const auto& id : {wijkteam, school, huisarts, jgz, vt, raad, aanbieder, gi}) {
    JH_TRY(convenant(id));
  }
  JH_TRY(services::SetToegangsteam(env, kGemeente, "wijkteam"));
  services::Contract zorg{"", kGemeente, aanbieder, {"10", "43", "45", "46"}, start, std::nullopt};
  JH_TRY(services::CreateContract(env, zorg));
  services::Contract gi_contract{"", kGemeente, gi, {"47", "48"}, start, std::nullopt};
  JH_TRY(services::CreateContract(env, gi_contract));

  std::vector<std::string> ids;
  for (const Person& p : kPeople) {
    services::Persoon in;
    JH_ASSIGN_OR_RETURN(in.bsn, Bsn::Parse(p.bsn));
    in.voornamen = p.voornamen;
    in.geslachtsnaam = p.achternaam;
    in.geboortedatum = *Date::Parse(p.geboren);
    in.geslacht = p.geslacht;
    in.gemeentecode = kGemeente;
    in.adres = {p.postcode, p.huisnummer};
    JH_ASSIGN_OR_RETURN(in, services::CreatePersoon(env, in));
    ids.push_back(in.id);
    for (int parent : {p.ouder1, p.ouder2}) {
      if (parent >= 0) JH_TRY(services::CreateGezagsrelatie(env, in.id, ids.at(parent)));
    }
  }
  // The huisarts and the school worry about Daan: both get a signal, and so does the regie;
  // the JGZ registered his sister Noor, which gives a family signal.
  auto melden = [&](const char* email, const char* bsn) -> Status {
    const auth::Actor& melder = actors.at(email);
    services::Env as{env.store, env.vault, env.clock, env.trail, &melder};
    services::NieuweVirMelding m;
    JH_ASSIGN_OR_RETURN(m.bsn, Bsn::Parse(bsn));
    m.redelijk_vermoeden = true;
    return services::CreateVirMelding(as, m).ok() ? Status() : Error::Internal("demo-melding");
  };
  JH_TRY(melden("p.linde@delinde.example", kPeople[3].bsn));
  JH_TRY(melden("k.leerkracht@regenboog.example", kPeople[3].bsn));
  JH_TRY(melden("a.jeugdarts@jgz.example", kPeople[2].bsn));

  // Veilig Thuis: the huisarts reports Noor himself (meldrecht); a neighbour calls about Luca
  // and an investigation starts; someone asks advice without naming anyone.
  auto vt_zaak = [&](const char* email, const services::NieuweVtZaak& z) -> Result<std::string> {
    services::Env as{env.store, env.vault, env.clock, env.trail, &actors.at(email)};
    auto made = services::CreateVtZaak(as, z);
    if (!made.ok()) return Error::Internal("demo-vt-zaak");
    return made->id;
  };
  auto betrokkene = [](int i, const char* rol) {
    return services::VtNieuweBetrokkene{*Bsn::Parse(kPeople[i].bsn), rol};
  };
  const char* vt_email = "r.veilig@veiligthuis.example";
  JH_TRY(vt_zaak("p.linde@delinde.example", {"melding",
                                             std::nullopt,
                                             std::nullopt,
                                             {betrokkene(2, "kind"), betrokkene(1, "ouder")},
                                             std::nullopt,
                                             "redelijk-vermoeden",
                                             "Herhaalde blauwe plekken op de bovenarmen."}));
  services::VtContact buurvrouw{"particulier", "Henny Buur", "06 1111 2222",
                                std::nullopt,  std::nullopt, false};
  JH_ASSIGN_OR_RETURN(std::string luca,
                      vt_zaak(vt_email, {"melding",
                                         std::nullopt,
                                         buurvrouw,
                                         {betrokkene(19, "kind"), betrokkene(17, "ouder")},
                                         std::nullopt,
                                         "beeindigen-geweld",
                                         "Buurvrouw hoort 's avonds slaan en huilen."}));
  JH_TRY(vt_zaak(vt_email, {"advies",
                            "Hoe spreek ik een collega aan op zorgen thuis?",
                            services::VtContact{"beroepskracht"},
                            {},
                            std::nullopt,
                            std::nullopt,
                            std::nullopt}));
  {
    services::Env as{env.store, env.vault, env.clock, env.trail, &actors.at(vt_email)};
    if (!services::StartVtOnderzoek(as, luca, env.clock.Today()).ok()) {
      return Error::Internal("demo-vt-onderzoek");
    }
  }
  JH_TRY(SeedJeugdhulp(env, actors, aanbieder, ids));

  for (int i : {1, 6}) {  // a mother and a youth of 16+
    JH_ASSIGN_OR_RETURN(Bsn bsn, Bsn::Parse(kPeople[i].bsn));
    JH_ASSIGN_OR_RETURN(std::string token, services::IssueBurgerToken(env, bsn));
    logins.push_back(
        {std::string("burger ") + kPeople[i].voornamen + " " + kPeople[i].achternaam, token});
  }
  return logins;
}

}  // namespace jh::app
