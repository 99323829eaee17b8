// The care dossier (JW-05): open to the care workers of the provider the care was assigned
// to, and to nobody else — the municipality included gets 403 JW-05. That decision is the
// service's, so every caller reaches it and the refusal names the rule.
#include "http/handlers/common.h"
#include "rules/jw.h"
#include "services/jw_dossiers.h"

namespace jh::api {

namespace {
using namespace schema;

NodePtr AantekeningSchema() {
  return Object({Req("id", Id()), Req("tekst", String("De aantekening.", 20000)),
                 Req("auteurId", Id()), Req("aangemaaktOp", Timestamp("Tijdstip."))});
}

Json ToJson(const services::JwAantekening& n) {
  return Json{{"id", n.id},
              {"tekst", n.tekst},
              {"auteurId", n.auteur_id},
              {"aangemaaktOp", n.aangemaakt_op}};
}

Result<Reply> CreateDossier(Call& c) {
  JH_ASSIGN_OR_RETURN(auto d, services::CreateJwDossier(c.env, c.body["toewijzingId"]));
  return Reply::Created(
      Json{{"id", d.id}, {"toewijzingId", d.toewijzing_id}, {"aangemaaktOp", d.aangemaakt_op}});
}

Result<Reply> CreateAantekening(Call& c) {
  JH_ASSIGN_OR_RETURN(auto n, services::AddJwAantekening(c.env, c.Param("id"), c.body["tekst"]));
  return Reply::Created(ToJson(n));
}

Result<Reply> GetDossier(Call& c) {
  JH_ASSIGN_OR_RETURN(auto d, services::GetJwDossier(c.env, c.Param("id")));
  Json notes = Json::array();
  for (const auto& n : d.aantekeningen) notes.push_back(ToJson(n));
  return Reply::Ok(Json{{"id", d.id},
                        {"toewijzingId", d.toewijzing_id},
                        {"aangemaaktOp", d.aangemaakt_op},
                        {"gewijzigdOp", d.gewijzigd_op},
                        {"aantekeningen", std::move(notes)}});
}

}  // namespace

void RegisterDossiers(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/dossiers",
           .operation_id = "createDossier",
           .tag = "Jeugdhulp",
           .summary = "Dossier aanleggen (jeugdhulpverlener van de toegewezen aanbieder; JW-05)",
           .others_rule = [](std::string_view rol) { return rules::Jw05(rol, "", ""); },
           .body = Object({Req("toewijzingId", Id())}),
           .success = 201,
           .response = Object({Req("id", Id()), Req("toewijzingId", Id()),
                               Req("aangemaaktOp", Timestamp("Tijdstip."))}),
           .errors = {409, 422},
           .handle = CreateDossier});
  api.Add({.method = "POST",
           .path = "/api/v1/dossiers/{id}/aantekeningen",
           .operation_id = "createAantekening",
           .tag = "Jeugdhulp",
           .summary = "Aantekening in het dossier (versleuteld opgeslagen; JW-05)",
           .others_rule = [](std::string_view rol) { return rules::Jw05(rol, "", ""); },
           .body = Object({Req("tekst", String("De aantekening.", 20000))}),
           .success = 201,
           .response = AantekeningSchema(),
           .handle = CreateAantekening});
  api.Add({.method = "GET",
           .path = "/api/v1/dossiers/{id}",
           .operation_id = "getDossier",
           .tag = "Jeugdhulp",
           .summary = "Het dossier (alleen de betrokken jeugdhulpverleners; JW-05)",
           .others_rule = [](std::string_view rol) { return rules::Jw05(rol, "", ""); },
           .response =
               Object({Req("id", Id()), Req("toewijzingId", Id()),
                       Req("aangemaaktOp", Timestamp("Tijdstip.")),
                       Req("gewijzigdOp", Timestamp("Laatste wijziging (JW-09).")),
                       Req("aantekeningen", Array(AantekeningSchema(), "Aantekeningen.", 1000))}),
           .handle = GetDossier});
}

}  // namespace jh::api
