#include "services/jw_dossiers.h"

#include "audit/register.h"
#include "rules/jw.h"
#include "services/common.h"
#include "services/enforce.h"
#include "services/jw_feiten.h"
#include "services/keyring.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kDossierResource = "dossier";

std::string NoteField(const std::string& note_id) { return "aantekening/" + note_id; }

struct DossierFeit {
  std::string aanbieder_id;
  std::string persoon_id;
};

// The dossier's provider, or nullopt when unknown or destroyed.
Result<std::optional<DossierFeit>> LoadDossierFeit(Env& env, const std::string& id) {
  std::optional<DossierFeit> out;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT aanbieder_id, persoon_id FROM jw_dossiers "
                                 "WHERE id = $1 AND vernietigd_op IS NULL",
                                 {id}));
    if (!rows.empty()) out = DossierFeit{rows[0].Text(0), rows[0].OptText(1).value_or("")};
    return {};
  }));
  return out;
}

// 404 for an unknown dossier; otherwise JW-05 decides (403 with the rule when it refuses).
Result<DossierFeit> Toegang(Env& env, const std::string& id, const char* action) {
  JH_ASSIGN_OR_RETURN(std::optional<DossierFeit> d, LoadDossierFeit(env, id));
  if (!d) return Error::NotFound("Het dossier bestaat niet.");
  JH_TRY(Enforce(env, action, kDossierResource, id,
                 rules::Jw05(env.actor->rol, env.actor->organisatie_id, d->aanbieder_id),
                 Weigering::kVerboden));
  return *d;
}

}  // namespace

Result<JwDossier> CreateJwDossier(Env& env, const std::string& toewijzing_id) {
  JH_ASSIGN_OR_RETURN(std::optional<JwToewijzing> t, LoadJwToewijzing(env, toewijzing_id));
  if (!t) return UnknownReference("toewijzingId", "De toewijzing");
  JH_TRY(Enforce(env, "createDossier", kDossierResource, "",
                 rules::Jw05(env.actor->rol, env.actor->organisatie_id, t->aanbieder_id),
                 Weigering::kVerboden));
  JwDossier d{crypto::NewUuid(), toewijzing_id, env.clock.NowRfc3339(), "", {}};
  d.gewijzigd_op = d.aangemaakt_op;
  bool vernietigd = false;
  Status st = Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(vernietigd, JwPersoonVernietigd(tx, t->persoon_id));
    if (vernietigd) return {};
    JH_TRY(
        tx.Exec("INSERT INTO jw_dossiers (id, toewijzing_id, persoon_id, aanbieder_id, "
                "aangemaakt_op, gewijzigd_op, gewijzigd_datum) "
                "VALUES ($1, $2, $3, $4, $5, $5, $6)",
                {d.id, toewijzing_id, t->persoon_id, t->aanbieder_id, d.aangemaakt_op,
                 env.clock.Today().ToString()}));
    JH_TRY(CreateDataKey(tx, env.vault, d.id));
    Processed(env, audit::kJwDossier, "dossier aanleggen", "persoon", t->persoon_id);
    return {};
  });
  if (!st.ok() && st.error().code == ErrorCode::kConflict) {
    return Error::Conflict("Voor deze toewijzing bestaat al een dossier.");
  }
  JH_TRY(st);
  if (vernietigd) return JwPersoonVernietigdFout("toewijzingId");
  return d;
}

Result<JwAantekening> AddJwAantekening(Env& env, const std::string& dossier_id,
                                       const std::string& tekst) {
  JH_ASSIGN_OR_RETURN(DossierFeit feit, Toegang(env, dossier_id, "createAantekening"));
  JwAantekening n{crypto::NewUuid(), tekst, env.actor->id, env.clock.NowRfc3339()};
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, dossier_id));
    if (!key) return Error::NotFound("Het dossier bestaat niet.");
    JH_TRY(
        tx.Exec("INSERT INTO jw_aantekeningen (id, dossier_id, tekst_enc, auteur_id, "
                "aangemaakt_op) VALUES ($1, $2, $3, $4, $5)",
                {n.id, dossier_id, Seal(*key, dossier_id, NoteField(n.id), tekst), n.auteur_id,
                 n.aangemaakt_op}));
    // JW-09 counts its twenty years from the last change.
    JH_TRY(tx.Exec("UPDATE jw_dossiers SET gewijzigd_op = $2, gewijzigd_datum = $3 WHERE id = $1",
                   {dossier_id, n.aangemaakt_op, env.clock.Today().ToString()}));
    Processed(env, audit::kJwDossier, "aantekening in dossier", "persoon", feit.persoon_id);
    return {};
  }));
  return n;
}

Result<JwDossier> GetJwDossier(Env& env, const std::string& dossier_id) {
  JH_ASSIGN_OR_RETURN(DossierFeit feit, Toegang(env, dossier_id, "getDossier"));
  JwDossier d;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    d.aantekeningen.clear();
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT id, toewijzing_id, aangemaakt_op, gewijzigd_op "
                                 "FROM jw_dossiers WHERE id = $1",
                                 {dossier_id}));
    if (rows.empty()) return Error::NotFound("Het dossier bestaat niet.");
    d.id = rows[0].Text(0);
    d.toewijzing_id = rows[0].Text(1);
    d.aangemaakt_op = rows[0].Text(2);
    d.gewijzigd_op = rows[0].Text(3);
    JH_ASSIGN_OR_RETURN(std::optional<crypto::DataKey> key, LoadDataKey(tx, env.vault, dossier_id));
    // A dossier keeps its notes in order; they are few (one care trajectory).
    JH_ASSIGN_OR_RETURN(store::Rows notes,
                        tx.Query("SELECT id, tekst_enc, auteur_id, aangemaakt_op FROM "
                                 "jw_aantekeningen WHERE dossier_id = $1 "
                                 "ORDER BY aangemaakt_op, id LIMIT 1000",
                                 {dossier_id}));
    for (const store::Row& r : notes) {
      JwAantekening n{r.Text(0), "", r.Text(2), r.Text(3)};
      if (!r.IsNull(1)) {
        JH_ASSIGN_OR_RETURN(n.tekst, Open(key, dossier_id, NoteField(n.id), r.Bytes(1)));
      }
      d.aantekeningen.push_back(std::move(n));
    }
    return {};
  }));
  Processed(env, audit::kJwDossier, "dossier inzien", "persoon", feit.persoon_id);
  return d;
}

}  // namespace jh::services
