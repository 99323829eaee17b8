#include "services/vt_informatie_gevraagd.h"

#include "audit/register.h"
#include "rules/vt.h"
#include "services/common.h"
#include "services/keyring.h"
#include "services/vt_informatie.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kInformatieverzoekResource = "informatieverzoek";

// The columns of a request as the asked organisation sees it, with its case for the key.
constexpr const char* kInformatieverzoekSelect =
    "SELECT iv.id, o.naam, iv.vraag_enc, iv.verzocht_op, iv.antwoord_enc, iv.beantwoord_op, "
    "iv.zaak_id, iv.organisatie_id FROM vt_informatieverzoeken iv "
    "JOIN vt_zaken z ON z.id = iv.zaak_id JOIN organisaties o ON o.id = z.organisatie_id ";

struct Gelezen {
  GevraagdeInformatie item;
  std::string zaak_id, organisatie_id;
  VtZaakRij zaak;
};

Result<Gelezen> Lees(store::Tx& tx, Env& env, const store::Row& r) {
  Gelezen g{
      {r.Text(0), r.Text(1), "", r.Text(3), std::nullopt, r.OptText(5)}, r.Text(6), r.Text(7), {}};
  JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, g.zaak_id));
  JH_ASSIGN_OR_RETURN(g.item.vraag,
                      Open(key, g.zaak_id, VtVerzoekVeld(g.item.id, "vraag"), r.Bytes(2)));
  if (!r.IsNull(4)) {
    JH_ASSIGN_OR_RETURN(g.item.antwoord,
                        Open(key, g.zaak_id, VtVerzoekVeld(g.item.id, "antwoord"), r.Bytes(4)));
  }
  JH_ASSIGN_OR_RETURN(g.zaak, LoadVtZaak(tx, g.zaak_id));
  return g;
}

void Besluit(Env& env, const std::string& id, bool gevraagd) {
  const rules::Decision d = rules::Vt02Antwoord(gevraagd);
  Decide(env, audit::Decision{"informatieverzoek", kInformatieverzoekResource, id, d.allowed,
                              std::string(d.rule), std::string(d.ground), d.reason});
}

}  // namespace

Result<PageOf<GevraagdeInformatie>> GevraagdeInformatieverzoeken(Env& env,
                                                                 std::optional<bool> beantwoord,
                                                                 const Page& page) {
  const std::string& org = env.actor->organisatie_id;
  // An unanswered request on a case that has ended can no longer be answered: not listed.
  std::string where =
      "WHERE iv.organisatie_id = $1 AND z.vernietigd_op IS NULL AND (iv.beantwoord_op IS NOT "
      "NULL OR z.status IN ('open', 'in-onderzoek'))";
  if (beantwoord) {
    where += *beantwoord ? " AND iv.beantwoord_op IS NOT NULL" : " AND iv.beantwoord_op IS NULL";
  }
  PageOf<GevraagdeInformatie> out;
  out.page = page;
  std::vector<Gelezen> gelezen;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    gelezen.clear();
    JH_ASSIGN_OR_RETURN(
        store::Rows n, tx.Query("SELECT COUNT(*) FROM vt_informatieverzoeken iv JOIN vt_zaken z ON "
                                "z.id = iv.zaak_id " +
                                    where,
                                {org}));
    out.totaal = n.empty() ? 0 : n[0].Int(0);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string(kInformatieverzoekSelect) + where +
                                     " ORDER BY iv.verzocht_op DESC, iv.id LIMIT $2 OFFSET $3",
                                 {org, page.pagina_grootte, page.Offset()}));
    for (const store::Row& r : rows) {
      JH_ASSIGN_OR_RETURN(Gelezen g, Lees(tx, env, r));
      gelezen.push_back(std::move(g));
    }
    return {};
  }));
  for (Gelezen& g : gelezen) {
    Besluit(env, g.item.id, true);
    LogVtZaak(env, audit::kVtInformatie, "informatieverzoek inzien (gevraagde organisatie)",
              g.zaak);
    out.items.push_back(std::move(g.item));
  }
  return out;
}

Result<GevraagdeInformatie> BeantwoordGevraagdeInformatie(Env& env, const std::string& id,
                                                          const std::string& antwoord) {
  if (antwoord.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Inconsistent("antwoord", "leeg", "Een antwoord is niet leeg.");
  }
  std::optional<Gelezen> g;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    g.reset();
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string(kInformatieverzoekSelect) +
                                     "WHERE iv.id = $1 AND z.vernietigd_op IS NULL",
                                 {id}));
    if (rows.empty()) return {};
    JH_ASSIGN_OR_RETURN(Gelezen gelezen, Lees(tx, env, rows[0]));
    g = std::move(gelezen);
    return {};
  }));
  if (!g) return Error::NotFound("Dit informatieverzoek bestaat niet.");
  const bool gevraagd = g->organisatie_id == env.actor->organisatie_id;
  Besluit(env, id, gevraagd);
  // Another organisation may not even learn that the request exists.
  if (!gevraagd) return Error::NotFound("Dit informatieverzoek bestaat niet.");
  JH_ASSIGN_OR_RETURN(VtInformatieverzoek v, LegVtAntwoordVast(env, g->zaak_id, id, antwoord));
  g->item.antwoord = v.antwoord;
  g->item.beantwoord_op = v.beantwoord_op;
  return g->item;
}

}  // namespace jh::services
