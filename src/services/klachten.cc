#include "services/klachten.h"

#include "audit/register.h"
#include "crypto/vault.h"
#include "rules/jw.h"
#include "rules/vt_klacht.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/keyring.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kKlachtResource = "klacht";

bool PastBijRoute(const std::string& over, const std::string& soort) {
  if (over == "veilig-thuis") return soort == "veilig-thuis";
  return soort == "jeugdhulpaanbieder" || soort == "gecertificeerde-instelling";
}

// The rule of the route: JW-10 or VT-11, asked about the current phase.
rules::Decision Escalatie(const std::string& over, const std::string& fase) {
  if (over == "veilig-thuis") {
    return rules::Vt11Escalatie(fase == "veilig-thuis"
                                    ? rules::VtKlachtFase::kVeiligThuis
                                    : rules::VtKlachtFase::kAutoriteitPersoonsgegevens);
  }
  return rules::Jw10Escalatie(fase == "medewerker" ? rules::KlachtFase::kMedewerker
                                                   : rules::KlachtFase::kAkj);
}

}  // namespace

Result<Klacht> CreateKlacht(Env& env, const std::string& over, const std::string& organisatie_id,
                            const std::string& omschrijving) {
  const auth::Actor& a = *env.actor;
  Klacht k{crypto::NewUuid(),      over,
           organisatie_id,         over == "veilig-thuis" ? "veilig-thuis" : "medewerker",
           env.clock.NowRfc3339(), std::nullopt,
           std::nullopt,           std::nullopt};
  bool past = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows org,
                        tx.Query("SELECT soort FROM organisaties WHERE id = $1", {organisatie_id}));
    past = !org.empty() && PastBijRoute(over, org[0].Text(0));
    if (!past) return {};
    JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, a.id));
    store::Value enc =
        key ? store::Value{Seal(*key, a.id, "klacht/" + k.id, omschrijving)} : store::Value{};
    JH_TRY(
        tx.Exec("INSERT INTO klachten (id, over_context, organisatie_id, indiener_id, "
                "omschrijving_enc, fase, ingediend_op) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {k.id, over, organisatie_id, a.id, enc, k.fase, k.ingediend_op}));
    Processed(env, audit::kKlacht, "klacht indienen", "persoon", a.id);
    return {};
  }));
  if (!past) {
    return UnknownReference("organisatieId", over == "veilig-thuis"
                                                 ? "Een Veilig Thuis-organisatie met dit id"
                                                 : "Een jeugdhulpaanbieder met dit id");
  }
  return k;
}

Result<PageOf<Klacht>> MijnKlachten(Env& env, const Page& page) {
  const auth::Actor& a = *env.actor;
  PageOf<Klacht> out;
  out.page = page;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(store::Rows n,
                        tx.Query("SELECT COUNT(*) FROM klachten WHERE indiener_id = $1", {a.id}));
    out.totaal = n.empty() ? 0 : n[0].Int(0);
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT id, over_context, organisatie_id, fase, ingediend_op, geescaleerd_op "
                 "FROM klachten WHERE indiener_id = $1 ORDER BY ingediend_op DESC, id "
                 "LIMIT $2 OFFSET $3",
                 {a.id, page.pagina_grootte, page.Offset()}));
    for (const auto& r : rows) {
      out.items.push_back(
          Klacht{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.OptText(5)});
    }
    return {};
  }));
  if (!out.items.empty()) Processed(env, audit::kKlacht, "klachten inzien", "persoon", a.id);
  return out;
}

Result<Klacht> EscaleerKlacht(Env& env, const std::string& id) {
  const auth::Actor& a = *env.actor;
  std::optional<Klacht> k;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT over_context, organisatie_id, fase, ingediend_op, "
                                 "geescaleerd_op FROM klachten WHERE id = $1 AND indiener_id = $2",
                                 {id, a.id}));
    if (!rows.empty()) {
      const auto& r = rows[0];
      k = Klacht{id, r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.OptText(4), {}, {}};
    }
    return {};
  }));
  if (!k) return Error::NotFound("De klacht bestaat niet.");
  const rules::Decision d = Escalatie(k->over, k->fase);
  // The route's own decision, in the ADL whether it allows or not.
  Decide(env, audit::Decision{"escaleerKlacht", kKlachtResource, id, d.allowed, std::string(d.rule),
                              std::string(d.ground), d.reason});
  if (!d.allowed) {
    Error e = Error::Conflict(d.reason);
    e.rule = std::string(d.rule);
    e.ground = std::string(d.ground);
    return e;
  }
  const std::string vorige = k->fase;
  k->fase = k->over == "veilig-thuis" ? "autoriteit-persoonsgegevens" : "akj";
  k->geescaleerd_op = env.clock.NowRfc3339();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(tx.Exec("UPDATE klachten SET fase = $2, geescaleerd_op = $3 WHERE id = $1 AND fase = $4",
                   {id, k->fase, *k->geescaleerd_op, vorige}));
    Processed(env, audit::kKlacht, "klacht escaleren", "persoon", a.id);
    return {};
  }));
  return *k;
}

Result<Klacht> AdviseerKlacht(Env& env, const std::string& id, const CommissieAdvies& advies) {
  const auth::Actor& a = *env.actor;
  std::optional<Klacht> k;
  std::string indiener;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT over_context, organisatie_id, fase, ingediend_op, "
                                 "geescaleerd_op, advies_op, antwoord_uiterlijk, indiener_id "
                                 "FROM klachten WHERE id = $1",
                                 {id}));
    if (!rows.empty() && rows[0].Text(0) == "veilig-thuis") {
      const auto& r = rows[0];
      k = Klacht{id,        r.Text(0),    r.Text(1),    r.Text(2),
                 r.Text(3), r.OptText(4), r.OptText(5), r.OptText(6)};
      indiener = r.Text(7);
    }
    return {};
  }));
  if (!k) return Error::NotFound("De klacht bestaat niet.");
  // Who records the opinion: staff of the Veilig Thuis complained about, nobody else.
  const bool eigen = a.HasRole("vt-medewerker") && a.organisatie_id == k->organisatie_id;
  const rules::Decision wie =
      eigen ? rules::Decision::Allow("VT-11", "Wmo 2015 4.2.7",
                                     "Veilig Thuis legt het advies van zijn commissie vast.")
            : rules::Decision::Refuse("VT-11", "Wmo 2015 4.2.7",
                                      "Alleen de Veilig Thuis waarover geklaagd wordt.");
  Decide(env, audit::Decision{"adviseerKlacht", kKlachtResource, id, wie.allowed,
                              std::string(wie.rule), std::string(wie.ground), wie.reason});
  if (!eigen) return Error::NotFound("De klacht bestaat niet.");
  if (advies.datum > env.clock.Today()) {
    return Inconsistent("datum", "toekomst", "Het advies kan niet in de toekomst liggen.");
  }
  JH_TRY(Enforce(env, "adviseerKlacht", kKlachtResource, id,
                 rules::Vt11Commissie(advies.leden, advies.voorzitter_onafhankelijk),
                 Weigering::kOnverwerkbaar));
  if (k->fase != "veilig-thuis" || k->advies_op) {
    return Error::Conflict("De klacht ligt niet (meer) bij Veilig Thuis of heeft al een advies.");
  }
  k->advies_op = advies.datum.ToString();
  k->antwoord_uiterlijk = rules::Vt11AntwoordUiterlijk(advies.datum).ToString();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(
        tx.Exec("UPDATE klachten SET advies_op = $2, commissie_leden = $3, antwoord_uiterlijk = $4 "
                "WHERE id = $1 AND advies_op IS NULL",
                {id, *k->advies_op, advies.leden, *k->antwoord_uiterlijk}));
    Processed(env, audit::kKlacht, "klacht: advies van de commissie vastleggen", "persoon",
              indiener);
    return {};
  }));
  return *k;
}

}  // namespace jh::services
