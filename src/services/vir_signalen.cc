#include "services/vir_signalen.h"

#include "audit/register.h"
#include "services/enforce.h"
#include "services/webhook_verwijzingen.h"
#include "services/webhooks.h"
#include "services/write.h"

namespace jh::services {

namespace {

void LogSubject(Env& env, const char* activity, const std::string& name,
                const std::map<std::string, VirSubject>& subjecten, const std::string& melding) {
  auto it = subjecten.find(melding);
  if (it == subjecten.end() || it->second.id.empty()) return;
  Processed(env, activity, name, it->second.type, it->second.id);
}

// The organisations with a webhook that a signal also goes to: the melder's own
// organisation, or the municipality (organisations of soort gemeente) of the regie.
Result<store::Rows> WebhookOrganisaties(store::Tx& tx, const rules::Signaal& s) {
  if (s.AanRegie()) {
    return tx.Query(
        "SELECT w.organisatie_id FROM webhooks w JOIN organisaties o ON o.id = w.organisatie_id "
        "WHERE o.soort = 'gemeente' AND o.gemeentecode = $1",
        {s.ontvanger_gemeente});
  }
  return tx.Query(
      "SELECT w.organisatie_id FROM webhooks w JOIN medewerkers m ON m.organisatie_id = "
      "w.organisatie_id WHERE m.id = $1",
      {s.ontvanger_melder_id});
}

// Queues the signal for the source systems of its addressee (webhooks.h), in `tx`: it leaves
// only if the signal commits. Carries what the API shows of a signal, never a BSN.
Status NaarBronsystemen(store::Tx& tx, Env& env, const std::string& id, const rules::Signaal& s,
                        const std::string& ontstaan_op,
                        const std::map<std::string, VirSubject>& subjecten) {
  JH_ASSIGN_OR_RETURN(store::Rows orgs, WebhookOrganisaties(tx, s));
  if (orgs.empty()) return {};
  BetrokkenenCache contacten(tx, env.vault);
  nlohmann::json betrokkenen = nlohmann::json::array();
  std::vector<WebhookSubject> subjects;
  if (auto it = subjecten.find(s.melding_id);
      it != subjecten.end() && std::string_view(it->second.type) == "persoon") {
    subjects.push_back({"persoon", it->second.id});
  }
  for (const std::string& b : s.betrokkenen) {
    JH_ASSIGN_OR_RETURN(store::Rows m,
                        tx.Query("SELECT melder_id FROM vir_meldingen WHERE id = $1", {b}));
    if (m.empty()) continue;
    JH_ASSIGN_OR_RETURN(Betrokkene c, contacten.Get(m[0].Text(0)));
    nlohmann::json contact = {{"naam", c.naam},
                              {"organisatie", c.organisatie},
                              {"telefoon", c.telefoon},
                              {"email", c.email}};
    if (c.coordinator) {
      contact["coordinator"] = {{"naam", c.coordinator->naam},
                                {"organisatie", c.coordinator->organisatie},
                                {"telefoon", c.coordinator->telefoon},
                                {"email", c.coordinator->email}};
    }
    betrokkenen.push_back(std::move(contact));
    if (subjects.size() < kMaxWebhookSubjects) subjects.push_back({"medewerker", m[0].Text(0)});
  }
  const nlohmann::json event = {{"id", id},
                                {"soort", std::string(rules::SignaalSoortNaam(s.soort))},
                                {"ontstaanOp", ontstaan_op},
                                {"meldingId", s.melding_id},
                                {"verschillendeJeugdigen", s.verschillende_jeugdigen},
                                {"betrokkenen", std::move(betrokkenen)}};
  for (const store::Row& org : orgs) {
    // Withdrawn undelivered when the signal ends with a registration (vir_signaal_verval.h).
    JH_TRY(EnqueueWebhook(tx, env, org.Text(0), "verwijsindex.signaal", event, subjects,
                          {WebhookVerwijzing("vir-signaal", id)}));
  }
  return {};
}

// Whether the caller is his organisation's Verwijsindex coordinator.
Result<bool> IsCoordinator(Env& env) {
  if (env.actor == nullptr || !env.actor->IsMedewerker()) return false;
  bool yes = false;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT 1 FROM organisaties WHERE id = $1 AND "
                                                   "vir_coordinator_id = $2",
                                                   {env.actor->organisatie_id, env.actor->id}));
    yes = !rows.empty();
    return {};
  }));
  return yes;
}

bool IsRegie(const Env& env) { return env.actor != nullptr && env.actor->HasRole("regievoerder"); }

}  // namespace

Status StoreVirSignalen(store::Tx& tx, Env& env, const std::vector<rules::Signaal>& signalen,
                        const std::map<std::string, VirSubject>& subjecten) {
  const std::string now = env.clock.NowRfc3339();
  for (const rules::Signaal& s : signalen) {
    const std::string id = crypto::NewUuid();
    store::Value melder = s.AanRegie() ? store::Value{} : store::Value{s.ontvanger_melder_id};
    store::Value gemeente = s.AanRegie() ? store::Value{s.ontvanger_gemeente} : store::Value{};
    JH_TRY(tx.Exec(
        "INSERT INTO vir_signalen (id, soort, ontstaan_op, melding_id, ontvanger_melder_id, "
        "ontvanger_gemeentecode, verschillende_jeugdigen) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {id, std::string(rules::SignaalSoortNaam(s.soort)), now, s.melding_id, melder, gemeente,
         int64_t{s.verschillende_jeugdigen ? 1 : 0}}));
    const std::string name = "signaal geven (" + std::string(rules::SignaalSoortNaam(s.soort)) +
                             (s.AanRegie() ? ", aan de regievoerder)" : ", aan een melder)");
    LogSubject(env, audit::kVirSignalering, name, subjecten, s.melding_id);
    for (const std::string& b : s.betrokkenen) {
      JH_TRY(tx.Exec("INSERT INTO vir_signaal_betrokkenen (signaal_id, melding_id) VALUES ($1, $2)",
                     {id, b}));
      if (b != s.melding_id) LogSubject(env, audit::kVirSignalering, name, subjecten, b);
    }
    JH_TRY(NaarBronsystemen(tx, env, id, s, now, subjecten));
  }
  return {};
}

Result<PageOf<VirSignaal>> ListVirSignalen(Env& env, const Page& page) {
  const bool regie = IsRegie(env);
  JH_ASSIGN_OR_RETURN(const bool coordinator, IsCoordinator(env));
  // A coordinator manages the signals of his organisation's melders (Jw 7.1.3.3).
  const std::string filter = regie ? "ontvanger_gemeentecode = $1"
                             : coordinator
                                 ? "ontvanger_melder_id IN (SELECT id FROM medewerkers WHERE "
                                   "organisatie_id = $1)"
                                 : "ontvanger_melder_id = $1";
  const std::string wie = regie         ? env.actor->gemeentecode
                          : coordinator ? env.actor->organisatie_id
                                        : env.actor->id;
  PageOf<VirSignaal> out;
  out.page = page;
  std::map<std::string, VirSubject> subjecten;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    subjecten.clear();
    JH_ASSIGN_OR_RETURN(store::Rows n,
                        tx.Query("SELECT COUNT(*) FROM vir_signalen WHERE vervallen_op IS NULL "
                                 "AND " +
                                     filter,
                                 {wie}));
    out.totaal = n[0].Int(0);
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT s.id, s.soort, s.ontstaan_op, s.melding_id, s.verschillende_jeugdigen, "
                 "m.persoon_id, m.jeugdige_sleutel FROM vir_signalen s "
                 "JOIN vir_meldingen m ON m.id = s.melding_id WHERE s.vervallen_op IS NULL AND s." +
                     filter + " ORDER BY s.ontstaan_op DESC, s.soort, s.id LIMIT $2 OFFSET $3",
                 {wie, page.pagina_grootte, page.Offset()}));
    BetrokkenenCache contacten(tx, env.vault);
    for (const store::Row& r : rows) {
      VirSignaal s{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4) != 0, {}, {}};
      JH_ASSIGN_OR_RETURN(store::Rows betrokken,
                          tx.Query("SELECT m.melder_id FROM vir_signaal_betrokkenen b "
                                   "JOIN vir_meldingen m ON m.id = b.melding_id "
                                   "WHERE b.signaal_id = $1 ORDER BY m.gemeld_op, m.id",
                                   {s.id}));
      for (const store::Row& b : betrokken) {
        JH_ASSIGN_OR_RETURN(Betrokkene c, contacten.Get(b.Text(0)));
        s.betrokkenen.push_back(std::move(c));
      }
      if (regie) {
        JH_ASSIGN_OR_RETURN(store::Rows af,
                            tx.Query("SELECT id, contact_gelegd, datum, vastgelegd_op "
                                     "FROM vir_afstemmingen WHERE signaal_id = $1 "
                                     "ORDER BY vastgelegd_op, id",
                                     {s.id}));
        for (const store::Row& a : af) {
          s.afstemmingen.push_back(VirAfstemming{
              a.Text(0), s.id, a.Int(1) != 0, Date::Parse(a.Text(2)).value_or(Date{}), a.Text(3)});
        }
      }
      if (!r.IsNull(6)) {
        subjecten.emplace(s.melding_id, SubjectVan(r.OptText(5).value_or(""), r.Text(6)));
      }
      out.items.push_back(std::move(s));
    }
    return {};
  }));
  for (const VirSignaal& s : out.items) {
    LogSubject(env, regie ? audit::kVirRegie : audit::kVirSignalering, "signaal inzien", subjecten,
               s.melding_id);
  }
  return out;
}

Result<VirAfstemming> CreateVirAfstemming(Env& env, const std::string& signaal_id,
                                          bool contact_gelegd, const Date& datum) {
  std::optional<std::string> gemeente;
  std::string ontstaan_op;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query("SELECT ontvanger_gemeentecode, ontstaan_op FROM vir_signalen "
                                 "WHERE id = $1 AND vervallen_op IS NULL",
                                 {signaal_id}));
    if (rows.empty()) return {};
    gemeente = rows[0].OptText(0).value_or("");
    ontstaan_op = rows[0].Text(1);
    return {};
  }));
  if (!gemeente) return Error::NotFound("Het signaal bestaat niet.");
  JH_TRY(Enforce(env, "createVirAfstemming", "vir-signaal", signaal_id,
                 rules::Vir09(env.actor->rol, env.actor->gemeentecode, *gemeente),
                 Weigering::kVerboden));
  if (datum > env.clock.Today()) {
    return Inconsistent("datum", "toekomst", "De datum van de afstemming ligt in de toekomst.");
  }
  if (datum.ToString() < ontstaan_op.substr(0, 10)) {
    return Inconsistent("datum", "voor-signaal", "De afstemming ligt voor het signaal.");
  }
  VirAfstemming a{crypto::NewUuid(), signaal_id, contact_gelegd, datum, env.clock.NowRfc3339()};
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    // Again in the write: a signal that lapsed since it was read keeps no afstemming (VIR-12).
    JH_ASSIGN_OR_RETURN(
        store::Rows levend,
        tx.Query("SELECT 1 FROM vir_signalen WHERE id = $1 AND vervallen_op IS NULL",
                 {signaal_id}));
    if (levend.empty()) return Error::NotFound("Het signaal bestaat niet.");
    JH_TRY(tx.Exec(
        "INSERT INTO vir_afstemmingen (id, signaal_id, regievoerder_id, contact_gelegd, datum, "
        "vastgelegd_op) VALUES ($1, $2, $3, $4, $5, $6)",
        {a.id, signaal_id, env.actor->id, int64_t{contact_gelegd ? 1 : 0}, datum.ToString(),
         a.vastgelegd_op}));
    JH_ASSIGN_OR_RETURN(store::Rows m,
                        tx.Query("SELECT m.persoon_id, m.jeugdige_sleutel FROM vir_signalen s "
                                 "JOIN vir_meldingen m ON m.id = s.melding_id WHERE s.id = $1",
                                 {signaal_id}));
    if (!m.empty() && !m[0].IsNull(1)) {
      VirSubject subject = SubjectVan(m[0].OptText(0).value_or(""), m[0].Text(1));
      Processed(env, audit::kVirRegie, "afstemming vastleggen", subject.type, subject.id);
    }
    return {};
  }));
  return a;
}

}  // namespace jh::services
