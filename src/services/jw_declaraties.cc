#include "services/jw_declaraties.h"

#include <cmath>

#include "audit/register.h"
#include "rules/jw.h"
#include "rules/jw_declaratie.h"
#include "services/enforce.h"
#include "services/jw_feiten.h"
#include "services/keyring.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kDeclaratieResource = "declaratie";

// Every column a bill is shown with comes from this one query: the bill, its assignment, the
// provider's AGB, the decision number and the youth's sealed BSN — the JW-06 set, no more.
constexpr const char* kDeclaratieSelect =
    "SELECT d.id, o.agb_code, d.gemeentecode, t.persoon_id, p.bsn_enc, t.toewijzingnummer, "
    "t.productcategorie, t.productcode, d.begin_datum, d.eind_datum, d.geleverd_volume, "
    "d.eenheid, d.product_tarief, d.ingediend_bedrag, t.verwijzer_code, b.besluitnummer, "
    "d.ingediend_op, d.aanbieder_id FROM jw_declaraties d "
    "JOIN jw_toewijzingen t ON t.id = d.toewijzing_id "
    "JOIN organisaties o ON o.id = d.aanbieder_id "
    "JOIN personen p ON p.id = t.persoon_id "
    "LEFT JOIN jw_toegangsbesluiten b ON b.id = t.toegangsbesluit_id ";

// A rule refusal that names the offending field, so the caller knows what to correct.
Status MetVeld(Status st, const std::string& veld) {
  if (st.ok()) return st;
  Error e = st.error();
  e.invalid_params.push_back({veld, "regel", e.message});
  return e;
}

Result<JwDeclaratie> FromRow(store::Tx& tx, Env& env, const store::Row& r) {
  JwDeclaratie d;
  d.id = r.Text(0);
  d.aanbieder_agb = r.OptText(1).value_or("");
  d.gemeentecode = r.Text(2);
  const std::string persoon = r.Text(3);
  if (!r.IsNull(4)) {
    JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx, env.vault, persoon));
    JH_ASSIGN_OR_RETURN(std::string digits, Open(key, persoon, "bsn", r.Bytes(4)));
    // A sealed BSN that does not parse is damage, not erasure: never shown as "no BSN".
    Result<Bsn> bsn = Bsn::Parse(digits);
    if (!bsn.ok()) return Error::Internal("Een opgeslagen BSN is onleesbaar.");
    d.bsn = *bsn;
  }
  d.toewijzingnummer = r.Int(5);
  d.productcategorie = r.Text(6);
  d.productcode = r.Text(7);
  d.begin = Date::Parse(r.Text(8)).value_or(Date{});
  d.eind = Date::Parse(r.Text(9)).value_or(Date{});
  d.geleverd_volume = r.Int(10);
  d.eenheid = r.Text(11);
  if (!r.IsNull(12)) d.product_tarief = r.Int(12);
  d.ingediend_bedrag = r.Int(13);
  d.verwijzer = r.Text(14);
  if (!r.IsNull(15)) d.besluitnummer = r.Int(15);
  d.ingediend_op = r.Text(16);
  return d;
}

rules::DeclaratieLezer Lezer(const Env& env) {
  const auth::Actor& a = *env.actor;
  return {a.HasRole("gemeentemedewerker"), a.gemeentecode, a.organisatie_id};
}

// JW-01 and JW-06: a municipal read states a purpose, and for a bill only payment or control.
// Returns the processing activity the read is logged under.
Result<const char*> Doel(Env& env, const std::string& doel, const std::string& action,
                         const std::string& id) {
  if (!Lezer(env).gemeente) return audit::kJwDeclaratie;
  JH_TRY(EnforceJw01Doel(env, action, kDeclaratieResource, id, doel));
  JH_TRY(
      Enforce(env, action, kDeclaratieResource, id, rules::Jw06Doel(doel), Weigering::kVerboden));
  return doel == rules::kDoelBekostiging ? audit::kJwBekostiging : audit::kJwControle;
}

std::string LeesNaam(std::string_view activity) {
  if (activity == audit::kJwBekostiging) return "declaratie inzien (doel: bekostiging)";
  if (activity == audit::kJwControle) return "declaratie inzien (doel: controle)";
  return "eigen declaratie inzien";
}

}  // namespace

Result<JwDeclaratie> CreateJwDeclaratie(Env& env, const NieuweJwDeclaratie& in) {
  JH_ASSIGN_OR_RETURN(std::optional<JwToewijzing> t, LoadJwToewijzing(env, in.toewijzing_id));
  const rules::Decision eigen =
      rules::Jw04EigenToewijzing(env.actor->organisatie_id, t ? t->aanbieder_id : "");
  if (!Enforce(env, "createDeclaratie", kDeclaratieResource, "", eigen, Weigering::kVerboden)
           .ok()) {
    return UnknownReference("toewijzingId", "Een toewijzing aan uw organisatie");
  }
  JH_TRY(MetVeld(Enforce(env, "createDeclaratie", kDeclaratieResource, "",
                         rules::Jw07HeleEurocenten(in.ingediend_bedrag), Weigering::kOnverwerkbaar),
                 "ingediendBedrag"));
  if (in.product_tarief) {
    JH_TRY(
        MetVeld(Enforce(env, "createDeclaratie", kDeclaratieResource, "",
                        rules::Jw07HeleEurocenten(*in.product_tarief), Weigering::kOnverwerkbaar),
                "productTarief"));
  }
  if (in.eenheid != t->eenheid) {
    return Inconsistent("eenheid", "toewijzing", "De eenheid is niet die van de toewijzing.");
  }
  // Within the assignment (JW-07). Not within the start and stop messages: iJw 4.4 gives them
  // no dependency with billing, and care may restart after a stop.
  const rules::Periode toewijzing{t->geldig_vanaf, t->geldig_tot};
  const rules::Periode periode{in.begin, in.eind};
  JH_TRY(MetVeld(Enforce(env, "createDeclaratie", kDeclaratieResource, "",
                         rules::Jw07Periode(periode, toewijzing), Weigering::kOnverwerkbaar),
                 "productperiode"));

  JwDeclaratie out;
  out.id = crypto::NewUuid();
  out.ingediend_op = env.clock.NowRfc3339();
  std::optional<rules::Decision> overlap;
  bool vernietigd = false;
  store::Value tarief =
      in.product_tarief ? store::Value(std::llround(*in.product_tarief)) : store::Value();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    overlap.reset();
    JH_ASSIGN_OR_RETURN(vernietigd, JwPersoonVernietigd(tx, t->persoon_id));
    if (vernietigd) return {};
    // Inside the write: the single writer (a transaction on PostgreSQL) sees every earlier line.
    JH_ASSIGN_OR_RETURN(
        store::Rows eerder,
        tx.Query("SELECT begin_datum, eind_datum FROM jw_declaraties "
                 "WHERE toewijzing_id = $1 AND begin_datum <= $2 AND eind_datum >= $3",
                 {in.toewijzing_id, in.eind.ToString(), in.begin.ToString()}));
    std::vector<rules::Periode> perioden;
    for (const store::Row& r : eerder) {
      perioden.push_back(
          {Date::Parse(r.Text(0)).value_or(Date{}), Date::Parse(r.Text(1)).value_or(Date{})});
    }
    rules::Decision d = rules::Jw07Overlap(periode, perioden);
    if (!d.allowed) {
      overlap = std::move(d);
      return {};
    }
    JH_TRY(
        tx.Exec("INSERT INTO jw_declaraties (id, toewijzing_id, aanbieder_id, gemeentecode, "
                "begin_datum, eind_datum, geleverd_volume, eenheid, product_tarief, "
                "ingediend_bedrag, ingediend_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                "$10, $11)",
                {out.id, in.toewijzing_id, t->aanbieder_id, t->gemeentecode, in.begin.ToString(),
                 in.eind.ToString(), in.geleverd_volume, in.eenheid, tarief,
                 std::llround(in.ingediend_bedrag), out.ingediend_op}));
    Processed(env, audit::kJwDeclaratie, "declareren", "persoon", t->persoon_id);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string(kDeclaratieSelect) + "WHERE d.id = $1", {out.id}));
    JH_ASSIGN_OR_RETURN(out, FromRow(tx, env, rows.at(0)));
    return {};
  }));
  if (vernietigd) return JwPersoonVernietigdFout("toewijzingId");
  if (overlap) {
    return MetVeld(Enforce(env, "createDeclaratie", kDeclaratieResource, "", *overlap,
                           Weigering::kOnverwerkbaar),
                   "productperiode")
        .error();
  }
  return out;
}

Result<PageOf<JwDeclaratie>> ListJwDeclaraties(Env& env, const Page& page,
                                               const std::string& doel) {
  JH_ASSIGN_OR_RETURN(const char* activity, Doel(env, doel, "listDeclaraties", ""));
  const rules::DeclaratieLezer lezer = Lezer(env);
  const std::string where =
      lezer.gemeente ? "WHERE d.gemeentecode = $1 " : "WHERE d.aanbieder_id = $1 ";
  const std::string key = lezer.gemeente ? lezer.gemeentecode : lezer.organisatie_id;
  PageOf<JwDeclaratie> out;
  out.page = page;
  std::vector<std::string> personen;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    personen.clear();
    JH_ASSIGN_OR_RETURN(store::Rows n,
                        tx.Query("SELECT COUNT(*) FROM jw_declaraties d " + where, {key}));
    out.totaal = n[0].Int(0);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string(kDeclaratieSelect) + where +
                                     "ORDER BY d.ingediend_op DESC, d.id LIMIT $2 OFFSET $3",
                                 {key, page.pagina_grootte, page.Offset()}));
    for (const store::Row& r : rows) {
      JH_ASSIGN_OR_RETURN(JwDeclaratie d, FromRow(tx, env, r));
      out.items.push_back(std::move(d));
      personen.push_back(r.Text(3));
    }
    return {};
  }));
  for (const std::string& p : personen) Processed(env, activity, LeesNaam(activity), "persoon", p);
  return out;
}

Result<JwDeclaratie> GetJwDeclaratie(Env& env, const std::string& id, const std::string& doel) {
  JH_ASSIGN_OR_RETURN(const char* activity, Doel(env, doel, "getDeclaratie", id));
  std::optional<JwDeclaratie> out;
  std::string persoon, aanbieder;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.reset();
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string(kDeclaratieSelect) + "WHERE d.id = $1", {id}));
    if (rows.empty()) return {};
    JH_ASSIGN_OR_RETURN(out, FromRow(tx, env, rows[0]));
    persoon = rows[0].Text(3);
    aanbieder = rows[0].Text(17);
    return {};
  }));
  const rules::Decision d =
      rules::Jw06Inzage(Lezer(env), out ? out->gemeentecode : "", out ? aanbieder : "");
  if (!Enforce(env, "getDeclaratie", kDeclaratieResource, id, d, Weigering::kVerboden).ok()) {
    return Error::NotFound("De declaratie bestaat niet.");  // another's: may not know of it
  }
  Processed(env, activity, LeesNaam(activity), "persoon", persoon);
  return *out;
}

}  // namespace jh::services
