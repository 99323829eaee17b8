#include "services/verzoek_uitvoering.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "audit/register.h"
#include "crypto/vault.h"
#include "rules/vt_rechten.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/jw_opschoning.h"
#include "services/keyring.h"
#include "services/vir_opschoning.h"
#include "services/vt_bewaring.h"
#include "services/vt_zaak_opslag.h"
#include "services/write.h"

namespace jh::services {

namespace {

using Json = nlohmann::json;

// The column of a correctable field, and whether it is sealed.
struct Kolom {
  const char* naam;
  bool verzegeld;
};
std::optional<Kolom> KolomVan(const std::string& veld) {
  if (veld == "voornamen") return Kolom{"voornamen_enc", true};
  if (veld == "geslachtsnaam") return Kolom{"geslachtsnaam_enc", true};
  if (veld == "geslacht") return Kolom{"geslacht", false};
  return std::nullopt;
}

Status ControleerCorrecties(const std::vector<Correctie>& cs) {
  if (cs.empty()) {
    return Inconsistent("correcties", "verplicht",
                        "Een toegewezen correctie noemt de velden en hun juiste waarde.");
  }
  for (size_t i = 0; i < cs.size(); ++i) {
    const Correctie& c = cs[i];
    for (size_t j = 0; j < i; ++j) {
      if (cs[j].veld == c.veld) {
        return Inconsistent("correcties", "dubbel", "Elk veld wordt één keer gecorrigeerd.");
      }
    }
    if (c.veld == "geslacht" && c.waarde != "M" && c.waarde != "V" && c.waarde != "O") {
      return Inconsistent("correcties", "geslacht", "Geslacht is M, V of O.");
    }
    if (c.waarde.find_first_not_of(" \t") == std::string::npos) {
      return Inconsistent("correcties", "leeg", "Een gecorrigeerde waarde is niet leeg.");
    }
  }
  return {};
}

Status Corrigeer(store::Tx& tx, Env& env, const UitTeVoeren& u, Uitvoering& out) {
  JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, u.persoon_id));
  if (!key) return Error::Conflict("De gegevens van deze persoon zijn vernietigd.");
  const std::string now = env.clock.NowRfc3339();
  for (const Correctie& c : u.correcties) {
    const Kolom k = *KolomVan(c.veld);
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query(std::string("SELECT ") + k.naam + " FROM personen WHERE id = $1", {u.persoon_id}));
    if (rows.empty()) return Error::NotFound("De persoon bestaat niet.");
    std::string oud;
    if (k.verzegeld) {
      JH_ASSIGN_OR_RETURN(oud, Open(key, u.persoon_id, c.veld, rows[0].Bytes(0)));
    } else {
      oud = rows[0].Text(0);
    }
    const std::string id = crypto::NewUuid();
    JH_TRY(
        tx.Exec("INSERT INTO correcties (id, verzoek_id, persoon_id, veld, oud_enc, nieuw_enc, "
                "gecorrigeerd_op) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {id, u.verzoek_id, u.persoon_id, c.veld,
                 Seal(*key, u.persoon_id, "correctie/" + id + "/oud", oud),
                 Seal(*key, u.persoon_id, "correctie/" + id + "/nieuw", c.waarde), now}));
    store::Value nieuw = k.verzegeld ? store::Value{Seal(*key, u.persoon_id, c.veld, c.waarde)}
                                     : store::Value{c.waarde};
    JH_TRY(tx.Exec(
        std::string("UPDATE personen SET ") + k.naam + " = $2, gewijzigd_op = $3 WHERE id = $1",
        {u.persoon_id, nieuw, now}));
    Processed(env, audit::kAvgVerzoek, "persoon corrigeren (" + c.veld + ")", "persoon",
              u.persoon_id);
    out.gecorrigeerd.push_back(c.veld);
  }
  return {};
}

Status VerwijderVeiligThuis(store::Tx& tx, Env& env, const UitTeVoeren& u, Uitvoering& out) {
  JH_ASSIGN_OR_RETURN(std::vector<VtZaakVan> zaken, VtZakenVan(tx, u.persoon_id));
  const std::string now = env.clock.NowRfc3339();
  for (const VtZaakVan& z : zaken) {
    if (z.lopend) continue;  // started after the check: VT-09 keeps it, as it did there
    if (rules::Vt09ZaakVernietigen(z.anderen).allowed) {
      JH_TRY(VernietigVtZaak(tx, env, z.id, now, "zaak vernietigen op verzoek (VT-09)"));
      ++out.vt_vernietigd;
    } else {
      // Unlinking is no change to the file: its VT-08 term does not restart.
      JH_TRY(tx.Exec("DELETE FROM vt_betrokkenen WHERE zaak_id = $1 AND persoon_id = $2",
                     {z.id, u.persoon_id}));
      Processed(env, audit::kVtBewaring, "koppeling met zaak verwijderen op verzoek (VT-09)",
                "persoon", u.persoon_id);
      ++out.vt_ontkoppeld;
    }
  }
  return {};
}

Result<int64_t> Tel(store::Tx& tx, const char* sql, const std::string& persoon) {
  JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(sql, {persoon}));
  return rows.empty() ? int64_t{0} : rows[0].Int(0);
}

}  // namespace

std::string Uitvoering::ToJson() const {
  return Json{{"gecorrigeerd", gecorrigeerd},
              {"virVerwijderd", vir_verwijderd},
              {"dossiersVernietigd", dossiers_vernietigd},
              {"vtVernietigd", vt_vernietigd},
              {"vtOntkoppeld", vt_ontkoppeld}}
      .dump();
}

Uitvoering Uitvoering::FromJson(const std::string& json) {
  Uitvoering u;
  const Json j = Json::parse(json, nullptr, false);
  if (!j.is_object()) return u;
  u.gecorrigeerd = j.value("gecorrigeerd", std::vector<std::string>{});
  u.vir_verwijderd = j.value("virVerwijderd", int64_t{0});
  u.dossiers_vernietigd = j.value("dossiersVernietigd", int64_t{0});
  u.vt_vernietigd = j.value("vtVernietigd", int64_t{0});
  u.vt_ontkoppeld = j.value("vtOntkoppeld", int64_t{0});
  return u;
}

Status ControleerUitvoering(Env& env, const UitTeVoeren& u, bool toegewezen) {
  if (!u.correcties.empty() && !(toegewezen && u.soort == "correctie")) {
    return Inconsistent("correcties", "niet-toegestaan",
                        "Correcties horen alleen bij het toewijzen van een correctieverzoek.");
  }
  if (!toegewezen) return {};
  if (u.soort == "correctie") return ControleerCorrecties(u.correcties);
  if (u.soort != "verwijdering" || u.context != "veilig-thuis") return {};
  std::vector<VtZaakVan> zaken;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(zaken, VtZakenVan(tx, u.persoon_id));
    return {};
  }));
  const auto lopend =
      std::count_if(zaken.begin(), zaken.end(), [](const VtZaakVan& z) { return z.lopend; });
  JH_TRY(Enforce(env, "besluitVerzoek", "verzoek", u.verzoek_id, rules::Vt09Vernietiging(lopend),
                 Weigering::kOnverwerkbaar));
  for (const VtZaakVan& z : zaken) {  // each case's fate, with its reason, in the ADL
    const rules::Decision d = rules::Vt09ZaakVernietigen(z.anderen);
    Decide(env, audit::Decision{"vernietigVtZaak", "vt-zaak", z.id, d.allowed, std::string(d.rule),
                                std::string(d.ground), d.reason});
  }
  return {};
}

Result<Uitvoering> VoerUit(store::Tx& tx, Env& env, const UitTeVoeren& u) {
  Uitvoering out;
  if (u.soort == "correctie") {
    JH_TRY(Corrigeer(tx, env, u, out));
  } else if (u.soort == "verwijdering" && u.context == "verwijsindex") {
    JH_ASSIGN_OR_RETURN(out.vir_verwijderd,
                        Tel(tx,
                            "SELECT COUNT(*) FROM vir_meldingen WHERE persoon_id = $1 AND "
                            "(status = 'actief' OR (gearchiveerd_op IS NOT NULL AND "
                            "vernietigd_op IS NULL))",
                            u.persoon_id));
    JH_TRY(VirOntkoppelPersoon(tx, env, u.persoon_id, "avg"));
  } else if (u.soort == "verwijdering" && u.context == "jeugdhulp") {
    JH_ASSIGN_OR_RETURN(out.dossiers_vernietigd,
                        Tel(tx,
                            "SELECT COUNT(*) FROM jw_dossiers WHERE persoon_id = $1 AND "
                            "vernietigd_op IS NULL",
                            u.persoon_id));
    JH_TRY(JwOntkoppelPersoon(tx, env, u.persoon_id));
  } else if (u.soort == "verwijdering") {
    JH_TRY(VerwijderVeiligThuis(tx, env, u, out));
  }
  return out;
}

Result<std::vector<CorrectieHistorie>> LeesCorrecties(store::Tx& tx, Env& env,
                                                      const std::string& persoon_id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows,
                      tx.Query("SELECT id, veld, oud_enc, nieuw_enc, gecorrigeerd_op FROM "
                               "correcties WHERE persoon_id = $1 ORDER BY gecorrigeerd_op DESC, id",
                               {persoon_id}));
  std::vector<CorrectieHistorie> out;
  if (rows.empty()) return out;
  JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, persoon_id));
  for (const store::Row& r : rows) {
    const std::string id = r.Text(0);
    CorrectieHistorie h{r.Text(1), "", "", r.Text(4)};
    JH_ASSIGN_OR_RETURN(h.oude_waarde,
                        Open(key, persoon_id, "correctie/" + id + "/oud", r.Bytes(2)));
    JH_ASSIGN_OR_RETURN(h.nieuwe_waarde,
                        Open(key, persoon_id, "correctie/" + id + "/nieuw", r.Bytes(3)));
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace jh::services
