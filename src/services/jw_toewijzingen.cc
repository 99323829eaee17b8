#include "services/jw_toewijzingen.h"

#include "audit/register.h"
#include "rules/jw.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kToewijzingResource = "toewijzing";

// The contracts of a municipality with their categories (JW-04 facts).
Status LoadContracten(store::Tx& tx, const std::string& gemeente,
                      std::vector<rules::ContractFeit>& out) {
  out.clear();
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT c.id, c.aanbieder_id, c.geldig_vanaf, c.geldig_tot, "
                               "p.productcategorie FROM contracten c JOIN "
                               "contract_productcategorieen p ON p.contract_id = c.id "
                               "WHERE c.gemeentecode = $1 ORDER BY c.id",
                               {gemeente}));
  std::string last;
  for (const store::Row& r : rows) {
    if (r.Text(0) != last) {
      last = r.Text(0);
      rules::ContractFeit c{r.Text(1), {}, Date::Parse(r.Text(2)).value_or(Date{}), std::nullopt};
      if (auto tot = r.OptText(3)) c.geldig_tot = Date::Parse(*tot);
      out.push_back(std::move(c));
    }
    out.back().productcategorieen.push_back(r.Text(4));
  }
  return {};
}

// The referral or access decision an assignment rests on must be the youth's, for the same
// category, and (a decision) cover the assignment period. Sets the referrer code.
Status CheckGrond(store::Tx& tx, const NieuweJwToewijzing& in, const std::string& persoon,
                  std::string& verwijzer, std::optional<Error>& refused) {
  if (in.verwijzing_id) {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT persoon_id, productcategorie, verwijzer_code FROM "
                                 "jw_verwijzingen WHERE id = $1",
                                 {*in.verwijzing_id}));
    if (rows.empty() || rows[0].Text(0) != persoon) {
      refused = UnknownReference("verwijzingId", "Een verwijzing voor deze jeugdige");
    } else if (rows[0].Text(1) != in.productcategorie) {
      refused = Inconsistent("verwijzingId", "productcategorie",
                             "De verwijzing geldt een andere productcategorie.");
    }
    verwijzer = rows.empty() ? "" : rows[0].Text(2);
  } else if (in.toegangsbesluit_id) {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT persoon_id, productcategorie, geldig_vanaf, geldig_tot "
                                 "FROM jw_toegangsbesluiten WHERE id = $1",
                                 {*in.toegangsbesluit_id}));
    if (rows.empty() || rows[0].Text(0) != persoon) {
      refused = UnknownReference("toegangsbesluitId", "Een toegangsbesluit voor deze jeugdige");
    } else if (rows[0].Text(1) != in.productcategorie) {
      refused = Inconsistent("toegangsbesluitId", "productcategorie",
                             "Het toegangsbesluit geldt een andere productcategorie.");
    } else if (in.geldig_vanaf.ToString() < rows[0].Text(2) ||
               rows[0].Text(3) < in.geldig_tot.ToString()) {
      refused = Inconsistent("toegangsbesluitId", "periode",
                             "De toewijzing valt buiten de geldigheid van het toegangsbesluit.");
    }
    verwijzer = "01";  // iJw COD327: de gemeente
  } else {
    verwijzer = "08";  // a measure of the court (47/48); Jw03Toegangsgrond allowed it
  }
  return {};
}

// Loads the assignment for an act of its provider: 404 for anyone else (JW-04 decision).
Result<JwToewijzing> LoadEigenToewijzing(Env& env, const std::string& id, const char* action) {
  JH_ASSIGN_OR_RETURN(std::optional<JwToewijzing> t, LoadJwToewijzing(env, id));
  const rules::Decision d =
      rules::Jw04EigenToewijzing(env.actor->organisatie_id, t ? t->aanbieder_id : "");
  if (!Enforce(env, action, kToewijzingResource, id, d, Weigering::kVerboden).ok()) {
    return Error::NotFound("De toewijzing bestaat niet.");
  }
  return *t;
}

}  // namespace

Result<JwToewijzing> CreateJwToewijzing(Env& env, const NieuweJwToewijzing& in) {
  const auth::Actor& a = *env.actor;
  // Who assigns is asked twice through the same rule (JW-04, role and municipality): before
  // any youth is looked up, so a caller who could never assign learns nothing of him, and
  // then with the youth's municipality. AuthZEN's jw.toewijzen asks it the same way.
  if (a.rol != "gemeentemedewerker") {
    JH_TRY(Enforce(env, "createToewijzing", kToewijzingResource, "",
                   rules::Jw04Toewijzer(a.rol, a.gemeentecode, ""), Weigering::kVerboden));
  }
  if (in.verwijzing_id && in.toegangsbesluit_id) {
    return Error::Invalid("toegangsbesluitId", "een-van",
                          "Geef een verwijzing of een toegangsbesluit, niet beide.");
  }
  if (in.geldig_tot < in.geldig_vanaf) {
    return Inconsistent("geldigTot", "periode", "geldigTot ligt voor geldigVanaf.");
  }
  JH_ASSIGN_OR_RETURN(JwJeugdige j, FindJwJeugdige(env, in.bsn));
  JH_TRY(Enforce(env, "createToewijzing", kToewijzingResource, "",
                 rules::Jw04Toewijzer(a.rol, a.gemeentecode, j.gemeentecode),
                 Weigering::kVerboden));
  JH_TRY(Enforce(env, "createToewijzing", kToewijzingResource, "",
                 rules::Jw03Toegangsgrond(in.verwijzing_id.has_value(),
                                          in.toegangsbesluit_id.has_value(), in.productcategorie),
                 Weigering::kOnverwerkbaar));

  rules::ToewijzingFeiten feiten{in.aanbieder_id, "", in.productcategorie, in.geldig_vanaf,
                                 in.geldig_tot,   {}};
  std::string verwijzer;
  std::optional<Error> refused;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    refused.reset();
    JH_ASSIGN_OR_RETURN(store::Rows org, tx.Query("SELECT soort FROM organisaties WHERE id = $1",
                                                  {in.aanbieder_id}));
    if (org.empty()) {
      refused = UnknownReference("aanbiederId", "De aanbieder");
      return {};
    }
    feiten.aanbieder_soort = org[0].Text(0);
    JH_TRY(LoadContracten(tx, j.gemeentecode, feiten.contracten));
    return CheckGrond(tx, in, j.id, verwijzer, refused);
  }));
  if (refused) return *refused;
  JH_TRY(Enforce(env, "createToewijzing", kToewijzingResource, "", rules::Jw04(feiten),
                 Weigering::kOnverwerkbaar));

  JwToewijzing t;
  t.id = crypto::NewUuid();
  t.persoon_id = j.id;
  t.gemeentecode = j.gemeentecode;
  t.aanbieder_id = in.aanbieder_id;
  t.productcategorie = in.productcategorie;
  t.productcode = in.productcode;
  t.volume = in.volume;
  t.eenheid = in.eenheid;
  t.geldig_vanaf = in.geldig_vanaf;
  t.geldig_tot = in.geldig_tot;
  t.verwijzing_id = in.verwijzing_id;
  t.toegangsbesluit_id = in.toegangsbesluit_id;
  t.verwijzer_code = verwijzer;
  t.status = "toegewezen";
  t.toegewezen_op = env.clock.NowRfc3339();
  auto opt = [](const std::optional<std::string>& s) {
    return s ? store::Value(*s) : store::Value();
  };
  bool vernietigd = false;  // erased between the lookup by BSN and this write (AVG-04)
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(vernietigd, JwPersoonVernietigd(tx, j.id));
    if (vernietigd) return {};
    JH_ASSIGN_OR_RETURN(t.toewijzingnummer,
                        NextJwNummer(tx, "jw_toewijzingen", "toewijzingnummer", t.gemeentecode));
    JH_TRY(tx.Exec(
        "INSERT INTO jw_toewijzingen (id, toewijzingnummer, persoon_id, gemeentecode, "
        "aanbieder_id, productcategorie, productcode, volume, eenheid, geldig_vanaf, geldig_tot, "
        "verwijzing_id, toegangsbesluit_id, verwijzer_code, status, toegewezen_door, "
        "toegewezen_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
        "'toegewezen', $15, $16)",
        {t.id, t.toewijzingnummer, t.persoon_id, t.gemeentecode, t.aanbieder_id, t.productcategorie,
         t.productcode, t.volume, t.eenheid, t.geldig_vanaf.ToString(), t.geldig_tot.ToString(),
         opt(t.verwijzing_id), opt(t.toegangsbesluit_id), verwijzer, a.id, t.toegewezen_op}));
    Processed(env, audit::kJwToegang, "jeugdhulp toewijzen (doel: toegang)", "persoon", j.id);
    return {};
  }));
  if (vernietigd) return JwPersoonVernietigdFout("bsn");
  return t;
}

Result<JwToewijzing> StartJwToewijzing(Env& env, const std::string& id, const Date& startdatum,
                                       const std::vector<std::string>& toestemming) {
  JH_ASSIGN_OR_RETURN(JwToewijzing t, LoadEigenToewijzing(env, id, "startToewijzing"));
  // iJw 4.3/4.4: after a stop the care may start again within the assignment (a temporary
  // end, say), but never twice without a stop in between.
  if (t.status == "gestart") return Error::Conflict("Deze jeugdhulp is al gestart.");
  if (startdatum < t.geldig_vanaf || t.geldig_tot < startdatum) {
    return Inconsistent("startdatum", "periode", "De startdatum ligt buiten de toewijzing.");
  }
  if (t.status == "gestopt" && t.einddatum && !(*t.einddatum < startdatum)) {
    return Inconsistent("startdatum", "na-stop",
                        "Een nieuwe start ligt na de laatste dag van de vorige levering.");
  }
  // JW-08: the consent is given and recorded today, so today's age decides whose consent
  // counts; a start ahead of today would let a chosen date move the youth past 16.
  const Date vandaag = env.clock.Today();
  Status later = Enforce(env, "startToewijzing", kToewijzingResource, id,
                         rules::Jw08Startdatum(startdatum, vandaag), Weigering::kOnverwerkbaar);
  if (!later.ok()) {
    Error e = later.error();
    e.invalid_params.push_back({"startdatum", "regel", e.message});
    return e;
  }
  rules::ToestemmingFeiten feiten{t.persoon_id, Date{}, {}, toestemming};
  bool vernietigd = false;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(vernietigd, JwPersoonVernietigd(tx, t.persoon_id));
    JH_ASSIGN_OR_RETURN(store::Rows p, tx.Query("SELECT geboortedatum FROM personen WHERE id = $1",
                                                {t.persoon_id}));
    feiten.geboortedatum =
        p.empty() || p[0].IsNull(0) ? Date{} : Date::Parse(p[0].Text(0)).value_or(Date{});
    JH_ASSIGN_OR_RETURN(store::Rows g, tx.Query("SELECT ouder_id FROM gezagsrelaties "
                                                "WHERE kind_id = $1 ORDER BY ouder_id",
                                                {t.persoon_id}));
    feiten.gezag.clear();
    for (const store::Row& r : g) feiten.gezag.push_back(r.Text(0));
    return {};
  }));
  // An erased youth has no birth date left to judge by: refused before JW-08 guesses one.
  if (vernietigd) return JwPersoonVernietigdFout("");
  JH_TRY(Enforce(env, "startToewijzing", kToewijzingResource, id, rules::Jw08(feiten, vandaag),
                 Weigering::kOnverwerkbaar));
  bool al_gestart = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows cur, tx.Query("SELECT status FROM jw_toewijzingen "
                                                  "WHERE id = $1",
                                                  {id}));
    al_gestart = cur.empty() || cur[0].Text(0) == "gestart";
    if (al_gestart) return {};
    JH_ASSIGN_OR_RETURN(vernietigd, JwPersoonVernietigd(tx, t.persoon_id));
    if (vernietigd) return {};
    // A restart replaces the delivery's dates; the earlier start and stop stay in the log.
    JH_TRY(
        tx.Exec("UPDATE jw_toewijzingen SET status = 'gestart', startdatum = $2, einddatum = NULL "
                "WHERE id = $1",
                {id, startdatum.ToString()}));
    const std::string now = env.clock.NowRfc3339();
    for (const std::string& p : toestemming) {
      JH_TRY(
          tx.Exec("INSERT INTO jw_toestemmingen (toewijzing_id, persoon_id, vastgelegd_op) "
                  "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                  {id, p, now}));
      if (p != t.persoon_id)
        Processed(env, audit::kJwJeugdhulp, "toestemming vastleggen", "persoon", p);
    }
    Processed(env, audit::kJwJeugdhulp, "jeugdhulp starten met toestemming", "persoon",
              t.persoon_id);
    return {};
  }));
  if (al_gestart) return Error::Conflict("Deze jeugdhulp is al gestart.");
  if (vernietigd) return JwPersoonVernietigdFout("");
  t.status = "gestart";
  t.startdatum = startdatum;
  t.einddatum.reset();
  return t;
}

Result<JwToewijzing> StopJwToewijzing(Env& env, const std::string& id, const Date& einddatum) {
  JH_ASSIGN_OR_RETURN(JwToewijzing t, LoadEigenToewijzing(env, id, "stopToewijzing"));
  if (t.status != "gestart")
    return Error::Conflict("Deze jeugdhulp is niet gestart of al gestopt.");
  if (einddatum < *t.startdatum || t.geldig_tot < einddatum) {
    return Inconsistent("einddatum", "periode",
                        "De einddatum ligt voor de start of na het einde van de toewijzing.");
  }
  bool niet_gestart = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows cur,
                        tx.Query("SELECT status FROM jw_toewijzingen WHERE id = $1", {id}));
    niet_gestart = cur.empty() || cur[0].Text(0) != "gestart";
    if (niet_gestart) return {};
    JH_TRY(tx.Exec("UPDATE jw_toewijzingen SET status = 'gestopt', einddatum = $2 WHERE id = $1",
                   {id, einddatum.ToString()}));
    Processed(env, audit::kJwJeugdhulp, "jeugdhulp stoppen", "persoon", t.persoon_id);
    return {};
  }));
  if (niet_gestart) return Error::Conflict("Deze jeugdhulp is niet gestart of al gestopt.");
  t.status = "gestopt";
  t.einddatum = einddatum;
  return t;
}

Result<PageOf<JwToewijzing>> ListJwToewijzingen(Env& env, const Page& page,
                                                const std::string& doel) {
  const auth::Actor& a = *env.actor;
  PageOf<JwToewijzing> out;
  out.page = page;
  const bool gemeente = a.HasRole("gemeentemedewerker") && a.organisatie_soort == "gemeente";
  if (!gemeente && !a.IsMedewerker()) return out;
  // JW-01: the municipality reads its assignments for a stated purpose, logged under it.
  const char* activiteit = gemeente ? audit::kJwToegang : audit::kJwJeugdhulp;
  if (gemeente) {
    JH_TRY(EnforceJw01Doel(env, "listToewijzingen", kToewijzingResource, "", doel));
    if (doel == rules::kDoelBekostiging) activiteit = audit::kJwBekostiging;
    if (doel == rules::kDoelControle) activiteit = audit::kJwControle;
  }
  const std::string filter = gemeente ? " FROM jw_toewijzingen WHERE gemeentecode = $1"
                                      : " FROM jw_toewijzingen WHERE aanbieder_id = $1";
  const std::string wie = gemeente ? a.gemeentecode : a.organisatie_id;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(store::Rows n, tx.Query("SELECT COUNT(*)" + filter, {wie}));
    out.totaal = n.empty() ? 0 : n[0].Int(0);
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query(std::string("SELECT ") + kJwToewijzingKolommen + filter +
                     " ORDER BY toegewezen_op DESC, toewijzingnummer DESC, id LIMIT $2 OFFSET $3",
                 {wie, page.pagina_grootte, page.Offset()}));
    for (const store::Row& r : rows) out.items.push_back(JwToewijzingUitRij(r));
    return {};
  }));
  for (const JwToewijzing& t : out.items) {
    // The purpose shows in the activity (toegang, bekostiging, controle), which the register
    // explains; jeugdbescherming assignments are the access activity's too (JW-04).
    Processed(env, activiteit, "toewijzing inzien (lijst)", "persoon", t.persoon_id);
  }
  return out;
}

}  // namespace jh::services
