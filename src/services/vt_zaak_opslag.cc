#include "services/vt_zaak_opslag.h"

#include "crypto/vault.h"
#include "services/enforce.h"
#include "services/keyring.h"
#include "services/write.h"

namespace jh::services {

namespace {
constexpr const char* kZaakColumns =
    "id, organisatie_id, soort, status, gemeentecode, grond, toestemming, melder_soort, "
    "melder_medewerker_id, toestemming_identiteit, aangemaakt_op, gewijzigd_op, bewaren_tot, "
    "omgezet_op, vraag_enc, omschrijving_enc, melder_enc";

std::optional<std::string> OptBytes(const store::Row& r, size_t i) {
  return r.IsNull(i) ? std::nullopt : std::optional<std::string>(r.Bytes(i));
}
}  // namespace

Result<VtZaakRij> LoadVtZaak(store::Tx& tx, const std::string& id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query(std::string("SELECT ") + kZaakColumns +
                                   " FROM vt_zaken WHERE id = $1 AND vernietigd_op IS NULL",
                               {id}));
  if (rows.empty()) return Error::NotFound("De zaak bestaat niet.");
  const store::Row& r = rows[0];
  VtZaakRij z;
  z.id = r.Text(0);
  z.organisatie_id = r.Text(1);
  z.soort = r.Text(2);
  z.status = r.Text(3);
  z.gemeentecode = r.OptText(4).value_or("");
  z.grond = r.OptText(5);
  z.toestemming = r.Int(6) != 0;
  z.melder_soort = r.OptText(7).value_or("");
  z.melder_medewerker_id = r.OptText(8);
  z.toestemming_identiteit = r.Int(9) != 0;
  z.aangemaakt_op = r.Text(10);
  z.gewijzigd_op = r.Text(11);
  z.bewaren_tot = r.Text(12);
  z.omgezet_op = r.OptText(13);
  z.vraag_enc = OptBytes(r, 14);
  z.omschrijving_enc = OptBytes(r, 15);
  z.melder_enc = OptBytes(r, 16);
  JH_ASSIGN_OR_RETURN(
      store::Rows p,
      tx.Query("SELECT persoon_id FROM vt_betrokkenen WHERE zaak_id = $1 ORDER BY persoon_id",
               {id}));
  for (const store::Row& b : p) z.persoon_ids.push_back(b.Text(0));
  return z;
}

Result<VtToegang> OpenVtZaak(Env& env, const std::string& id, const char* action,
                             bool alleen_volledig) {
  std::optional<VtZaakRij> zaak;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    zaak.reset();
    auto loaded = LoadVtZaak(tx, id);
    if (loaded.ok()) {
      zaak = std::move(loaded).value();
    } else if (loaded.error().code != ErrorCode::kNotFound) {
      return std::move(loaded).error();
    }
    return {};
  }));
  const auth::Actor& a = *env.actor;
  rules::Vt04ZichtFeiten feiten{
      a.HasRole("vt-medewerker"), zaak && zaak->organisatie_id == a.organisatie_id,
      zaak && zaak->melder_medewerker_id && *zaak->melder_medewerker_id == a.id};
  if (alleen_volledig) feiten.eigen_melder = false;  // the steps view does not act
  const rules::Decision d = rules::Vt04ZichtBesluit(feiten);
  if (!Enforce(env, action, "vt-zaak", id, d, Weigering::kVerboden).ok()) {
    return Error::NotFound("De zaak bestaat niet.");  // may not know of it
  }
  return VtToegang{std::move(*zaak), rules::Vt04Zicht(feiten)};
}

Result<VtZaakRij> LoadOpenVtZaak(store::Tx& tx, const std::string& id) {
  JH_ASSIGN_OR_RETURN(VtZaakRij z, LoadVtZaak(tx, id));
  if (z.status != "open" && z.status != "in-onderzoek") {
    return Error::Conflict("De zaak is al overgedragen of afgesloten.");
  }
  return z;
}

void LogVtZaak(Env& env, const char* activity, const std::string& name, const VtZaakRij& zaak) {
  if (zaak.persoon_ids.empty()) {
    Processed(env, activity, name, "vt-zaak", zaak.id);
    return;
  }
  for (const std::string& p : zaak.persoon_ids) Processed(env, activity, name, "persoon", p);
}

std::string VtMelderSleutel(const std::string& zaak_id, const std::string& medewerker_id) {
  return zaak_id + ":" + medewerker_id;
}

Status TouchVtZaak(store::Tx& tx, Env& env, const std::string& zaak_id) {
  JH_TRY(tx.Exec(
      "UPDATE vt_zaken SET gewijzigd_op = $2, bewaren_tot = $3 WHERE id = $1",
      {zaak_id, env.clock.NowRfc3339(), rules::Vt08BewarenTot(env.clock.Today()).ToString()}));
  return {};
}

Status AddVtStap(store::Tx& tx, Env& env, const std::string& zaak_id, const std::string& soort) {
  JH_TRY(tx.Exec(
      "INSERT INTO vt_stappen (id, zaak_id, soort, datum, vastgelegd_op) "
      "VALUES ($1, $2, $3, $4, $5)",
      {crypto::NewUuid(), zaak_id, soort, env.clock.Today().ToString(), env.clock.NowRfc3339()}));
  return {};
}

Result<store::Blob> SealVtVeld(store::Tx& tx, Env& env, const std::string& zaak_id,
                               std::string_view veld, std::string_view text) {
  JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx, env.vault, zaak_id));
  if (!key) return Error::Internal("de sleutel van de zaak ontbreekt");
  return Seal(*key, zaak_id, veld, text);
}

std::string VtVerzoekVeld(const std::string& verzoek_id, std::string_view deel) {
  return "informatieverzoek/" + verzoek_id + "/" + std::string(deel);
}

}  // namespace jh::services
