#include "services/vt_onderzoek.h"

#include "audit/register.h"
#include "crypto/vault.h"
#include "services/enforce.h"
#include "services/keyring.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

namespace {
constexpr const char* kOnderzoekResource = "vt-zaak";

// The open informing term of a case, read outside a write (for the rule) or inside one.
Result<std::optional<std::pair<std::string, Date>>> OpenInformeren(store::Tx& tx,
                                                                   const std::string& zaak_id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT id, uiterlijk FROM vt_termijnen WHERE zaak_id = $1 AND "
                               "soort = 'informeren' AND afgehandeld_op IS NULL",
                               {zaak_id}));
  if (rows.empty()) return std::optional<std::pair<std::string, Date>>();
  return std::optional<std::pair<std::string, Date>>(
      std::pair{rows[0].Text(0), Date::Parse(rows[0].Text(1)).value_or(Date{})});
}

Error GeenTermijn() { return Error::Conflict("Er loopt geen termijn om te informeren."); }
}  // namespace

Result<VtOnderzoek> StartVtOnderzoek(Env& env, const std::string& zaak_id,
                                     const Date& besluitdatum) {
  const char* action = "createVtOnderzoek";
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, zaak_id, action, true));
  const Date today = env.clock.Today();
  if (today < besluitdatum) {
    return Inconsistent("besluitdatum", "toekomst", "De besluitdatum ligt in de toekomst.");
  }
  JH_TRY(Enforce(env, action, kOnderzoekResource, zaak_id,
                 rules::Vt02Informatie(t.zaak.soort, true), Weigering::kVerboden));
  // The day the case became a melding (UTC date of the timestamp: at most a day lenient).
  const std::string melding_op = t.zaak.omgezet_op.value_or(t.zaak.aangemaakt_op).substr(0, 10);
  if (auto ontvangen = Date::Parse(melding_op)) {
    JH_TRY(Enforce(env, action, kOnderzoekResource, zaak_id,
                   rules::Vt06Besluit(*ontvangen, besluitdatum), Weigering::kOnverwerkbaar));
  }
  JH_TRY(Enforce(env, action, kOnderzoekResource, zaak_id, rules::Vt06Start(besluitdatum, today),
                 Weigering::kOnverwerkbaar));
  const rules::Vt06Termijnen termijnen = rules::Vt06(besluitdatum);
  VtOnderzoek out{crypto::NewUuid(), besluitdatum, today, termijnen.start_uiterlijk,
                  termijnen.beslissen_uiterlijk};
  bool loopt = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadOpenVtZaak(tx, zaak_id));
    loopt = z.status == "in-onderzoek";
    if (loopt) return {};
    JH_TRY(tx.Exec(
        "INSERT INTO vt_onderzoeken (id, zaak_id, besluitdatum, gestart_op, start_uiterlijk, "
        "beslissen_uiterlijk) VALUES ($1, $2, $3, $4, $5, $6)",
        {out.id, zaak_id, besluitdatum.ToString(), today.ToString(), out.start_uiterlijk.ToString(),
         out.beslissen_uiterlijk.ToString()}));
    JH_TRY(tx.Exec("UPDATE vt_zaken SET status = 'in-onderzoek' WHERE id = $1", {zaak_id}));
    JH_TRY(tx.Exec(
        "INSERT INTO vt_termijnen (id, zaak_id, organisatie_id, soort, uiterlijk) "
        "VALUES ($1, $2, $3, 'beslissen', $4)",
        {crypto::NewUuid(), zaak_id, z.organisatie_id, out.beslissen_uiterlijk.ToString()}));
    JH_TRY(AddVtStap(tx, env, zaak_id, "onderzoek"));
    JH_TRY(TouchVtZaak(tx, env, zaak_id));
    LogVtZaak(env, audit::kVtOnderzoek, "onderzoek starten", z);
    return {};
  }));
  if (loopt) return Error::Conflict("Er loopt al een onderzoek.");
  return out;
}

Result<VtInformatietermijn> VerlengVtInformeren(Env& env, const std::string& zaak_id, int64_t dagen,
                                                const std::string& reden) {
  const char* action = "extendVtInformeren";
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, zaak_id, action, true));
  std::optional<std::pair<std::string, Date>> termijn;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(termijn, OpenInformeren(tx, zaak_id));
    return {};
  }));
  if (!termijn) return GeenTermijn();
  JH_TRY(Enforce(env, action, kOnderzoekResource, zaak_id,
                 rules::Vt05Verlenging(termijn->second, env.clock.Today(), dagen, reden),
                 Weigering::kOnverwerkbaar));
  const Date nieuw = termijn->second.AddDays(dagen);
  bool gewijzigd = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(auto nu, OpenInformeren(tx, zaak_id));
    gewijzigd = !nu || nu->first != termijn->first || nu->second != termijn->second;
    if (gewijzigd) return {};  // another request changed it first: decide again
    JH_ASSIGN_OR_RETURN(store::Blob enc, SealVtVeld(tx, env, zaak_id, "verlenging", reden));
    JH_TRY(tx.Exec(
        "INSERT INTO vt_verlengingen (id, termijn_id, zaak_id, dagen, reden_enc, oud_uiterlijk, "
        "nieuw_uiterlijk, vastgelegd_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        {crypto::NewUuid(), termijn->first, zaak_id, dagen, enc, termijn->second.ToString(),
         nieuw.ToString(), env.clock.NowRfc3339()}));
    JH_TRY(tx.Exec("UPDATE vt_termijnen SET uiterlijk = $2 WHERE id = $1",
                   {termijn->first, nieuw.ToString()}));
    JH_TRY(TouchVtZaak(tx, env, zaak_id));
    LogVtZaak(env, audit::kVtOnderzoek, "informatietermijn verlengen", t.zaak);
    return {};
  }));
  if (gewijzigd) return Error::Conflict("De termijn is intussen gewijzigd; probeer opnieuw.");
  return VtInformatietermijn{zaak_id, nieuw, std::nullopt};
}

Result<VtInformatietermijn> VtBetrokkenenGeinformeerd(Env& env, const std::string& zaak_id) {
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, zaak_id, "createVtInformering", true));
  bool geen = false;
  const std::string now = env.clock.NowRfc3339();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(auto termijn, OpenInformeren(tx, zaak_id));
    geen = !termijn;
    if (geen) return {};
    JH_TRY(tx.Exec("UPDATE vt_termijnen SET afgehandeld_op = $2 WHERE id = $1",
                   {termijn->first, now}));
    JH_TRY(TouchVtZaak(tx, env, zaak_id));
    LogVtZaak(env, audit::kVtOnderzoek, "betrokkenen informeren", t.zaak);
    return {};
  }));
  if (geen) return GeenTermijn();
  return VtInformatietermijn{zaak_id, std::nullopt, now};
}

Result<PageOf<VtTermijn>> ListVtTermijnen(Env& env, const Page& page, bool alleen_verlopen) {
  PageOf<VtTermijn> out;
  out.page = page;
  const Date today = env.clock.Today();
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    const std::string filter =
        " FROM vt_termijnen WHERE organisatie_id = $1 AND afgehandeld_op IS NULL" +
        std::string(alleen_verlopen ? " AND uiterlijk < $2" : "");
    std::vector<store::Value> args{env.actor->organisatie_id};
    if (alleen_verlopen) args.emplace_back(today.ToString());
    JH_ASSIGN_OR_RETURN(store::Rows n, tx.Query("SELECT COUNT(*)" + filter, args));
    out.totaal = n[0].Int(0);
    const size_t k = args.size();
    args.emplace_back(page.pagina_grootte);
    args.emplace_back(page.Offset());
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT zaak_id, soort, uiterlijk" + filter + " ORDER BY uiterlijk, id LIMIT $" +
                     std::to_string(k + 1) + " OFFSET $" + std::to_string(k + 2),
                 args));
    for (const store::Row& r : rows) {
      const Date uiterlijk = Date::Parse(r.Text(2)).value_or(Date{});
      out.items.push_back({r.Text(0), r.Text(1), uiterlijk, uiterlijk < today});
    }
    return {};
  }));
  return out;
}

}  // namespace jh::services
