#include "services/personen.h"

#include <nlohmann/json.hpp>

#include "audit/register.h"
#include "services/keyring.h"
#include "services/personen_opslag.h"
#include "services/token_geldigheid.h"
#include "services/vir_opschoning.h"
#include "services/write.h"

namespace jh::services {

namespace {

Result<Adres> ParseAdres(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Error::Internal("adres onleesbaar");
  return Adres{j.value("postcode", ""), j.value("huisnummer", int64_t{0})};
}

}  // namespace

Result<Persoon> CreatePersoon(Env& env, Persoon p) {
  if (!p.bsn) return Error::Invalid("bsn", "verplicht", "Een BSN is verplicht.");
  if (p.geboortedatum > env.clock.Today()) {
    return Inconsistent("geboortedatum", "toekomst", "De geboortedatum ligt in de toekomst.");
  }
  p.id = crypto::NewUuid();
  const std::string now = env.clock.NowRfc3339();
  Status st = Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(crypto::DataKey key, CreateDataKey(tx, env.vault, p.id));
    JH_TRY(tx.Exec(kInsertPersoonSql, PersoonRow(env.vault, key, p, now)));
    Processed(env, audit::kBrpBeheer, "persoon registreren", "persoon", p.id);
    return {};
  });
  if (!st.ok()) {
    if (st.error().code == ErrorCode::kConflict) {
      return Error::Conflict("Er is al een persoon met dit BSN geregistreerd.");
    }
    return std::move(st).error();
  }
  return p;
}

namespace {
// Reads a person without recording it: callers record what they do with it.
Result<Persoon> LoadPersoon(Env& env, const std::string& id) {
  std::optional<Persoon> found;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    found.reset();
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT voornamen_enc, geslachtsnaam_enc, geboortedatum, geslacht, "
                 "gemeentecode, adres_enc, overlijdensdatum FROM personen "
                 "WHERE id = $1 AND vernietigd_op IS NULL",
                 {id}));
    if (rows.empty()) return {};
    const store::Row& r = rows[0];
    JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx, env.vault, id));
    Persoon p;
    p.id = id;
    JH_ASSIGN_OR_RETURN(p.voornamen, Open(key, id, "voornamen", r.Bytes(0)));
    JH_ASSIGN_OR_RETURN(p.geslachtsnaam, Open(key, id, "geslachtsnaam", r.Bytes(1)));
    p.geboortedatum = Date::Parse(r.Text(2)).value_or(Date{});
    p.geslacht = r.Text(3);
    p.gemeentecode = r.Text(4);
    JH_ASSIGN_OR_RETURN(std::string adres, Open(key, id, "adres", r.Bytes(5)));
    if (!adres.empty()) {
      JH_ASSIGN_OR_RETURN(p.adres, ParseAdres(adres));
    }
    if (auto d = r.OptText(6)) p.overlijdensdatum = Date::Parse(*d);
    found = std::move(p);
    return {};
  }));
  if (!found) return Error::NotFound("De persoon bestaat niet.");
  return *found;
}
}  // namespace

Result<Persoon> GetPersoon(Env& env, const std::string& id) {
  JH_ASSIGN_OR_RETURN(Persoon p, LoadPersoon(env, id));
  Processed(env, audit::kBrpBeheer, "persoon inzien", "persoon", id);
  return p;
}

Result<Persoon> UpdatePersoon(Env& env, const std::string& id, const PersoonWijziging& change) {
  JH_ASSIGN_OR_RETURN(Persoon current, LoadPersoon(env, id));
  if (change.overlijdensdatum) {
    if (*change.overlijdensdatum < current.geboortedatum) {
      return Inconsistent("overlijdensdatum", "voor-geboorte",
                          "De overlijdensdatum ligt voor de geboortedatum.");
    }
    if (*change.overlijdensdatum > env.clock.Today()) {
      return Inconsistent("overlijdensdatum", "toekomst",
                          "De overlijdensdatum ligt in de toekomst.");
    }
  }
  bool missing = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    missing = false;
    JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx, env.vault, id));
    if (!key) {
      missing = true;  // erased in the meantime
      return {};
    }
    const std::string now = env.clock.NowRfc3339();
    if (change.gemeentecode) {
      JH_TRY(tx.Exec("UPDATE personen SET gemeentecode = $2, gewijzigd_op = $3 WHERE id = $1",
                     {id, *change.gemeentecode, now}));
    }
    if (change.adres) {
      JH_TRY(
          tx.Exec("UPDATE personen SET adres_index = $2, adres_enc = $3, gewijzigd_op = $4 "
                  "WHERE id = $1",
                  {id, store::Blob{AdresIndex(env.vault, *change.adres)},
                   Seal(*key, id, "adres", AdresJson(*change.adres)), now}));
    }
    if (change.overlijdensdatum) {
      JH_TRY(tx.Exec("UPDATE personen SET overlijdensdatum = $2, gewijzigd_op = $3 WHERE id = $1",
                     {id, change.overlijdensdatum->ToString(), now}));
    }
    Processed(env, audit::kBrpBeheer, "persoon wijzigen", "persoon", id);
    const bool andere_gemeente =
        change.gemeentecode && *change.gemeentecode != current.gemeentecode;
    const bool ander_adres = change.adres && (change.adres->postcode != current.adres.postcode ||
                                              change.adres->huisnummer != current.adres.huisnummer);
    if (andere_gemeente || ander_adres) {  // a move: VIR-14
      JH_TRY(VirNaVerhuizing(tx, env, id, current.gemeentecode,
                             change.gemeentecode.value_or(current.gemeentecode), ander_adres));
    }
    if (change.overlijdensdatum) JH_TRY(VirOntkoppelPersoon(tx, env, id, "overleden"));  // VIR-11
    return {};
  }));
  if (missing) return Error::NotFound("De persoon bestaat niet.");
  if (change.gemeentecode) current.gemeentecode = *change.gemeentecode;
  if (change.adres) current.adres = *change.adres;
  if (change.overlijdensdatum) current.overlijdensdatum = change.overlijdensdatum;
  return current;
}

Result<std::optional<std::string>> FindPersoonId(Env& env, const Bsn& bsn) {
  std::optional<std::string> id;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT id FROM personen WHERE bsn_index = $1 "
                                                   "AND vernietigd_op IS NULL",
                                                   {store::Blob{env.vault.BsnIndex(bsn)}}));
    id = rows.empty() ? std::nullopt : std::optional<std::string>(rows[0].Text(0));
    return {};
  }));
  return id;
}

Status CreateGezagsrelatie(Env& env, const std::string& kind_id, const std::string& ouder_id) {
  if (kind_id == ouder_id) {
    return Inconsistent("ouderId", "zelfde-persoon", "Een persoon heeft geen gezag over zichzelf.");
  }
  std::optional<Error> refused;
  Status st = Write(env, [&](store::Tx& tx) -> Status {
    refused.reset();
    JH_ASSIGN_OR_RETURN(store::Rows kind, tx.Query("SELECT geboortedatum FROM personen "
                                                   "WHERE id = $1 AND vernietigd_op IS NULL",
                                                   {kind_id}));
    JH_ASSIGN_OR_RETURN(store::Rows ouder, tx.Query("SELECT geboortedatum FROM personen "
                                                    "WHERE id = $1 AND vernietigd_op IS NULL",
                                                    {ouder_id}));
    if (kind.empty()) {
      refused = Error::NotFound("De persoon bestaat niet.");
    } else if (ouder.empty()) {
      refused = UnknownReference("ouderId", "De ouder");
    } else if (ouder[0].Text(0) >= kind[0].Text(0)) {
      refused = Inconsistent("ouderId", "niet-ouder", "De ouder is niet ouder dan het kind.");
    }
    if (refused) return {};
    JH_TRY(
        tx.Exec("INSERT INTO gezagsrelaties (kind_id, ouder_id, aangemaakt_op) "
                "VALUES ($1, $2, $3)",
                {kind_id, ouder_id, env.clock.NowRfc3339()}));
    Processed(env, audit::kBrpBeheer, "gezag vastleggen", "persoon", kind_id);
    Processed(env, audit::kBrpBeheer, "gezag vastleggen", "persoon", ouder_id);
    return VirGezinNaGezag(tx, env, kind_id);  // VIR-07: siblings registered before
  });
  if (!st.ok() && st.error().code == ErrorCode::kConflict) {
    return Error::Conflict("Deze gezagsrelatie bestaat al.");
  }
  JH_TRY(st);
  if (refused) return *refused;
  return {};
}

Result<std::string> IssueBurgerToken(Env& env, const Bsn& bsn,
                                     const std::optional<Date>& geldig_tot) {
  JH_ASSIGN_OR_RETURN(std::optional<std::string> tot,
                      TokenGeldigTot(geldig_tot, env.clock.Today()));
  JH_ASSIGN_OR_RETURN(std::optional<std::string> id, FindPersoonId(env, bsn));
  if (!id) return UnknownReference("bsn", "Een persoon met dit BSN");
  std::string token = crypto::RandomToken();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(
        tx.Exec("INSERT INTO tokens (hash, soort, persoon_id, aangemaakt_op, geldig_tot) "
                "VALUES ($1, 'burger', $2, $3, $4)",
                {store::Blob{crypto::TokenHash(token)}, *id, env.clock.NowRfc3339(),
                 tot ? store::Value{*tot} : store::Value{}}));
    Processed(env, audit::kToegangBurger, "burgertoken uitgeven", "persoon", *id);
    return {};
  }));
  return token;
}

}  // namespace jh::services
