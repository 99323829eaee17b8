#include "services/logboek.h"

#include <map>

#include "audit/register.h"
#include "services/personen.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr const char* kVerwerkingColumns =
    "seq, trace_id, span_id, parent_span_id, name, start_time, end_time, status_code, "
    "resource_name, resource_version, activity_id, subject_id, subject_id_type, controller_id, "
    "actor_kind, actor_rol";

Verwerking FromRow(const store::Row& r) {
  return Verwerking{r.Int(0),   r.Text(1),  r.Text(2),  r.Text(3), r.Text(4),  r.Text(5),
                    r.Text(6),  r.Int(7),   r.Text(8),  r.Text(9), r.Text(10), r.Text(11),
                    r.Text(12), r.Text(13), r.Text(14), r.Text(15)};
}

// What a record means for the person it is about.
std::string InGewoneTaal(const std::string& name) {
  static const std::map<std::string, std::string> kTaal = {
      {"persoon registreren", "Uw gegevens zijn vastgelegd."},
      {"persoon inzien", "Uw gegevens zijn bekeken."},
      {"persoon wijzigen", "Uw gegevens zijn gewijzigd."},
      {"gezag vastleggen", "Er is vastgelegd wie het gezag heeft."},
      {"burgertoken uitgeven", "Er is een inlogcode voor u gemaakt."},
      {"logboek raadplegen", "Iemand heeft in het logboek gezocht naar verwerkingen over u."},
      {"eigen logboek inzien", "U heeft dit overzicht bekeken."},
      {"persoon vernietigen", "Uw gegevens zijn vernietigd."},
      {"melding vastleggen", "Veilig Thuis heeft een melding over u ontvangen."},
      {"adviesvraag vastleggen",
       "Veilig Thuis heeft met uw toestemming een adviesvraag vastgelegd."},
      {"zaak inzien", "Veilig Thuis heeft de zaak over u bekeken."},
      {"onderzoek starten", "Veilig Thuis is een onderzoek gestart."},
      {"zaak vernietigen na twintig jaar", "Het dossier van Veilig Thuis is vernietigd."},
      {"zaak inzien (lijst)", "Veilig Thuis heeft de zaak over u bekeken in het overzicht."},
      {"toestemming vastleggen", "Uw toestemming voor de jeugdhulp is vastgelegd."},
      {"jeugdhulp starten met toestemming", "De jeugdhulp is gestart."},
      {"verzoek inzage ontvangen", "Er is een verzoek om inzage ontvangen."},
      {"verzoek correctie ontvangen", "Er is een verzoek om correctie ontvangen."},
      {"verzoek verwijdering ontvangen", "Er is een verzoek om verwijdering ontvangen."},
      {"verzoek inzien (lijst)", "Uw verzoeken zijn getoond in het overzicht."},
      {"klacht indienen", "U heeft een klacht ingediend."},
      {"klacht escaleren", "U heeft uw klacht doorgezet naar de volgende stap."},
      {"klachten inzien", "U heeft uw klachten bekeken."},
      {"toewijzing inzien (lijst)", "De toewijzing van jeugdhulp is bekeken."},
      {"gebeurtenis aan webhook leveren",
       "Een bericht met uw gegevens is afgeleverd bij het systeem van een organisatie."},
  };
  auto it = kTaal.find(name);
  return it == kTaal.end() ? name : it->second;
}

// The same, read by someone other than the person it is about (a representative's
// inspection): "u" would be the reader, so the person is named as the betrokkene.
std::string InDerdePersoon(const std::string& name) {
  static const std::map<std::string, std::string> kTaal = {
      {"persoon registreren", "De gegevens van de betrokkene zijn vastgelegd."},
      {"persoon inzien", "De gegevens van de betrokkene zijn bekeken."},
      {"persoon wijzigen", "De gegevens van de betrokkene zijn gewijzigd."},
      {"burgertoken uitgeven", "Er is een inlogcode voor de betrokkene gemaakt."},
      {"logboek raadplegen",
       "Iemand heeft in het logboek gezocht naar verwerkingen over de betrokkene."},
      {"eigen logboek inzien", "Het overzicht van verwerkingen is bekeken."},
      {"persoon vernietigen", "De gegevens van de betrokkene zijn vernietigd."},
      {"melding vastleggen", "Veilig Thuis heeft een melding over de betrokkene ontvangen."},
      {"adviesvraag vastleggen", "Veilig Thuis heeft met toestemming een adviesvraag vastgelegd."},
      {"zaak inzien", "Veilig Thuis heeft de zaak over de betrokkene bekeken."},
      {"zaak inzien (lijst)",
       "Veilig Thuis heeft de zaak over de betrokkene bekeken in het overzicht."},
      {"toestemming vastleggen", "De toestemming voor de jeugdhulp is vastgelegd."},
      {"verzoek inzien (lijst)", "Verzoeken zijn getoond in het overzicht."},
      {"klacht indienen", "Er is een klacht ingediend."},
      {"klacht escaleren", "Een klacht is doorgezet naar de volgende stap."},
      {"klachten inzien", "Klachten zijn bekeken."},
      {"gebeurtenis aan webhook leveren",
       "Een bericht met gegevens van de betrokkene is afgeleverd bij het systeem van een "
       "organisatie."},
  };
  auto it = kTaal.find(name);
  return it == kTaal.end() ? InGewoneTaal(name) : it->second;
}

std::string ActiviteitId(const std::string& uri) { return uri.substr(uri.rfind('/') + 1); }

// VT-04: a professional who reported to Veilig Thuis is not shown in any inspection — not by
// name, and not by his organisation or role either, which could identify him just as well.
bool MelderAfgeschermd(const std::string& activiteit_id, const std::string& actor_kind,
                       const std::optional<std::string>& organisatie_soort) {
  return activiteit_id.rfind("vt-", 0) == 0 && actor_kind == "medewerker" &&
         organisatie_soort.value_or("") != "veilig-thuis";
}

}  // namespace

Result<PageOf<Verwerking>> ZoekVerwerkingen(Env& env, const LogboekFilter& f) {
  if (f.van && f.tot && *f.tot < *f.van) {
    return Inconsistent("tot", "periode", "tot ligt voor van.");
  }
  PageOf<Verwerking> out;
  out.page = f.page;
  std::optional<std::string> persoon;
  if (f.betrokkene) {
    JH_ASSIGN_OR_RETURN(persoon, FindPersoonId(env, *f.betrokkene));
    if (!persoon) return out;  // nobody with this BSN: nothing about him
  }
  std::string where = " WHERE 1 = 1";
  std::vector<store::Value> params;
  auto add = [&](const std::string& clause, std::string value) {
    params.emplace_back(std::move(value));
    where += " AND " + clause + " $" + std::to_string(params.size());
  };
  if (persoon) add("subject_id =", audit::Trail::SubjectPseudonym(env.vault, "persoon", *persoon));
  if (f.trace_id) add("trace_id =", *f.trace_id);
  if (f.van) add("start_time >=", f.van->ToString());
  if (f.tot) add("start_time <", f.tot->AddDays(1).ToString());
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(store::Rows count,
                        tx.Query("SELECT COUNT(*) FROM verwerkingen" + where, params));
    out.totaal = count.at(0).Int(0);
    std::vector<store::Value> paged = params;
    paged.emplace_back(f.page.pagina_grootte);
    paged.emplace_back(f.page.Offset());
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query(std::string("SELECT ") + kVerwerkingColumns +
                     ", o.soort FROM verwerkingen LEFT JOIN organisaties o ON "
                     "o.id = controller_id" +
                     where + " ORDER BY seq LIMIT $" + std::to_string(params.size() + 1) +
                     " OFFSET $" + std::to_string(params.size() + 2),
                 paged));
    for (const auto& r : rows) {
      Verwerking v = FromRow(r);
      if (MelderAfgeschermd(ActiviteitId(v.activity_uri), v.actor_kind, r.OptText(16))) {
        v.controller_id = "afgeschermd";
        v.actor_rol = "melder";
      }
      out.items.push_back(std::move(v));
    }
    return {};
  }));
  if (persoon) Processed(env, audit::kVerantwoording, "logboek raadplegen", "persoon", *persoon);
  return out;
}

namespace {

// The records about `persoon_id` as `lezer_id` reads them, newest first; with `inzage`, only
// its context's activities up to its grant.
Result<PageOf<MijnVerwerking>> LeesLogboek(Env& env, const std::string& persoon_id,
                                           const std::string& lezer_id, const LogboekInzage* inzage,
                                           const Page& page) {
  PageOf<MijnVerwerking> out;
  out.page = page;
  std::string where = " WHERE v.subject_id = $1";
  std::vector<store::Value> params{
      audit::Trail::SubjectPseudonym(env.vault, "persoon", persoon_id)};
  if (inzage != nullptr) {
    // An unknown context has no activities: "IN ()" would be invalid SQL, so match none.
    std::string in;
    for (const std::string& id : audit::ActiviteitenVan(inzage->context)) {
      params.emplace_back(audit::ActiviteitUri(id));
      in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
    }
    where += in.empty() ? " AND 1 = 0" : " AND v.activity_id IN (" + in + ")";
    params.emplace_back(inzage->tot);
    where += " AND v.end_time <= $" + std::to_string(params.size());
  }
  const bool zelf = lezer_id == persoon_id;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(store::Rows count,
                        tx.Query("SELECT COUNT(*) FROM verwerkingen v" + where, params));
    out.totaal = count.at(0).Int(0);
    std::vector<store::Value> paged = params;
    paged.emplace_back(page.pagina_grootte);
    paged.emplace_back(page.Offset());
    JH_ASSIGN_OR_RETURN(
        store::Rows rows,
        tx.Query("SELECT v.end_time, v.name, v.activity_id, v.actor_kind, v.actor_rol, o.naam, "
                 "v.actor_id, o.soort "
                 "FROM verwerkingen v LEFT JOIN organisaties o ON o.id = v.controller_id" +
                     where + " ORDER BY v.seq DESC LIMIT $" + std::to_string(params.size() + 1) +
                     " OFFSET $" + std::to_string(params.size() + 2),
                 paged));
    for (const auto& r : rows) {
      MijnVerwerking m;
      m.tijdstip = r.Text(0);
      m.wat = zelf ? InGewoneTaal(r.Text(1)) : InDerdePersoon(r.Text(1));
      m.activiteit = ActiviteitId(r.Text(2));
      const auto* activiteit = audit::FindActiviteit(m.activiteit);
      m.waarom = activiteit != nullptr ? activiteit->naam : m.activiteit;
      const std::string kind = r.Text(3);
      if (kind == "burger") {
        // "uzelf" is the reader; the betrokkene's own acts, read by his representative, are
        // his, not the reader's.
        const std::string actor = r.Text(6);
        m.wie = actor == lezer_id     ? "uzelf"
                : actor == persoon_id ? "de betrokkene"
                                      : "een ouder of wettelijk vertegenwoordiger";
      } else if (MelderAfgeschermd(m.activiteit, kind, r.OptText(7))) {
        m.wie = "Veilig Thuis";
      } else if (kind == "medewerker") {
        m.wie = r.Text(5) + " (" + r.Text(4) + ")";
      } else {
        m.wie = "de beheerder van het systeem";
      }
      out.items.push_back(std::move(m));
    }
    return {};
  }));
  return out;
}

}  // namespace

Result<PageOf<MijnVerwerking>> MijnLogboek(Env& env, const std::string& persoon_id,
                                           const Page& page) {
  JH_ASSIGN_OR_RETURN(auto out, LeesLogboek(env, persoon_id, persoon_id, nullptr, page));
  Processed(env, audit::kVerantwoording, "eigen logboek inzien", "persoon", persoon_id);
  return out;
}

Result<PageOf<MijnVerwerking>> InzageLogboek(Env& env, const std::string& persoon_id,
                                             const LogboekInzage& inzage, const Page& page) {
  return LeesLogboek(env, persoon_id, inzage.lezer_id, &inzage, page);
}

}  // namespace jh::services
