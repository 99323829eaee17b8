#include "services/authzen.h"

#include "rules/jw.h"
#include "rules/vir.h"
#include "rules/vt.h"
#include "services/common.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

namespace {

// The subject as the services see their caller: role, organisation and its municipality.
Result<auth::Actor> LoadSubject(Env& env, const std::string& id) {
  std::optional<auth::Actor> out;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.reset();
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT m.rol, m.meldingsbevoegd, o.id, o.soort, o.gemeentecode "
                 "FROM medewerkers m JOIN organisaties o ON o.id = m.organisatie_id "
                 "WHERE m.id = $1",
                 {id}));
    if (rows.empty()) return {};
    auth::Actor a;
    a.kind = auth::ActorKind::kMedewerker;
    a.id = id;
    a.rol = rows[0].Text(0);
    a.meldingsbevoegd = rows[0].Int(1) != 0;
    a.organisatie_id = rows[0].Text(2);
    a.organisatie_soort = rows[0].Text(3);
    a.gemeentecode = rows[0].Text(4);
    out = std::move(a);
    return {};
  }));
  if (!out) return UnknownReference("subject.id", "Een medewerker met dit id");
  return *out;
}

// As CreateVirMelding: VIR-02 with the convenanten of the subject's organisation, then VIR-01.
Result<rules::Decision> VirMelden(Env& env, const auth::Actor& s, const Evaluatie& e) {
  if (!e.gemeentecode) {
    return Error::Invalid("resource.properties.gemeentecode", "verplicht",
                          "vir.melden heeft de gemeente van de jeugdige nodig (VIR-02).");
  }
  rules::MelderFeiten feiten{s.meldingsbevoegd, s.organisatie_soort, s.gemeentecode, {}};
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    feiten.convenanten.clear();
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT gemeentecode, geldig_vanaf, geldig_tot FROM convenanten "
                                 "WHERE organisatie_id = $1",
                                 {s.organisatie_id}));
    for (const store::Row& r : rows) {
      rules::ConvenantFeit c{r.Text(0), Date::Parse(r.Text(1)).value_or(Date{}), std::nullopt};
      if (auto tot = r.OptText(2)) c.geldig_tot = Date::Parse(*tot);
      feiten.convenanten.push_back(std::move(c));
    }
    return {};
  }));
  const Date today = env.clock.Today();
  rules::Decision d = rules::Vir02(feiten, *e.gemeentecode, today);
  if (d.allowed && e.geboortedatum) d = rules::Vir01(*e.geboortedatum, today);
  return d;
}

// As CreateVtInformatieverzoek: the full view of the case (VT-04), then VT-02. An unknown
// case is answered as one the subject may not know of, so the answer reveals nothing.
Result<rules::Decision> VtInformatie(Env& env, const auth::Actor& s, const Evaluatie& e) {
  std::optional<VtZaakRij> zaak;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    zaak.reset();
    auto loaded = LoadVtZaak(tx, e.resource_id);
    if (loaded.ok()) {
      zaak = std::move(loaded).value();
    } else if (loaded.error().code != ErrorCode::kNotFound) {
      return std::move(loaded).error();
    }
    return {};
  }));
  rules::Vt04ZichtFeiten zicht{s.HasRole("vt-medewerker"),
                               zaak && zaak->organisatie_id == s.organisatie_id, false};
  rules::Decision d = rules::Vt04ZichtBesluit(zicht);
  if (d.allowed) d = rules::Vt02Informatie(zaak->soort, zaak->status == "in-onderzoek");
  return d;
}

// As CreateToewijzing: JW-04 on who assigns (a gemeentemedewerker of the youth's
// municipality, rules::Jw04Toewijzer, the very check the endpoint makes), then JW-04 on the
// contracts of that municipality with the provider over the period. The ground (referral or
// access decision, JW-03) is content of the endpoint's request, not asked here.
Result<rules::Decision> JwToewijzen(Env& env, const auth::Actor& s, const Evaluatie& e) {
  const std::pair<const char*, bool> verplicht[] = {
      {"gemeentecode", e.gemeentecode.has_value()},
      {"aanbiederId", e.aanbieder_id.has_value()},
      {"productcategorie", e.productcategorie.has_value()},
      {"geldigVanaf", e.geldig_vanaf.has_value()},
      {"geldigTot", e.geldig_tot.has_value()}};
  for (const auto& [veld, aanwezig] : verplicht) {
    if (!aanwezig) {
      return Error::Invalid(std::string("resource.properties.") + veld, "verplicht",
                            "jw.toewijzen heeft dit feit nodig (JW-04).");
    }
  }
  rules::Decision d = rules::Jw04Toewijzer(s.rol, s.gemeentecode, *e.gemeentecode);
  if (!d.allowed) return d;
  rules::ToewijzingFeiten feiten{*e.aanbieder_id, "", *e.productcategorie, *e.geldig_vanaf,
                                 *e.geldig_tot,   {}};
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    feiten.contracten.clear();
    JH_ASSIGN_OR_RETURN(store::Rows org, tx.Query("SELECT soort FROM organisaties WHERE id = $1",
                                                  {*e.aanbieder_id}));
    feiten.aanbieder_soort = org.empty() ? "" : org[0].Text(0);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT c.aanbieder_id, c.geldig_vanaf, c.geldig_tot, "
                                 "p.productcategorie FROM contracten c JOIN "
                                 "contract_productcategorieen p ON p.contract_id = c.id "
                                 "WHERE c.gemeentecode = $1 AND c.aanbieder_id = $2",
                                 {*e.gemeentecode, *e.aanbieder_id}));
    // One ContractFeit per category row: the rule asks whether any covers the assignment.
    for (const store::Row& r : rows) {
      rules::ContractFeit c{
          r.Text(0), {r.Text(3)}, Date::Parse(r.Text(1)).value_or(Date{}), std::nullopt};
      if (auto tot = r.OptText(2)) c.geldig_tot = Date::Parse(*tot);
      feiten.contracten.push_back(std::move(c));
    }
    return {};
  }));
  return rules::Jw04(feiten);
}

// As GetJwDossier: JW-05 against the provider of the dossier. An unknown dossier has no
// provider, so JW-05 refuses it with the same reason: the answer reveals nothing.
Result<rules::Decision> DossierLezen(Env& env, const auth::Actor& s, const Evaluatie& e) {
  std::string aanbieder;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT aanbieder_id FROM jw_dossiers "
                                                   "WHERE id = $1 AND vernietigd_op IS NULL",
                                                   {e.resource_id}));
    aanbieder = rows.empty() ? "" : rows[0].Text(0);
    return {};
  }));
  return rules::Jw05(s.rol, s.organisatie_id, aanbieder);
}

}  // namespace

bool MagEvaluerenVoor(const auth::Actor& vrager, const std::string& subject_id) {
  if (vrager.kind == auth::ActorKind::kSystem) return true;  // the CLI, no token at all
  if (!vrager.IsMedewerker()) return false;
  return vrager.id == subject_id || vrager.HasRole("beheerder");
}

const std::vector<std::string>& EvaluatieActies() {
  static const std::vector<std::string> kActies = {
      "vir.melden", "vt.informatieverzoek", "jw.verwijzen", "jw.toewijzen", "jw.dossier.lezen"};
  return kActies;
}

std::string EvaluatieResourceType(const std::string& actie) {
  if (actie == "vir.melden" || actie == "jw.verwijzen") return "jeugdige";
  if (actie == "vt.informatieverzoek") return "vt-zaak";
  if (actie == "jw.toewijzen") return "toewijzing";
  if (actie == "jw.dossier.lezen") return "dossier";
  return "";
}

Result<rules::Decision> Evalueer(Env& env, const Evaluatie& e) {
  const std::string type = EvaluatieResourceType(e.actie);
  if (type.empty()) return Error::Invalid("action.name", "enum", "Deze actie is onbekend.");
  if (e.resource_type != type) {
    return Error::Invalid("resource.type", "enum", e.actie + " beoordeelt een " + type + ".");
  }
  if ((type == "vt-zaak" || type == "dossier") && e.resource_id.empty()) {
    return Error::Invalid("resource.id", "verplicht",
                          e.actie + " heeft het id van de " + type + " nodig.");
  }
  // Before the subject is looked up: a refused caller learns not even whether the id exists.
  if (env.actor == nullptr || !MagEvaluerenVoor(*env.actor, e.subject_id)) {
    const std::string reden =
        "Een medewerker vraagt alleen naar zijn eigen handelingen; naar die van een ander "
        "alleen een beheerder (de PEP-dienst van de keten).";
    Decide(env, audit::Decision{"evaluate:" + e.actie, type, e.resource_id, false, "", "", reden});
    Error fout = Error::Forbidden("", "", reden);
    fout.invalid_params.push_back({"subject.id", "niet-uzelf", reden});
    return fout;
  }
  JH_ASSIGN_OR_RETURN(auth::Actor subject, LoadSubject(env, e.subject_id));
  rules::Decision d;
  if (e.actie == "vir.melden") {
    JH_ASSIGN_OR_RETURN(d, VirMelden(env, subject, e));
  } else if (e.actie == "vt.informatieverzoek") {
    JH_ASSIGN_OR_RETURN(d, VtInformatie(env, subject, e));
  } else if (e.actie == "jw.verwijzen") {
    d = rules::Jw02(subject.rol);
  } else if (e.actie == "jw.toewijzen") {
    JH_ASSIGN_OR_RETURN(d, JwToewijzen(env, subject, e));
  } else {
    JH_ASSIGN_OR_RETURN(d, DossierLezen(env, subject, e));
  }
  // Every answer is an authorisation decision, allowing or refusing (services/enforce.h).
  Decide(env, audit::Decision{"evaluate:" + e.actie, type, e.resource_id, d.allowed,
                              std::string(d.rule), std::string(d.ground), d.reason});
  return d;
}

}  // namespace jh::services
