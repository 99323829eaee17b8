#include "services/vir_opschoning.h"

#include <map>

#include "audit/register.h"
#include "rules/vir.h"
#include "rules/vir_signalen.h"
#include "services/vir_signaal_verval.h"
#include "services/vir_signalen.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr int64_t kVirOpschoningBatch = 500;

// Clears everything that links a registration to its youth.
constexpr const char* kOntkoppel =
    "jeugdige_sleutel = NULL, persoon_id = NULL, geboortedatum = NULL";

void Log(Env& env, const store::Row& r, size_t persoon_col, const std::string& name) {
  if (r.IsNull(persoon_col + 1)) return;
  VirSubject s = SubjectVan(r.OptText(persoon_col).value_or(""), r.Text(persoon_col + 1));
  Processed(env, audit::kVirOpschoning, name, s.type, s.id);
}

std::optional<Date> OptDate(const store::Row& r, size_t i) {
  auto t = r.OptText(i);
  return t ? Date::Parse(*t) : std::nullopt;
}

// One batch of active registrations due for removal after `after` (id order); returns the
// last id handled, or "" when there was nothing left. Only those whose planned removal date
// has come are read (an index range, not every active registration): a death is applied
// when it is recorded (VirOntkoppelPersoon), and registering a deceased youth is refused.
Result<std::string> RemoveBatch(Env& env, const std::string& after, VirOpschoning& totaal) {
  const Date today = env.clock.Today();
  std::string last;
  VirOpschoning batch;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    last.clear();
    batch = {};
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT m.id, m.gemeld_datum, m.geboortedatum, p.overlijdensdatum, "
                 "m.persoon_id, m.jeugdige_sleutel FROM vir_meldingen m "
                 "LEFT JOIN personen p ON p.id = m.persoon_id WHERE m.status = 'actief' "
                 "AND m.verwijderen_uiterlijk <= $1 "
                 "AND m.id > $2 ORDER BY m.id LIMIT $3",
                 {today.ToString(), after, kVirOpschoningBatch}));
    const std::string now = env.clock.NowRfc3339();
    for (const store::Row& r : rows) {
      last = r.Text(0);
      auto gemeld = Date::Parse(r.Text(1));
      auto geboren = Date::Parse(r.Text(2));
      if (!gemeld || !geboren) continue;
      switch (rules::Vir11(*gemeld, *geboren, OptDate(r, 3), today)) {
        case rules::Verwijdering::kGeen:
          break;
        case rules::Verwijdering::kNaTweeJaar:
          Log(env, r, 4, "melding verwijderen na twee jaar (archief)");
          // The archive term runs from the day the registration had to go, also when the
          // purge runs later (after a server was down).
          JH_TRY(
              tx.Exec("UPDATE vir_meldingen SET status = 'gearchiveerd', reden = 'twee-jaar', "
                      "verwijderd_op = $2, gearchiveerd_op = verwijderen_uiterlijk WHERE id = $1",
                      {last, now}));
          ++batch.gearchiveerd;
          break;
        case rules::Verwijdering::kDrieentwintig:
        case rules::Verwijdering::kOverleden: {
          const bool overleden = OptDate(r, 3).has_value();
          Log(env, r, 4,
              overleden ? "melding verwijderen na overlijden" : "melding verwijderen op 23");
          JH_TRY(tx.Exec(std::string("UPDATE vir_meldingen SET status = 'verwijderd', reden = $2, "
                                     "verwijderd_op = $3, ") +
                             kOntkoppel + " WHERE id = $1",
                         {last, overleden ? "overleden" : "drieentwintig", now}));
          JH_TRY(VirSignalenNaVerwijdering(tx, env, last));  // not archived: its signals go too
          ++batch.verwijderd;
          break;
        }
      }
    }
    return {};
  }));
  totaal.gearchiveerd += batch.gearchiveerd;
  totaal.verwijderd += batch.verwijderd;
  return last;
}

// One batch of archived registrations, destroying those VIR-12 says must go.
Result<std::string> DestroyBatch(Env& env, const std::string& after, VirOpschoning& totaal) {
  const Date today = env.clock.Today();
  std::string last;
  int64_t vernietigd = 0;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    last.clear();
    vernietigd = 0;
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT m.id, m.gearchiveerd_op, m.geboortedatum, p.overlijdensdatum, "
                 "m.persoon_id, m.jeugdige_sleutel FROM vir_meldingen m "
                 "LEFT JOIN personen p ON p.id = m.persoon_id WHERE m.gearchiveerd_op IS NOT NULL "
                 "AND m.vernietigd_op IS NULL AND m.jeugdige_sleutel IS NOT NULL AND m.id > $1 "
                 "ORDER BY m.id LIMIT $2",
                 {after, kVirOpschoningBatch}));
    const std::string now = env.clock.NowRfc3339();
    for (const store::Row& r : rows) {
      last = r.Text(0);
      auto archief = Date::Parse(r.Text(1));
      auto geboren = Date::Parse(r.Text(2));
      if (!archief || !geboren) continue;
      if (!rules::Vir12Vernietigen(*archief, *geboren, OptDate(r, 3), today)) continue;
      Log(env, r, 4, "archief van een melding vernietigen");
      JH_TRY(tx.Exec(std::string("UPDATE vir_meldingen SET status = 'verwijderd', "
                                 "vernietigd_op = $2, ") +
                         kOntkoppel + " WHERE id = $1",
                     {last, now}));
      JH_TRY(VirSignalenNaVerwijdering(tx, env, last));  // the archive's signals end with it
      ++vernietigd;
    }
    return {};
  }));
  totaal.vernietigd += vernietigd;
  return last;
}

// VIR-07 after a change in the BRP (Jw 7.1.2.3(1)(d,e) signal whenever two registrations
// share an address or a parent, not only when the second is made): each active registration
// of the youth and each active one among `anderen` (registrations of other youths now at his
// address, or now his siblings) that were never signalled together get the signal a
// registration would have given, decided by the same pure rule. A pair already signalled (as
// family, or at this address before) is not repeated.
Status NieuweParen(store::Tx& tx, Env& env, const std::string& persoon_id, rules::Verband verband,
                   const store::Rows& anderen) {
  if (anderen.empty()) return {};
  JH_ASSIGN_OR_RETURN(store::Rows eigen,
                      tx.Query("SELECT id, melder_id, jeugdige_sleutel, gemeentecode "
                               "FROM vir_meldingen WHERE persoon_id = $1 AND status = 'actief' "
                               "ORDER BY gemeld_op, id",
                               {persoon_id}));
  for (const store::Row& r : eigen) {
    std::vector<rules::BestaandeRegistratie> bestaand;
    std::map<std::string, VirSubject> subjecten{{r.Text(0), SubjectVan(persoon_id, r.Text(2))}};
    for (const store::Row& b : anderen) {
      JH_ASSIGN_OR_RETURN(
          store::Rows al,
          tx.Query("SELECT 1 FROM vir_signalen s JOIN vir_signaal_betrokkenen sb "
                   "ON sb.signaal_id = s.id WHERE (s.melding_id = $1 AND sb.melding_id = $2) "
                   "OR (s.melding_id = $2 AND sb.melding_id = $1) LIMIT 1",
                   {r.Text(0), b.Text(0)}));
      if (!al.empty()) continue;
      bestaand.push_back({b.Text(0), b.Text(1), b.Text(2), verband, true, false});
      subjecten.emplace(b.Text(0), SubjectVan(b.Text(3), b.Text(4)));
    }
    JH_TRY(StoreVirSignalen(
        tx, env, rules::Vir06Vir07Vir12Signalen({r.Text(0), r.Text(1), r.Text(3)}, bestaand),
        subjecten));
  }
  return {};
}

// The active registrations of other youths at the youth's address; none at an address on
// the exclusion list (VIR-07).
Result<store::Rows> OpZijnAdres(store::Tx& tx, const std::string& persoon_id) {
  JH_ASSIGN_OR_RETURN(store::Rows p,
                      tx.Query("SELECT adres_index FROM personen WHERE id = $1", {persoon_id}));
  if (p.empty() || p[0].IsNull(0)) return store::Rows{};
  const store::Blob adres{p[0].Bytes(0)};
  JH_ASSIGN_OR_RETURN(
      store::Rows uitgesloten,
      tx.Query("SELECT 1 FROM vir_uitgesloten_adressen WHERE adres_index = $1", {adres}));
  if (!uitgesloten.empty()) return store::Rows{};
  return tx.Query(
      "SELECT m.id, m.melder_id, m.gemeentecode, m.persoon_id, m.jeugdige_sleutel "
      "FROM vir_meldingen m WHERE m.status = 'actief' AND m.persoon_id IN ("
      "SELECT q.id FROM personen q WHERE q.adres_index = $1 AND q.id <> $2) "
      "ORDER BY m.gemeld_op, m.id",
      {adres, persoon_id});
}

}  // namespace

Result<VirOpschoning> PurgeVerwijsindex(Env& env) {
  VirOpschoning totaal;
  std::string after;
  do {
    JH_ASSIGN_OR_RETURN(after, RemoveBatch(env, after, totaal));
  } while (!after.empty());
  do {
    JH_ASSIGN_OR_RETURN(after, DestroyBatch(env, after, totaal));
  } while (!after.empty());
  JH_TRY(VirSignalenOpruimen(env));
  return totaal;
}

Status VirNaVerhuizing(store::Tx& tx, Env& env, const std::string& persoon_id,
                       const std::string& oude_gemeente, const std::string& nieuwe_gemeente,
                       bool ander_adres) {
  JH_TRY(tx.Exec("UPDATE vir_meldingen SET gemeentecode = $2 WHERE persoon_id = $1",
                 {persoon_id, nieuwe_gemeente}));
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT id, melder_id, jeugdige_sleutel FROM vir_meldingen "
                               "WHERE persoon_id = $1 AND status = 'actief' "
                               "ORDER BY gemeld_op, id",
                               {persoon_id}));
  if (rows.empty()) return {};
  std::vector<rules::ActieveRegistratie> actief;
  std::map<std::string, VirSubject> subjecten;
  for (const store::Row& r : rows) {
    actief.push_back({r.Text(0), r.Text(1)});
    subjecten.emplace(r.Text(0), SubjectVan(persoon_id, r.Text(2)));
  }
  JH_TRY(StoreVirSignalen(tx, env, rules::Vir14Verhuizing(actief, oude_gemeente, nieuwe_gemeente),
                          subjecten));
  if (ander_adres) {
    JH_ASSIGN_OR_RETURN(store::Rows buren, OpZijnAdres(tx, persoon_id));
    JH_TRY(NieuweParen(tx, env, persoon_id, rules::Verband::kAdres, buren));
  }
  return {};
}

Status VirOntkoppelPersoon(store::Tx& tx, Env& env, const std::string& persoon_id,
                           const std::string& reden) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT id FROM vir_meldingen WHERE persoon_id = $1", {persoon_id}));
  if (rows.empty()) return {};
  // Every registration still linked to him is active or in the archive: all go (VIR-12).
  for (const store::Row& r : rows) JH_TRY(VirSignalenNaVerwijdering(tx, env, r.Text(0)));
  const std::string now = env.clock.NowRfc3339();
  JH_TRY(tx.Exec(std::string("UPDATE vir_meldingen SET status = 'verwijderd', reden = $2, "
                             "verwijderd_op = $3, ") +
                     kOntkoppel + " WHERE persoon_id = $1 AND status = 'actief'",
                 {persoon_id, reden, now}));
  JH_TRY(tx.Exec(
      std::string("UPDATE vir_meldingen SET status = 'verwijderd', vernietigd_op = $2, ") +
          kOntkoppel +
          " WHERE persoon_id = $1 AND gearchiveerd_op IS NOT NULL AND vernietigd_op IS NULL",
      {persoon_id, now}));
  Processed(env, audit::kVirOpschoning,
            reden == "avg" ? "registraties verwijderen na AVG-verzoek"
                           : "registraties verwijderen na overlijden",
            "persoon", persoon_id);
  return {};
}

Status VirGezinNaGezag(store::Tx& tx, Env& env, const std::string& kind_id) {
  JH_ASSIGN_OR_RETURN(
      store::Rows gezin,
      tx.Query("SELECT m.id, m.melder_id, m.gemeentecode, m.persoon_id, m.jeugdige_sleutel "
               "FROM vir_meldingen m WHERE m.status = 'actief' AND m.persoon_id IN ("
               "SELECT g2.kind_id FROM gezagsrelaties g1 JOIN gezagsrelaties g2 "
               "ON g2.ouder_id = g1.ouder_id WHERE g1.kind_id = $1 AND g2.kind_id <> $1) "
               "ORDER BY m.gemeld_op, m.id",
               {kind_id}));
  return NieuweParen(tx, env, kind_id, rules::Verband::kGezin, gezin);
}

}  // namespace jh::services
