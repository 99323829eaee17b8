#include "services/vt_zaak_weergave.h"

#include <nlohmann/json.hpp>

#include "audit/register.h"
#include "services/keyring.h"
#include "services/vir_betrokkenen.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

namespace {

Date ParseDate(const std::string& text) { return Date::Parse(text).value_or(Date{}); }

Result<std::optional<std::string>> OpenOpt(const std::optional<crypto::DataKey>& key,
                                           const std::string& zaak_id, std::string_view veld,
                                           const std::optional<std::string>& enc) {
  if (!enc) return std::optional<std::string>();
  JH_ASSIGN_OR_RETURN(std::string text, Open(key, zaak_id, veld, *enc));
  return std::optional<std::string>(std::move(text));
}

std::optional<std::string> Member(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// The reporter or asker: a professional who reported himself is read from his own record;
// anyone else from the sealed details given when the case was recorded.
Result<std::optional<VtContact>> LoadMelder(store::Tx& tx, Env& env,
                                            const std::optional<crypto::DataKey>& key,
                                            const VtZaakRij& z) {
  if (z.melder_soort.empty()) return std::optional<VtContact>();
  VtContact c;
  c.soort = z.melder_soort;
  c.toestemming_identiteit = z.toestemming_identiteit;
  if (z.melder_medewerker_id) {
    BetrokkenenCache cache(tx, env.vault);
    JH_ASSIGN_OR_RETURN(Betrokkene b, cache.Get(*z.melder_medewerker_id));
    c.naam = b.naam;
    c.telefoon = b.telefoon;
    c.email = b.email;
    c.organisatie = b.organisatie;
  } else {
    JH_ASSIGN_OR_RETURN(auto text, OpenOpt(key, z.id, "melder", z.melder_enc));
    if (text && !text->empty()) {
      const nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
      if (j.is_object()) {
        c.naam = Member(j, "naam");
        c.telefoon = Member(j, "telefoon");
        c.email = Member(j, "email");
        c.organisatie = Member(j, "organisatie");
      }
    }
  }
  return std::optional<VtContact>(std::move(c));
}

Status LoadOnderdelen(store::Tx& tx, const std::optional<crypto::DataKey>& key, VtZaak& z) {
  JH_ASSIGN_OR_RETURN(store::Rows b,
                      tx.Query("SELECT persoon_id, rol FROM vt_betrokkenen "
                               "WHERE zaak_id = $1 ORDER BY rol, vastgelegd_op, persoon_id",
                               {z.id}));
  for (const store::Row& r : b) z.betrokkenen.push_back({r.Text(0), r.Text(1)});
  JH_ASSIGN_OR_RETURN(
      store::Rows o,
      tx.Query("SELECT id, besluitdatum, gestart_op, start_uiterlijk, beslissen_uiterlijk "
               "FROM vt_onderzoeken WHERE zaak_id = $1 ORDER BY gestart_op, id",
               {z.id}));
  for (const store::Row& r : o) {
    z.onderzoeken.push_back({r.Text(0), ParseDate(r.Text(1)), ParseDate(r.Text(2)),
                             ParseDate(r.Text(3)), ParseDate(r.Text(4))});
  }
  JH_ASSIGN_OR_RETURN(store::Rows iv, tx.Query("SELECT id, organisatie_id, vraag_enc, "
                                               "verzocht_op, antwoord_enc, beantwoord_op FROM "
                                               "vt_informatieverzoeken WHERE zaak_id = $1 "
                                               "ORDER BY verzocht_op, id",
                                               {z.id}));
  for (const store::Row& r : iv) {
    VtInformatieverzoek v{r.Text(0), z.id, r.Text(1), "", r.Text(3), std::nullopt, r.OptText(5)};
    JH_ASSIGN_OR_RETURN(v.vraag, Open(key, z.id, VtVerzoekVeld(v.id, "vraag"), r.Bytes(2)));
    if (!r.IsNull(4)) {
      JH_ASSIGN_OR_RETURN(v.antwoord, Open(key, z.id, VtVerzoekVeld(v.id, "antwoord"), r.Bytes(4)));
    }
    z.informatieverzoeken.push_back(std::move(v));
  }
  JH_ASSIGN_OR_RETURN(store::Rows ov,
                      tx.Query("SELECT id, organisatie_id, organisatie_soort, overgedragen_op, "
                               "gemeentecode_geinformeerd FROM vt_overdrachten WHERE zaak_id = $1 "
                               "ORDER BY overgedragen_op, id",
                               {z.id}));
  for (const store::Row& r : ov) {
    z.overdrachten.push_back({r.Text(0), z.id, r.Text(1), r.Text(2), r.Text(3), r.OptText(4)});
  }
  JH_ASSIGN_OR_RETURN(store::Rows t, tx.Query("SELECT uiterlijk, afgehandeld_op FROM "
                                              "vt_termijnen WHERE zaak_id = $1 AND soort = "
                                              "'informeren'",
                                              {z.id}));
  if (!t.empty()) {
    if (t[0].IsNull(1)) {
      z.informeren_uiterlijk = ParseDate(t[0].Text(0));
    } else {
      z.geinformeerd_op = t[0].Text(1);
    }
  }
  return {};
}

Result<VtZaak> Weergave(store::Tx& tx, Env& env, const VtZaakRij& rij, rules::ZaakZicht zicht) {
  VtZaak z;
  z.id = rij.id;
  z.soort = rij.soort;
  z.status = rij.status;
  JH_ASSIGN_OR_RETURN(store::Rows s, tx.Query("SELECT soort, datum FROM vt_stappen WHERE "
                                              "zaak_id = $1 ORDER BY vastgelegd_op, id",
                                              {rij.id}));
  for (const store::Row& r : s) z.stappen.push_back({r.Text(0), r.Text(1)});
  if (zicht != rules::ZaakZicht::kVolledig) {
    z.alleen_stappen = true;
    return z;
  }
  JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx, env.vault, rij.id));
  z.aangemaakt_op = rij.aangemaakt_op;
  z.gewijzigd_op = rij.gewijzigd_op;
  z.bewaren_tot = rij.bewaren_tot;
  z.omgezet_op = rij.omgezet_op;
  z.grond = rij.grond;
  z.toestemming = rij.toestemming;
  JH_ASSIGN_OR_RETURN(z.vraag, OpenOpt(key, rij.id, "vraag", rij.vraag_enc));
  JH_ASSIGN_OR_RETURN(z.omschrijving, OpenOpt(key, rij.id, "omschrijving", rij.omschrijving_enc));
  JH_ASSIGN_OR_RETURN(z.melder, LoadMelder(tx, env, key, rij));
  JH_TRY(LoadOnderdelen(tx, key, z));
  return z;
}

}  // namespace

Result<VtZaak> VtZaakWeergave(Env& env, const std::string& id, rules::ZaakZicht zicht) {
  std::optional<VtZaak> out;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(VtZaakRij rij, LoadVtZaak(tx, id));
    JH_ASSIGN_OR_RETURN(out, Weergave(tx, env, rij, zicht));
    return {};
  }));
  return std::move(*out);
}

Result<VtZaak> GetVtZaak(Env& env, const std::string& id) {
  JH_ASSIGN_OR_RETURN(VtToegang t, OpenVtZaak(env, id, "getVtZaak", false));
  JH_ASSIGN_OR_RETURN(VtZaak z, VtZaakWeergave(env, id, t.zicht));
  LogVtZaak(env, audit::kVtZaak,
            t.zicht == rules::ZaakZicht::kVolledig ? "zaak inzien"
                                                   : "stappen van eigen melding "
                                                     "inzien",
            t.zaak);
  return z;
}

Result<PageOf<VtZaak>> ListVtZaken(Env& env, const Page& page, const std::string& status) {
  PageOf<VtZaak> out;
  out.page = page;
  std::vector<VtZaakRij> rijen;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    rijen.clear();
    const std::string filter =
        " FROM vt_zaken WHERE organisatie_id = $1 AND vernietigd_op IS NULL" +
        std::string(status.empty() ? "" : " AND status = $2");
    std::vector<store::Value> args{env.actor->organisatie_id};
    if (!status.empty()) args.emplace_back(status);
    JH_ASSIGN_OR_RETURN(store::Rows n, tx.Query("SELECT COUNT(*)" + filter, args));
    out.totaal = n[0].Int(0);
    const size_t k = args.size();
    args.emplace_back(page.pagina_grootte);
    args.emplace_back(page.Offset());
    JH_ASSIGN_OR_RETURN(store::Rows ids,
                        tx.Query("SELECT id" + filter + " ORDER BY aangemaakt_op DESC, id LIMIT $" +
                                     std::to_string(k + 1) + " OFFSET $" + std::to_string(k + 2),
                                 args));
    for (const store::Row& r : ids) {
      JH_ASSIGN_OR_RETURN(VtZaakRij rij, LoadVtZaak(tx, r.Text(0)));
      JH_ASSIGN_OR_RETURN(VtZaak z, Weergave(tx, env, rij, rules::ZaakZicht::kVolledig));
      out.items.push_back(std::move(z));
      rijen.push_back(std::move(rij));
    }
    return {};
  }));
  for (const VtZaakRij& rij : rijen) LogVtZaak(env, audit::kVtZaak, "zaak inzien (lijst)", rij);
  return out;
}

}  // namespace jh::services
