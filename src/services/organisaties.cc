#include "services/organisaties.h"

#include "crypto/vault.h"
#include "services/write.h"

namespace jh::services {

namespace {
constexpr const char* kOrganisatieColumns =
    "id, naam, soort, gemeentecode, agb_code, aangemaakt_op";

Organisatie OrganisatieFromRow(const store::Row& r) {
  return Organisatie{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.OptText(4), r.Text(5)};
}
}  // namespace

Result<Organisatie> CreateOrganisatie(Env& env, Organisatie o) {
  o.id = crypto::NewUuid();
  o.aangemaakt_op = env.clock.NowRfc3339();
  store::Value agb = o.agb_code ? store::Value(*o.agb_code) : store::Value();
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_TRY(tx.Exec(std::string("INSERT INTO organisaties (") + kOrganisatieColumns +
                       ") VALUES ($1, $2, $3, $4, $5, $6)",
                   {o.id, o.naam, o.soort, o.gemeentecode, agb, o.aangemaakt_op}));
    return {};
  }));
  return o;
}

Result<Organisatie> GetOrganisatie(Env& env, const std::string& id) {
  std::optional<Organisatie> found;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(std::string("SELECT ") + kOrganisatieColumns +
                                                       " FROM organisaties WHERE id = $1",
                                                   {id}));
    if (!rows.empty()) found = OrganisatieFromRow(rows[0]);
    return {};
  }));
  if (!found) return Error::NotFound("De organisatie bestaat niet.");
  return *found;
}

Result<PageOf<Organisatie>> ListOrganisaties(Env& env, const Page& page,
                                             const std::vector<std::string>& soorten) {
  PageOf<Organisatie> out;
  out.page = page;
  // "soort IN ($1, $2, ...)": the kinds travel as parameters, never as SQL text.
  std::string where;
  std::vector<store::Value> args;
  for (const std::string& s : soorten) {
    args.emplace_back(s);
    where += (where.empty() ? " WHERE soort IN ($" : ", $") + std::to_string(args.size());
  }
  if (!where.empty()) where += ")";
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(store::Rows count,
                        tx.Query("SELECT COUNT(*) FROM organisaties" + where, args));
    out.totaal = count.at(0).Int(0);
    std::vector<store::Value> paged = args;
    paged.emplace_back(page.pagina_grootte);
    paged.emplace_back(page.Offset());
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query(std::string("SELECT ") + kOrganisatieColumns + " FROM organisaties" + where +
                     " ORDER BY naam, id LIMIT $" + std::to_string(args.size() + 1) + " OFFSET $" +
                     std::to_string(args.size() + 2),
                 paged));
    for (const auto& r : rows) out.items.push_back(OrganisatieFromRow(r));
    return {};
  }));
  return out;
}

Result<Convenant> CreateConvenant(Env& env, Convenant c) {
  if (c.geldig_tot && *c.geldig_tot < c.geldig_vanaf) {
    return Inconsistent("geldigTot", "periode", "geldigTot ligt voor geldigVanaf.");
  }
  c.id = crypto::NewUuid();
  store::Value tot = c.geldig_tot ? store::Value(c.geldig_tot->ToString()) : store::Value();
  bool exists = false;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT 1 FROM organisaties WHERE id = $1", {c.organisatie_id}));
    exists = !rows.empty();
    if (!exists) return {};
    JH_TRY(
        tx.Exec("INSERT INTO convenanten (id, organisatie_id, gemeentecode, geldig_vanaf, "
                "geldig_tot, aangemaakt_op) VALUES ($1, $2, $3, $4, $5, $6)",
                {c.id, c.organisatie_id, c.gemeentecode, c.geldig_vanaf.ToString(), tot,
                 env.clock.NowRfc3339()}));
    return {};
  }));
  if (!exists) return Error::NotFound("De organisatie bestaat niet.");
  return c;
}

}  // namespace jh::services
