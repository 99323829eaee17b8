#include "services/medewerkers.h"

#include "audit/register.h"
#include "services/catalog.h"
#include "services/keyring.h"
#include "services/token_geldigheid.h"
#include "services/write.h"

namespace jh::services {

Result<Medewerker> CreateMedewerker(Env& env, Medewerker m) {
  m.id = crypto::NewUuid();
  std::optional<Error> refused;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    refused.reset();
    JH_ASSIGN_OR_RETURN(store::Rows org, tx.Query("SELECT soort FROM organisaties WHERE id = $1",
                                                  {m.organisatie_id}));
    if (org.empty()) {
      refused = UnknownReference("organisatieId", "De organisatie");
      return {};
    }
    if (!RolPastBijOrganisatie(m.rol, org[0].Text(0))) {
      refused = Inconsistent("rol", "rol-organisatie",
                             "De rol " + m.rol + " hoort bij een organisatie van soort: " +
                                 OrganisatieSoortenVoorRol(m.rol) + ".");
      return {};
    }
    JH_ASSIGN_OR_RETURN(crypto::DataKey key, CreateDataKey(tx, env.vault, m.id));
    JH_TRY(
        tx.Exec("INSERT INTO medewerkers (id, organisatie_id, rol, meldingsbevoegd, naam_enc, "
                "telefoon_enc, email_enc, aangemaakt_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {m.id, m.organisatie_id, m.rol, int64_t{m.meldingsbevoegd ? 1 : 0},
                 Seal(key, m.id, "naam", m.naam), Seal(key, m.id, "telefoon", m.telefoon),
                 Seal(key, m.id, "email", m.email), env.clock.NowRfc3339()}));
    Processed(env, audit::kMedewerkerBeheer, "medewerker registreren", "medewerker", m.id);
    return {};
  }));
  if (refused) return *refused;
  return m;
}

Result<Medewerker> GetMedewerker(Env& env, const std::string& id) {
  std::optional<Medewerker> found;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT organisatie_id, rol, meldingsbevoegd, naam_enc, "
                                 "telefoon_enc, email_enc FROM medewerkers WHERE id = $1",
                                 {id}));
    if (rows.empty()) return {};
    const store::Row& r = rows[0];
    JH_ASSIGN_OR_RETURN(auto key, LoadDataKey(tx, env.vault, id));
    Medewerker m;
    m.id = id;
    m.organisatie_id = r.Text(0);
    m.rol = r.Text(1);
    m.meldingsbevoegd = r.Int(2) != 0;
    JH_ASSIGN_OR_RETURN(m.naam, Open(key, id, "naam", r.Bytes(3)));
    JH_ASSIGN_OR_RETURN(m.telefoon, Open(key, id, "telefoon", r.Bytes(4)));
    JH_ASSIGN_OR_RETURN(m.email, Open(key, id, "email", r.Bytes(5)));
    found = std::move(m);
    return {};
  }));
  if (!found) return Error::NotFound("De medewerker bestaat niet.");
  Processed(env, audit::kMedewerkerBeheer, "medewerker inzien", "medewerker", id);
  return *found;
}

Result<std::string> IssueMedewerkerToken(Env& env, const std::string& medewerker_id,
                                         const std::optional<Date>& geldig_tot) {
  JH_ASSIGN_OR_RETURN(std::optional<std::string> tot,
                      TokenGeldigTot(geldig_tot, env.clock.Today()));
  std::string token = crypto::RandomToken();
  bool exists = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT 1 FROM medewerkers WHERE id = $1", {medewerker_id}));
    exists = !rows.empty();
    if (!exists) return {};
    JH_TRY(
        tx.Exec("INSERT INTO tokens (hash, soort, medewerker_id, aangemaakt_op, geldig_tot) "
                "VALUES ($1, 'medewerker', $2, $3, $4)",
                {store::Blob{crypto::TokenHash(token)}, medewerker_id, env.clock.NowRfc3339(),
                 tot ? store::Value{*tot} : store::Value{}}));
    Processed(env, audit::kMedewerkerBeheer, "token uitgeven", "medewerker", medewerker_id);
    return {};
  }));
  if (!exists) return Error::NotFound("De medewerker bestaat niet.");
  return token;
}

Result<int64_t> RevokeMedewerkerTokens(Env& env, const std::string& medewerker_id) {
  bool exists = false;
  int64_t revoked = 0;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT 1 FROM medewerkers WHERE id = $1", {medewerker_id}));
    exists = !rows.empty();
    if (!exists) return {};
    JH_ASSIGN_OR_RETURN(revoked, tx.Exec("UPDATE tokens SET ingetrokken_op = $2 "
                                         "WHERE medewerker_id = $1 AND ingetrokken_op IS NULL",
                                         {medewerker_id, env.clock.NowRfc3339()}));
    Processed(env, audit::kMedewerkerBeheer, "tokens intrekken", "medewerker", medewerker_id);
    return {};
  }));
  if (!exists) return Error::NotFound("De medewerker bestaat niet.");
  return revoked;
}

}  // namespace jh::services
