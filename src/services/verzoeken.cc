#include "services/verzoeken.h"

#include "audit/register.h"
#include "core/log.h"
#include "crypto/vault.h"
#include "rules/avg.h"
#include "rules/vt_rechten.h"
#include "services/enforce.h"
#include "services/keyring.h"
#include "services/verzoek_weergave.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kVerzoekResource = "verzoek";
constexpr const char* kKolommen =
    "id, soort, context, status, medeondertekening, ingediend_op, termijn, verlengd, "
    "besloten_op, betrokkene_id, verzoeker_id, verzoeker_rol, medeondertekend_door, compleet_op, "
    "uitvoering, besluit_reden_enc, verlenging_reden_enc";

struct Rij : VerzoekPartijen {
  Verzoek v;
  std::optional<std::string> compleet_op;
};

Rij UitRij(const store::Row& r) {
  Rij out;
  out.v = Verzoek{r.Text(0), r.Text(1),    r.Text(2),     r.Text(3),   r.Text(4),
                  r.Text(5), r.OptText(6), r.Int(7) != 0, r.OptText(8)};
  out.betrokkene_id = r.Text(9);
  out.verzoeker_id = r.Text(10);
  out.verzoeker_rol = r.Text(11);
  out.medeondertekend_door = r.OptText(12);
  out.compleet_op = r.OptText(13);
  if (auto u = r.OptText(14)) out.v.uitvoering = Uitvoering::FromJson(*u);
  if (!r.IsNull(15)) out.besluit_reden_enc = r.Bytes(15);
  if (!r.IsNull(16)) out.verlenging_reden_enc = r.Bytes(16);
  out.v.wacht_op = WachtOp(out.v.medeondertekening, out.verzoeker_rol);
  return out;
}

Result<std::optional<Rij>> Laad(Env& env, const std::string& id) {
  std::optional<Rij> out;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query(std::string("SELECT ") + kKolommen + " FROM verzoeken WHERE id = $1", {id}));
    out = rows.empty() ? std::nullopt : std::optional<Rij>(UitRij(rows[0]));
    return {};
  }));
  return out;
}

Result<bool> HeeftGezag(Env& env, const std::string& kind, const std::string& ouder) {
  bool gezag = false;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(gezag, services::HeeftGezag(tx, kind, ouder));
    return {};
  }));
  return gezag;
}

rules::VerzoekContext ContextVan(const std::string& c) {
  if (c == "verwijsindex") return rules::VerzoekContext::kVerwijsindex;
  if (c == "veilig-thuis") return rules::VerzoekContext::kVeiligThuis;
  return rules::VerzoekContext::kJeugdhulp;
}

rules::VerzoekSoort SoortVan(const std::string& s) {
  if (s == "inzage") return rules::VerzoekSoort::kInzage;
  if (s == "correctie") return rules::VerzoekSoort::kCorrectie;
  return rules::VerzoekSoort::kVerwijdering;
}

// Free text of a request, sealed under the betrokkene's key (shredded with him, AVG-04).
Result<store::Value> Verzegel(store::Tx& tx, Env& env, const std::string& betrokkene,
                              const std::string& veld, const std::string& tekst) {
  JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, betrokkene));
  if (!key) return store::Value{};
  return store::Value{Seal(*key, betrokkene, veld, tekst)};
}

// Who may know of a request: the requester, the betrokkene, a co-signer, a beheerder.
bool MagKennen(const auth::Actor& a, const Rij& r) {
  if (a.HasRole("beheerder")) return true;
  return a.IsBurger() && (a.id == r.verzoeker_id || a.id == r.betrokkene_id ||
                          (r.medeondertekend_door && a.id == *r.medeondertekend_door));
}

// A refusal at Veilig Thuis: of a destruction, with its concrete reason (VT-09); of an
// inspection, only the representative's of a child under 16, for the child's interest (VT-10).
Status WeigeringVeiligThuis(Env& env, const Rij& r, const std::string& reden) {
  const char* action = "besluitVerzoek";
  if (r.v.soort == "verwijdering") {
    return Enforce(env, action, kVerzoekResource, r.v.id, rules::Vt09Weigering(reden),
                   Weigering::kOnverwerkbaar);
  }
  if (r.v.soort != "inzage") return {};
  Date geboren;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT geboortedatum FROM personen WHERE id = $1", {r.betrokkene_id}));
    if (!rows.empty() && !rows[0].IsNull(0))
      geboren = Date::Parse(rows[0].Text(0)).value_or(Date{});
    return {};
  }));
  return Enforce(env, action, kVerzoekResource, r.v.id,
                 rules::Vt10Weigering(r.verzoeker_rol == "vertegenwoordiger",
                                      AgeInYears(geboren, env.clock.Today()), reden),
                 Weigering::kOnverwerkbaar);
}

}  // namespace

Result<Verzoek> CreateVerzoek(Env& env, const NieuwVerzoek& in) {
  const auth::Actor& a = *env.actor;
  const Date today = env.clock.Today();
  std::optional<std::pair<std::string, Date>> betrokkene;  // id, birth date
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT id, geboortedatum FROM personen WHERE bsn_index = $1 "
                                 "AND vernietigd_op IS NULL",
                                 {store::Blob{env.vault.BsnIndex(in.betrokkene)}}));
    betrokkene = rows.empty()
                     ? std::nullopt
                     : std::optional(std::make_pair(rows[0].Text(0),
                                                    Date::Parse(rows[0].Text(1)).value_or(Date{})));
    return {};
  }));
  // An unknown person is answered like an unrelated one: the answer reveals nobody's BSN.
  rules::Verzoeker wie = rules::Verzoeker::kAnders;
  if (betrokkene && betrokkene->first == a.id) {
    wie = rules::Verzoeker::kBetrokkene;
  } else if (betrokkene) {
    JH_ASSIGN_OR_RETURN(bool gezag, HeeftGezag(env, betrokkene->first, a.id));
    if (gezag) wie = rules::Verzoeker::kVertegenwoordiger;
  }
  const rules::Verzoekbevoegdheid b = rules::Avg02(ContextVan(in.context), SoortVan(in.soort), wie,
                                                   betrokkene ? betrokkene->second : today, today);
  JH_TRY(Enforce(env, "createVerzoek", kVerzoekResource, "", b.decision, Weigering::kVerboden));

  Verzoek v{crypto::NewUuid(),
            in.soort,
            in.context,
            "ontvangen",
            b.medeondertekening ? "nodig" : "niet-nodig",
            env.clock.NowRfc3339(),
            std::nullopt,
            false,
            std::nullopt};
  if (!b.medeondertekening) v.termijn = rules::Avg01Termijn(today).ToString();
  const std::string rol = wie == rules::Verzoeker::kBetrokkene ? "betrokkene" : "vertegenwoordiger";
  v.wacht_op = WachtOp(v.medeondertekening, rol);
  v.is_verzoeker = true;
  v.mag_medeondertekenen = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    store::Value toelichting;
    if (in.toelichting) {
      JH_ASSIGN_OR_RETURN(toelichting,
                          Verzegel(tx, env, betrokkene->first, "verzoek/" + v.id + "/toelichting",
                                   *in.toelichting));
    }
    store::Value compleet = b.medeondertekening ? store::Value{} : store::Value{today.ToString()};
    store::Value termijn = v.termijn ? store::Value{*v.termijn} : store::Value{};
    JH_TRY(
        tx.Exec("INSERT INTO verzoeken (id, soort, context, betrokkene_id, verzoeker_id, "
                "verzoeker_rol, medeondertekening, status, ingediend_op, compleet_op, termijn, "
                "verlengd, toelichting_enc) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12)",
                {v.id, v.soort, v.context, betrokkene->first, a.id, rol, v.medeondertekening,
                 v.status, v.ingediend_op, compleet, termijn, toelichting}));
    Processed(env, audit::kAvgVerzoek, "verzoek " + in.soort + " ontvangen", "persoon",
              betrokkene->first);
    return {};
  }));
  return v;
}

Result<Verzoek> MedeondertekenVerzoek(Env& env, const std::string& id) {
  const auth::Actor& a = *env.actor;
  JH_ASSIGN_OR_RETURN(std::optional<Rij> r, Laad(env, id));
  if (!r) return Error::NotFound("Het verzoek bestaat niet.");
  // The other party: the betrokkene for a representative's request, and the other way round.
  bool andere_partij = false;
  if (r->verzoeker_rol == "vertegenwoordiger") {
    andere_partij = a.id == r->betrokkene_id;
  } else {
    JH_ASSIGN_OR_RETURN(andere_partij, HeeftGezag(env, r->betrokkene_id, a.id));
  }
  if (!andere_partij && a.id != r->verzoeker_id)
    return Error::NotFound("Het verzoek bestaat niet.");
  const rules::Decision d =
      andere_partij
          ? rules::Decision::Allow("VIR-15", "Jw 7.1.5.1", "De andere partij ondertekent mee.")
          : rules::Decision::Refuse("VIR-15", "Jw 7.1.5.1",
                                    "De andere partij (jeugdige of vertegenwoordiger) "
                                    "ondertekent mee, niet de verzoeker zelf.");
  JH_TRY(Enforce(env, "medeondertekenVerzoek", kVerzoekResource, id, d, Weigering::kVerboden));
  if (r->v.medeondertekening != "nodig") {
    return Error::Conflict("Dit verzoek heeft geen medeondertekening (meer) nodig.");
  }
  const Date today = env.clock.Today();
  r->v.medeondertekening = "gegeven";
  r->v.termijn = rules::Avg01Termijn(today).ToString();
  r->v.wacht_op.reset();
  r->v.is_verzoeker = true;  // a joint request is the co-signer's too
  r->v.mag_medeondertekenen = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(
        tx.Exec("UPDATE verzoeken SET medeondertekening = 'gegeven', medeondertekend_door = $2, "
                "compleet_op = $3, termijn = $4 WHERE id = $1 AND medeondertekening = 'nodig'",
                {id, a.id, today.ToString(), *r->v.termijn}));
    Processed(env, audit::kAvgVerzoek, "verzoek medeondertekenen", "persoon", r->betrokkene_id);
    return {};
  }));
  return r->v;
}

Result<Verzoek> GetVerzoek(Env& env, const std::string& id) {
  JH_ASSIGN_OR_RETURN(std::optional<Rij> r, Laad(env, id));
  if (!r) return Error::NotFound("Het verzoek bestaat niet.");
  JH_TRY(env.store.Read([&](store::Tx& tx) { return VulWeergave(tx, env, *r, r->v); }));
  // Whoever may co-sign must be able to learn what he signs (VIR-15).
  if (!MagKennen(*env.actor, *r) && !r->v.mag_medeondertekenen.value_or(false)) {
    return Error::NotFound("Het verzoek bestaat niet.");
  }
  Processed(env, audit::kAvgVerzoek, "verzoek inzien", "persoon", r->betrokkene_id);
  return r->v;
}

Result<Verzoek> VerlengVerzoek(Env& env, const std::string& id, const std::string& reden) {
  JH_ASSIGN_OR_RETURN(std::optional<Rij> r, Laad(env, id));
  if (!r) return Error::NotFound("Het verzoek bestaat niet.");
  if (r->v.status != "ontvangen" || !r->compleet_op) {
    return Error::Conflict("Het verzoek is al beslist of nog niet compleet.");
  }
  const Date ontvangen = Date::Parse(*r->compleet_op).value_or(Date{});
  JH_TRY(Enforce(env, "verlengVerzoek", kVerzoekResource, id,
                 rules::Avg01Verlenging(ontvangen, env.clock.Today(), r->v.verlengd, reden),
                 Weigering::kOnverwerkbaar));
  r->v.termijn = rules::Avg01Verlengd(rules::Avg01Termijn(ontvangen)).ToString();
  r->v.verlengd = true;
  r->v.verlenging_reden = reden;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Value enc, Verzegel(tx, env, r->betrokkene_id,
                                                   "verzoek/" + id + "/verlenging", reden));
    JH_TRY(
        tx.Exec("UPDATE verzoeken SET termijn = $2, verlengd = 1, verlenging_reden_enc = $3 "
                "WHERE id = $1",
                {id, *r->v.termijn, enc}));
    Processed(env, audit::kAvgVerzoek, "verzoek termijn verlengen", "persoon", r->betrokkene_id);
    return {};
  }));
  return r->v;
}

Result<Verzoek> BesluitVerzoek(Env& env, const std::string& id, const BesluitInvoer& in) {
  JH_ASSIGN_OR_RETURN(std::optional<Rij> r, Laad(env, id));
  if (!r) return Error::NotFound("Het verzoek bestaat niet.");
  if (r->v.status != "ontvangen" || !r->compleet_op) {
    return Error::Conflict("Het verzoek is al beslist of nog niet compleet.");
  }
  const bool toegewezen = in.besluit == "toegewezen";
  if (!toegewezen && r->v.context == "veilig-thuis")
    JH_TRY(WeigeringVeiligThuis(env, *r, in.reden));
  const UitTeVoeren u{id, r->v.context, r->v.soort, r->betrokkene_id, in.correcties};
  JH_TRY(ControleerUitvoering(env, u, toegewezen));
  r->v.status = in.besluit;
  r->v.besloten_op = env.clock.NowRfc3339();
  r->v.besluit_reden = in.reden;
  const bool uitvoeren = toegewezen && r->v.soort != "inzage";
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    r->v.uitvoering.reset();
    if (uitvoeren) {
      JH_ASSIGN_OR_RETURN(Uitvoering gedaan, VoerUit(tx, env, u));
      r->v.uitvoering = std::move(gedaan);
    }
    JH_ASSIGN_OR_RETURN(store::Value enc, Verzegel(tx, env, r->betrokkene_id,
                                                   "verzoek/" + id + "/besluit", in.reden));
    store::Value uitvoering =
        r->v.uitvoering ? store::Value{r->v.uitvoering->ToJson()} : store::Value{};
    JH_TRY(
        tx.Exec("UPDATE verzoeken SET status = $2, besluit_reden_enc = $3, besloten_op = $4, "
                "uitvoering = $5 WHERE id = $1 AND status = 'ontvangen'",
                {id, in.besluit, enc, *r->v.besloten_op, uitvoering}));
    Processed(env, audit::kAvgVerzoek, "verzoek beslissen", "persoon", r->betrokkene_id);
    return {};
  }));
  // A destruction pushes the destroyed keys' old page images out of the WAL as well.
  if (uitvoeren && r->v.soort == "verwijdering") {
    if (Status forgot = env.store.ForgetOverwritten(); !forgot.ok()) {
      log::Warn("erasure-wal-not-truncated", {{"reason", forgot.error().message}});
    }
  }
  return r->v;
}

Result<PageOf<Verzoek>> MijnVerzoeken(Env& env, const Page& page) {
  PageOf<Verzoek> out;
  out.page = page;
  std::vector<std::string> betrokkenen;
  // A joint request the youth filed waits for a parent with authority (VIR-15): each of them
  // must see it to co-sign it. One the representative filed is the youth's as betrokkene.
  const std::string filter =
      " FROM verzoeken WHERE verzoeker_id = $1 OR betrokkene_id = $1 OR medeondertekend_door = $1"
      " OR (medeondertekening = 'nodig' AND verzoeker_rol = 'betrokkene' AND betrokkene_id IN"
      " (SELECT kind_id FROM gezagsrelaties WHERE ouder_id = $1))";
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    betrokkenen.clear();
    JH_ASSIGN_OR_RETURN(store::Rows n, tx.Query("SELECT COUNT(*)" + filter, {env.actor->id}));
    out.totaal = n.empty() ? 0 : n[0].Int(0);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string("SELECT ") + kKolommen + filter +
                                     " ORDER BY ingediend_op DESC, id LIMIT $2 OFFSET $3",
                                 {env.actor->id, page.pagina_grootte, page.Offset()}));
    for (const store::Row& r : rows) {
      Rij rij = UitRij(r);
      JH_TRY(VulWeergave(tx, env, rij, rij.v));
      betrokkenen.push_back(rij.betrokkene_id);
      out.items.push_back(std::move(rij.v));
    }
    return {};
  }));
  for (const std::string& b : betrokkenen) {
    Processed(env, audit::kAvgVerzoek, "verzoek inzien (lijst)", "persoon", b);
  }
  return out;
}

Result<PageOf<Verzoek>> OpenVerzoeken(Env& env, const Page& page) {
  PageOf<Verzoek> out;
  out.page = page;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(store::Rows n,
                        tx.Query("SELECT COUNT(*) FROM verzoeken WHERE status = 'ontvangen' "
                                 "AND termijn IS NOT NULL"));
    out.totaal = n.empty() ? 0 : n[0].Int(0);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string("SELECT ") + kKolommen +
                                     " FROM verzoeken WHERE status = 'ontvangen' AND termijn IS "
                                     "NOT NULL ORDER BY termijn, id LIMIT $1 OFFSET $2",
                                 {page.pagina_grootte, page.Offset()}));
    for (const store::Row& r : rows) out.items.push_back(UitRij(r).v);
    return {};
  }));
  return out;
}

}  // namespace jh::services
