#include "services/vir_meldingen.h"

#include <map>

#include "audit/register.h"
#include "rules/vir.h"
#include "rules/vir_signalen.h"
#include "services/enforce.h"
#include "services/keyring.h"
#include "services/vir_signaal_verval.h"
#include "services/vir_signalen.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kMeldingResource = "vir-melding";
constexpr const char* kMeldingColumns =
    "id, status, gemeld_op, verwijderen_uiterlijk, verwijderd_op, reden, gearchiveerd_op, "
    "melder_id, persoon_id, jeugdige_sleutel, vernietigd_op";

// The youth as far as the rules need him.
struct Jeugdige {
  std::string sleutel;     // matching key, see 0003_verwijsindex.sql
  std::string persoon_id;  // "" without BSN
  Date geboortedatum;
  std::string gemeentecode;
  std::string adres_index;  // "" without BSN
  bool overleden = false;
};

Result<std::vector<rules::ConvenantFeit>> LoadConvenanten(Env& env, const std::string& org) {
  std::vector<rules::ConvenantFeit> out;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.clear();
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT gemeentecode, geldig_vanaf, geldig_tot FROM convenanten "
                                 "WHERE organisatie_id = $1",
                                 {org}));
    for (const store::Row& r : rows) {
      rules::ConvenantFeit c{r.Text(0), Date::Parse(r.Text(1)).value_or(Date{}), std::nullopt};
      if (auto tot = r.OptText(2)) c.geldig_tot = Date::Parse(*tot);
      out.push_back(std::move(c));
    }
    return {};
  }));
  return out;
}

// Finds the youth; nullopt when no person has this BSN.
Result<std::optional<Jeugdige>> FindJeugdige(Env& env, const NieuweVirMelding& in) {
  if (in.zonder_bsn) {
    const JeugdigeZonderBsn& z = *in.zonder_bsn;
    return std::optional<Jeugdige>(
        Jeugdige{"v:" + env.vault.Pseudonym(rules::Vir05ServicenummerBron(
                            z.geslachtsnaam, z.geboortedatum.ToString(), z.geslacht)),
                 "", z.geboortedatum, env.actor->gemeentecode, "", false});
  }
  std::optional<Jeugdige> found;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    found.reset();
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT id, geboortedatum, gemeentecode, adres_index, overlijdensdatum "
                 "FROM personen WHERE bsn_index = $1 AND vernietigd_op IS NULL",
                 {store::Blob{env.vault.BsnIndex(*in.bsn)}}));
    if (rows.empty()) return {};
    const store::Row& r = rows[0];
    found = Jeugdige{"p:" + r.Text(0),
                     r.Text(0),
                     Date::Parse(r.Text(1)).value_or(Date{}),
                     r.Text(2),
                     r.IsNull(3) ? "" : r.Bytes(3),
                     !r.IsNull(4)};
    return {};
  }));
  return found;
}

// The registrations a new one on `j` relates to (VIR-06, VIR-07, VIR-12), and the youth of
// each, for the processing log. Each query starts from the youth's few relatives (IN
// subqueries), never from the status index: that would read every active registration.
Status GatherBestaande(store::Tx& tx, const Jeugdige& j, const std::string& nieuw_id,
                       std::vector<rules::BestaandeRegistratie>& out,
                       std::map<std::string, VirSubject>& subjecten) {
  JH_ASSIGN_OR_RETURN(store::Rows zelfde,
                      tx.Query("SELECT id, melder_id, gemeentecode, status FROM vir_meldingen "
                               "WHERE jeugdige_sleutel = $1 AND id <> $2 AND (status = 'actief' OR "
                               "(gearchiveerd_op IS NOT NULL AND vernietigd_op IS NULL AND "
                               "historisch_gesignaleerd = 0))",
                               {j.sleutel, nieuw_id}));
  for (const store::Row& r : zelfde) {
    out.push_back({r.Text(0), r.Text(1), r.Text(2), rules::Verband::kZelfdeJeugdige,
                   r.Text(3) == "actief", false});
    subjecten.emplace(r.Text(0), SubjectVan(j.persoon_id, j.sleutel));
  }
  if (j.persoon_id.empty()) return {};  // without BSN there is no BRP family or address
  auto add = [&](const store::Rows& rows, rules::Verband verband, bool uitgesloten) {
    for (const store::Row& r : rows) {
      out.push_back({r.Text(0), r.Text(1), r.Text(2), verband, true, uitgesloten});
      subjecten.emplace(r.Text(0), SubjectVan(r.Text(3), r.Text(4)));
    }
  };
  JH_ASSIGN_OR_RETURN(
      store::Rows gezin,
      tx.Query("SELECT m.id, m.melder_id, m.gemeentecode, m.persoon_id, m.jeugdige_sleutel "
               "FROM vir_meldingen m WHERE m.status = 'actief' AND m.persoon_id IN ("
               "SELECT g2.kind_id FROM gezagsrelaties g1 JOIN gezagsrelaties g2 "
               "ON g2.ouder_id = g1.ouder_id WHERE g1.kind_id = $1 AND g2.kind_id <> $1)",
               {j.persoon_id}));
  add(gezin, rules::Verband::kGezin, false);
  if (j.adres_index.empty()) return {};
  JH_ASSIGN_OR_RETURN(store::Rows uitgesloten,
                      tx.Query("SELECT 1 FROM vir_uitgesloten_adressen WHERE adres_index = $1",
                               {store::Blob{j.adres_index}}));
  JH_ASSIGN_OR_RETURN(
      store::Rows adres,
      tx.Query("SELECT m.id, m.melder_id, m.gemeentecode, m.persoon_id, m.jeugdige_sleutel "
               "FROM vir_meldingen m WHERE m.status = 'actief' AND m.persoon_id IN ("
               "SELECT p.id FROM personen p WHERE p.adres_index = $1 AND p.id <> $2)",
               {store::Blob{j.adres_index}, j.persoon_id}));
  add(adres, rules::Verband::kAdres, !uitgesloten.empty());
  return {};
}

// A registration row (kMeldingColumns) as the melder sees it.
Result<VirMelding> ToMelding(store::Tx& tx, Env& env, BetrokkenenCache& contacten,
                             const store::Row& r) {
  VirMelding m;
  m.id = r.Text(0);
  m.status = r.Text(1);
  m.gemeld_op = r.Text(2);
  m.verwijderen_uiterlijk = Date::Parse(r.Text(3)).value_or(Date{});
  m.verwijderd_op = r.OptText(4);
  m.reden = r.OptText(5);
  m.gearchiveerd = !r.IsNull(6) && r.IsNull(10) && !r.IsNull(9);
  JH_ASSIGN_OR_RETURN(m.melder, contacten.Get(r.Text(7)));
  if (m.status == "actief" && !r.IsNull(8)) {
    const std::string persoon = r.Text(8);
    JH_ASSIGN_OR_RETURN(store::Rows p,
                        tx.Query("SELECT bsn_enc FROM personen WHERE id = $1", {persoon}));
    JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx, env.vault, persoon));
    if (!p.empty() && !p[0].IsNull(0) && key) {
      JH_ASSIGN_OR_RETURN(std::string digits, Open(key, persoon, "bsn", p[0].Bytes(0)));
      auto bsn = Bsn::Parse(digits);
      if (bsn.ok()) m.bsn = *bsn;
    }
  }
  return m;
}

void LogRead(Env& env, const store::Row& r, const char* name) {
  if (r.IsNull(9)) return;  // no longer linked to a youth
  VirSubject s = SubjectVan(r.OptText(8).value_or(""), r.Text(9));
  Processed(env, audit::kVirRegistratie, name, s.type, s.id);
}

}  // namespace

Result<VirMelding> CreateVirMelding(Env& env, const NieuweVirMelding& in) {
  const auth::Actor& a = *env.actor;
  const Date today = env.clock.Today();
  rules::MelderFeiten feiten{a.meldingsbevoegd, a.organisatie_soort, a.gemeentecode, {}};
  // Who may register comes first; the convenant part needs the youth's municipality.
  if (!feiten.meldingsbevoegd || !rules::Vir02Categorie(feiten.organisatie_soort)) {
    JH_TRY(Enforce(env, "createVirMelding", kMeldingResource, "", rules::Vir02(feiten, "", today),
                   Weigering::kVerboden));
  }
  JH_TRY(Enforce(env, "createVirMelding", kMeldingResource, "", rules::Vir03(in.redelijk_vermoeden),
                 Weigering::kOnverwerkbaar));
  JH_ASSIGN_OR_RETURN(feiten.convenanten, LoadConvenanten(env, a.organisatie_id));
  // Without any valid convenant no youth can be registered: refused before the youth is looked
  // up, so that a 422 for an unknown BSN does not tell this caller which BSNs are known.
  if (!rules::Vir02EnigConvenant(feiten, today)) {
    JH_TRY(Enforce(env, "createVirMelding", kMeldingResource, "", rules::Vir02(feiten, "", today),
                   Weigering::kVerboden));
  }
  JH_ASSIGN_OR_RETURN(std::optional<Jeugdige> j, FindJeugdige(env, in));
  if (!j) return UnknownReference("bsn", "Een persoon met dit BSN");
  JH_TRY(Enforce(env, "createVirMelding", kMeldingResource, "",
                 rules::Vir02(feiten, j->gemeentecode, today), Weigering::kVerboden));
  JH_TRY(Enforce(env, "createVirMelding", kMeldingResource, "",
                 rules::Vir01(j->geboortedatum, today), Weigering::kOnverwerkbaar));
  if (j->overleden) {
    return Error::Unprocessable("VIR-11", "Jw 7.1.4.5(2)",
                                "De jeugdige is overleden; registraties worden verwijderd.");
  }

  VirMelding out;
  // The melder's own contact details for the answer: read (and decrypted) here, on this
  // request's thread, not inside the write, which runs on the store's single writer.
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    BetrokkenenCache contacten(tx, env.vault);
    JH_ASSIGN_OR_RETURN(out.melder, contacten.Get(a.id));
    return {};
  }));
  out.id = crypto::NewUuid();
  out.status = "actief";
  out.gemeld_op = env.clock.NowRfc3339();
  out.verwijderen_uiterlijk = rules::Vir11VerwijderenUiterlijk(today, j->geboortedatum);
  out.bsn = in.bsn;
  Status st = Write(env, [&](store::Tx& tx) -> Status {
    store::Value persoon = j->persoon_id.empty() ? store::Value{} : store::Value{j->persoon_id};
    JH_TRY(tx.Exec(
        "INSERT INTO vir_meldingen (id, jeugdige_sleutel, persoon_id, geboortedatum, "
        "gemeentecode, melder_id, organisatie_id, status, gemeld_op, gemeld_datum, "
        "verwijderen_uiterlijk) VALUES ($1, $2, $3, $4, $5, $6, $7, 'actief', $8, $9, $10)",
        {out.id, j->sleutel, persoon, j->geboortedatum.ToString(), j->gemeentecode, a.id,
         a.organisatie_id, out.gemeld_op, today.ToString(), out.verwijderen_uiterlijk.ToString()}));
    const VirSubject subject = SubjectVan(j->persoon_id, j->sleutel);
    Processed(env, audit::kVirRegistratie, "melding in de verwijsindex", subject.type, subject.id);

    std::vector<rules::BestaandeRegistratie> bestaand;
    std::map<std::string, VirSubject> subjecten{{out.id, subject}};
    JH_TRY(GatherBestaande(tx, *j, out.id, bestaand, subjecten));
    auto signalen = rules::Vir06Vir07Vir12Signalen({out.id, a.id, j->gemeentecode}, bestaand);
    JH_TRY(StoreVirSignalen(tx, env, signalen, subjecten));
    for (const rules::Signaal& s : signalen) {
      if (s.soort != rules::SignaalSoort::kHistorisch) continue;
      for (const std::string& archief : s.betrokkenen) {
        JH_TRY(tx.Exec("UPDATE vir_meldingen SET historisch_gesignaleerd = 1 WHERE id = $1",
                       {archief}));
      }
    }
    return {};
  });
  if (!st.ok() && st.error().code == ErrorCode::kConflict) {
    return Error::Conflict("U hebt al een actieve melding over deze jeugdige.");
  }
  JH_TRY(st);
  return out;
}

Result<PageOf<VirMelding>> ListEigenVirMeldingen(Env& env, const Page& page,
                                                 const std::string& status) {
  PageOf<VirMelding> out;
  out.page = page;
  store::Rows rows;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    std::vector<store::Value> count_args = {env.actor->id};
    std::vector<store::Value> args = {env.actor->id, page.pagina_grootte, page.Offset()};
    if (!status.empty()) {
      count_args.emplace_back(status);
      args.emplace_back(status);
    }
    JH_ASSIGN_OR_RETURN(
        store::Rows n,
        tx.Query(std::string("SELECT COUNT(*) FROM vir_meldingen WHERE melder_id = $1") +
                     (status.empty() ? "" : " AND status = $2"),
                 count_args));
    out.totaal = n[0].Int(0);
    JH_ASSIGN_OR_RETURN(rows, tx.Query(std::string("SELECT ") + kMeldingColumns +
                                           " FROM vir_meldingen WHERE melder_id = $1" +
                                           (status.empty() ? "" : " AND status = $4") +
                                           " ORDER BY gemeld_op DESC, id LIMIT $2 OFFSET $3",
                                       args));
    BetrokkenenCache contacten(tx, env.vault);
    for (const store::Row& r : rows) {
      JH_ASSIGN_OR_RETURN(VirMelding m, ToMelding(tx, env, contacten, r));
      out.items.push_back(std::move(m));
    }
    return {};
  }));
  for (const store::Row& r : rows) LogRead(env, r, "eigen melding inzien");
  return out;
}

namespace {
// Reads a registration; a deny on VIR-08 and kNotFound when it is not the caller's own.
Result<store::Row> LoadEigenMelding(Env& env, const std::string& id, const char* action) {
  std::optional<store::Row> row;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(std::string("SELECT ") + kMeldingColumns +
                                                       " FROM vir_meldingen WHERE id = $1",
                                                   {id}));
    row = rows.empty() ? std::nullopt : std::optional<store::Row>(rows[0]);
    return {};
  }));
  const rules::Decision d =
      rules::Vir08EigenRegistratie(env.actor->id, row ? row->Text(7) : std::string());
  if (!Enforce(env, action, kMeldingResource, id, d, Weigering::kVerboden).ok()) {
    return Error::NotFound("De melding bestaat niet.");  // another's: may not know of it
  }
  return *row;
}
}  // namespace

Result<VirMelding> GetEigenVirMelding(Env& env, const std::string& id) {
  JH_ASSIGN_OR_RETURN(store::Row row, LoadEigenMelding(env, id, "getVirMelding"));
  std::optional<VirMelding> m;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    BetrokkenenCache contacten(tx, env.vault);
    JH_ASSIGN_OR_RETURN(m, ToMelding(tx, env, contacten, row));
    return {};
  }));
  LogRead(env, row, "eigen melding inzien");
  return *m;
}

Result<VirMelding> VerwijderVirMelding(Env& env, const std::string& id, const std::string& reden) {
  JH_ASSIGN_OR_RETURN(store::Row row, LoadEigenMelding(env, id, "deleteVirMelding"));
  const bool archiveren = rules::Vir10Archiveren(reden);
  bool niet_actief = false;
  std::optional<VirMelding> out;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    niet_actief = false;
    JH_ASSIGN_OR_RETURN(store::Rows cur, tx.Query(std::string("SELECT ") + kMeldingColumns +
                                                      " FROM vir_meldingen WHERE id = $1",
                                                  {id}));
    if (cur.empty() || cur[0].Text(1) != "actief") {
      niet_actief = true;
      return {};
    }
    const std::string now = env.clock.NowRfc3339();
    if (archiveren) {
      JH_TRY(
          tx.Exec("UPDATE vir_meldingen SET status = 'gearchiveerd', reden = $2, "
                  "verwijderd_op = $3, gearchiveerd_op = $4 WHERE id = $1",
                  {id, reden, now, env.clock.Today().ToString()}));
    } else {  // not archived: nothing links the row to the youth any more
      JH_TRY(
          tx.Exec("UPDATE vir_meldingen SET status = 'verwijderd', reden = $2, "
                  "verwijderd_op = $3, jeugdige_sleutel = NULL, persoon_id = NULL, "
                  "geboortedatum = NULL WHERE id = $1",
                  {id, reden, now}));
      JH_TRY(VirSignalenNaVerwijdering(tx, env, id));  // VIR-10: nothing of it stays readable
    }
    LogRead(env, cur[0],
            archiveren ? "melding verwijderen (risico weg, archief)"
                       : "melding verwijderen (onterecht)");
    JH_ASSIGN_OR_RETURN(store::Rows after, tx.Query(std::string("SELECT ") + kMeldingColumns +
                                                        " FROM vir_meldingen WHERE id = $1",
                                                    {id}));
    BetrokkenenCache contacten(tx, env.vault);
    JH_ASSIGN_OR_RETURN(out, ToMelding(tx, env, contacten, after[0]));
    return {};
  }));
  if (niet_actief) return Error::Conflict("Deze melding is al verwijderd.");
  // The answer reports the act: the registration left the index, whatever the reason
  // (API.md). Where it is kept now is the boolean `gearchiveerd`; a later read shows the
  // stored status, which is `gearchiveerd` for a risico-weg removal.
  out->status = "verwijderd";
  return *out;
}

}  // namespace jh::services
