// Administration: the webhook of an organisation, where its signals are delivered
// (docs/architecture.md, "Webhooks"). The signing secret is returned once, by PUT.
#include "services/webhooks.h"

#include "core/url.h"
#include "http/handlers/common.h"

namespace jh::api {

namespace {
using namespace schema;

NodePtr UrlField() {
  Format f{"uri", "^(https://|http://(127\\.0\\.0\\.1|localhost)([:/?]|$))", "url",
           WebhookUrlProblem};
  auto node = std::make_shared<Node>(*Formatted(
      "Adres dat de gebeurtenissen ontvangt: https://, of http:// naar 127.0.0.1 of localhost.", f,
      "https://bronsysteem.example.nl/jeugdhulp/webhook"));
  node->max_length = kMaxUrlLength;  // longer than the default for formatted strings
  return node;
}

NodePtr GeheimField() {
  return String(
      "Geheim voor de HMAC-SHA256-handtekening (X-Jeugdhulp-Signature); wordt "
      "eenmalig getoond.",
      64);
}

Result<Reply> PutWebhook(Call& c) {
  JH_ASSIGN_OR_RETURN(services::Webhook w,
                      services::SetWebhook(c.env, c.Param("id"), c.body["url"]));
  return Reply::Ok(Json{{"url", w.url}, {"geheim", w.geheim}});
}

Result<Reply> GetWebhook(Call& c) {
  JH_ASSIGN_OR_RETURN(services::Webhook w, services::GetWebhook(c.env, c.Param("id")));
  return Reply::Ok(Json{{"url", w.url}});
}

Result<Reply> DeleteWebhook(Call& c) {
  JH_TRY(services::DeleteWebhook(c.env, c.Param("id")));
  return Reply{204, nullptr, {}, {}, {}};
}
}  // namespace

void RegisterWebhooks(Api& api) {
  const std::string path = "/api/v1/organisaties/{id}/webhook";
  api.Add({.method = "PUT",
           .path = path,
           .operation_id = "setWebhook",
           .tag = "Beheer",
           .summary = "Webhook van de organisatie instellen (nieuw geheim)",
           .roles = {"beheerder"},
           .body = Object({Req("url", UrlField())}),
           .response = Object({Req("url", UrlField()), Req("geheim", GeheimField())}),
           .handle = PutWebhook});
  api.Add({.method = "GET",
           .path = path,
           .operation_id = "getWebhook",
           .tag = "Beheer",
           .summary = "Webhook van de organisatie opvragen (zonder geheim)",
           .roles = {"beheerder"},
           .response = Object({Req("url", UrlField())}),
           .handle = GetWebhook});
  api.Add({.method = "DELETE",
           .path = path,
           .operation_id = "deleteWebhook",
           .tag = "Beheer",
           .summary = "Webhook verwijderen; wachtende leveringen vervallen",
           .roles = {"beheerder"},
           .success = 204,
           .handle = DeleteWebhook});
}

}  // namespace jh::api
