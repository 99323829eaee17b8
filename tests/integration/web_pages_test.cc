// The web pages: served at `/` by the same binary with the strict Content-Security-Policy
// and the right content types, outside the OpenAPI document; unknown paths stay 404; the
// small endpoints the pages need answer who is signed in and list organisations.
#include <gtest/gtest.h>

#include "core/embedded.h"
#include "support/server_process.h"

namespace jh::testing {
namespace {

using nlohmann::json;

constexpr const char* kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
    "object-src 'none'";

TEST(WebPages, IndexAndScriptsComeWithTheStrictPolicyAndTheirContentType) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());

  HttpResponse r = client.Request("GET", "/");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.Header("Content-Security-Policy"), kCsp);
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.Header("Cache-Control"), "no-store");
  EXPECT_NE(r.body.find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(r.body.find("<script type=\"module\" src=\"/app.js\"></script>"), std::string::npos);
  // No inline script or style anywhere: the policy would block it.
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);
  EXPECT_EQ(r.body.find("<style"), std::string::npos);
  EXPECT_EQ(r.body.find("style=\""), std::string::npos);

  r = client.Request("GET", "/app.js");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.Header("Content-Security-Policy"), kCsp);
  EXPECT_NE(r.body.find("import"), std::string::npos);

  r = client.Request("GET", "/style.css");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("Content-Type"), "text/css; charset=utf-8");

  r = client.Request("HEAD", "/bsn.js");
  EXPECT_EQ(r.status, 200);

  // Every embedded file, served under its own name with the policy; no script builds markup
  // from strings or evaluates code, which the policy would not stop.
  ASSERT_FALSE(embedded::Web().empty());
  for (const embedded::File& f : embedded::Web()) {
    const std::string name(f.name);
    r = client.Request("GET", "/" + name);
    ASSERT_EQ(r.status, 200) << name;
    EXPECT_EQ(r.body, std::string(f.content)) << name;
    EXPECT_EQ(r.Header("Content-Security-Policy"), kCsp) << name;
    EXPECT_NE(r.Header("Content-Type"), "application/octet-stream") << name;
    for (const char* banned : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                               "eval(", "new Function", "style=\"", "<script>"}) {
      EXPECT_EQ(r.body.find(banned), std::string::npos) << name << " contains " << banned;
    }
  }
}

TEST(WebPages, UnknownStaticPathsAndEscapesAre404ProblemsAndTheApiIsUntouched) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  for (const char* path : {"/bestaat-niet.js", "/index.htm", "/../CMakeLists.txt",
                           "/%2e%2e/CMakeLists.txt", "/web/app.js", "/app.js/", "//app.js"}) {
    HttpResponse r = client.Request("GET", path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.Header("Content-Type"), "application/problem+json") << path;
    EXPECT_EQ(r.Header("Content-Security-Policy"), "frame-ancestors 'none'") << path;
  }
  // A file, but not with a method that changes something.
  HttpResponse post =
      client.Request("POST", "/app.js", "{}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(post.status, 404);
  // The pages are no API operations: the document does not list them.
  HttpResponse doc = client.Request("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  const json paths = BodyJson(doc)["paths"];
  EXPECT_FALSE(paths.contains("/"));
  EXPECT_FALSE(paths.contains("/app.js"));
  EXPECT_TRUE(paths.contains("/sessie"));
  EXPECT_EQ(client.Request("GET", "/health").status, 200);
}

TEST(WebPages, SessieNamesTheTokensOwnerAndTheGidsListsOrganisationsByKind) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  const std::string admin = server->beheerder_token();

  HttpResponse r = JsonRequest(client, "GET", "/api/v1/sessie", nullptr, "");
  EXPECT_EQ(r.status, 401);
  r = JsonRequest(client, "GET", "/api/v1/sessie", nullptr, admin);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["soort"], "medewerker");
  EXPECT_EQ(BodyJson(r)["rol"], "beheerder");

  for (const auto& [naam, soort] : std::vector<std::pair<std::string, std::string>>{
           {"Wijkteam Oost", "wijkteam"}, {"Zorg BV", "jeugdhulpaanbieder"}}) {
    r = JsonRequest(client, "POST", "/api/v1/organisaties",
                    {{"naam", naam}, {"soort", soort}, {"gemeentecode", "GM0363"}}, admin);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  r = JsonRequest(client, "GET", "/api/v1/organisatiegids?soort=wijkteam,jeugdteam", nullptr,
                  admin);
  ASSERT_EQ(r.status, 200) << r.body;
  json body = BodyJson(r);
  ASSERT_EQ(body["totaal"], 1);
  EXPECT_EQ(body["resultaten"][0]["naam"], "Wijkteam Oost");
  r = JsonRequest(client, "GET", "/api/v1/organisatiegids?soort=wijkteam,onzin", nullptr, admin);
  EXPECT_EQ(r.status, 400);

  // A citizen's token works on both; his own lists start empty.
  r = JsonRequest(client, "POST", "/api/v1/personen",
                  {{"bsn", "999990019"},
                   {"voornamen", "Anna"},
                   {"geslachtsnaam", "Jansen"},
                   {"geboortedatum", "1990-02-03"},
                   {"geslacht", "V"},
                   {"gemeentecode", "GM0363"},
                   {"adres", {{"postcode", "1234AB"}, {"huisnummer", 1}}}},
                  admin);
  ASSERT_EQ(r.status, 201) << r.body;
  r = JsonRequest(client, "POST", "/api/v1/burgers/tokens", {{"bsn", "999990019"}}, admin);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string anna = BodyJson(r).value("token", "");
  r = JsonRequest(client, "GET", "/api/v1/sessie", nullptr, anna);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r), json({{"soort", "burger"}}));
  EXPECT_EQ(JsonRequest(client, "GET", "/api/v1/organisatiegids", nullptr, anna).status, 200);
  r = JsonRequest(client, "GET", "/api/v1/mijn/verzoeken", nullptr, anna);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["totaal"], 0);
  r = JsonRequest(client, "GET", "/api/v1/mijn/klachten", nullptr, anna);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["totaal"], 0);
  // ... and a medewerker's is refused on a citizen's list.
  EXPECT_EQ(JsonRequest(client, "GET", "/api/v1/mijn/klachten", nullptr, admin).status, 403);
}

}  // namespace
}  // namespace jh::testing
