#include "services/vir_adressen.h"

#include "services/write.h"

namespace jh::services {

Result<UitgeslotenAdres> CreateUitgeslotenAdres(Env& env, UitgeslotenAdres a) {
  a.id = crypto::NewUuid();
  a.aangemaakt_op = env.clock.NowRfc3339();
  Status st = Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(
        tx.Exec("INSERT INTO vir_uitgesloten_adressen (id, adres_index, postcode, huisnummer, "
                "omschrijving, aangemaakt_op) VALUES ($1, $2, $3, $4, $5, $6)",
                {a.id, store::Blob{AdresIndex(env.vault, a.adres)}, a.adres.postcode,
                 a.adres.huisnummer, a.omschrijving, a.aangemaakt_op}));
    return {};
  });
  if (!st.ok() && st.error().code == ErrorCode::kConflict) {
    return Error::Conflict("Dit adres staat al op de uitsluitingslijst.");
  }
  JH_TRY(st);
  return a;
}

Result<PageOf<UitgeslotenAdres>> ListUitgeslotenAdressen(Env& env, const Page& page) {
  PageOf<UitgeslotenAdres> out;
  out.page = page;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(store::Rows n,
                        tx.Query("SELECT COUNT(*) FROM vir_uitgesloten_adressen", {}));
    out.totaal = n[0].Int(0);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT id, postcode, huisnummer, omschrijving, aangemaakt_op "
                                 "FROM vir_uitgesloten_adressen ORDER BY postcode, huisnummer "
                                 "LIMIT $1 OFFSET $2",
                                 {page.pagina_grootte, page.Offset()}));
    for (const store::Row& r : rows) {
      out.items.push_back({r.Text(0), Adres{r.Text(1), r.Int(2)}, r.Text(3), r.Text(4)});
    }
    return {};
  }));
  return out;
}

Status DeleteUitgeslotenAdres(Env& env, const std::string& id) {
  bool found = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT 1 FROM vir_uitgesloten_adressen WHERE id = $1", {id}));
    found = !rows.empty();
    if (!found) return {};
    JH_TRY(tx.Exec("DELETE FROM vir_uitgesloten_adressen WHERE id = $1", {id}));
    return {};
  }));
  if (!found) return Error::NotFound("Dit adres staat niet op de uitsluitingslijst.");
  return {};
}

}  // namespace jh::services
