// AVG-03 as a page a citizen can print: `Accept: text/html` on GET /verzoeken/{id}/inzage
// gives the same content as HTML, escaped, without the BSN; JSON stays the default.
#include <gtest/gtest.h>

#include "support/server_process.h"

namespace jh::testing {
namespace {

using nlohmann::json;

TEST(InzageHtml, GrantedInspectionPrintsAsHtmlWithoutTheBsn) {
  auto server = ServerProcess::Start();
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  auto call = [&](std::string_view method, std::string_view target, const std::string& token,
                  const json& body, const std::string& accept = "") {
    HeaderList h = {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}};
    if (!accept.empty()) h.emplace_back("Accept", accept);
    return client.Request(method, target, body.is_null() ? "" : body.dump(), h);
  };
  const std::string admin = server->beheerder_token();
  auto r = call("POST", "/api/v1/personen", admin,
                {{"bsn", "999990019"},
                 {"voornamen", "Anna"},
                 {"geslachtsnaam", "O'Brien & Zn"},
                 {"geboortedatum", "2011-02-03"},
                 {"geslacht", "V"},
                 {"gemeentecode", "GM0363"},
                 {"adres", {{"postcode", "1234AB"}, {"huisnummer", 1}}}});
  ASSERT_EQ(r.status, 201) << r.body;
  r = call("POST", "/api/v1/burgers/tokens", admin, {{"bsn", "999990019"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string anna = BodyJson(r).value("token", "");
  r = call("POST", "/api/v1/verzoeken", anna,
           {{"soort", "inzage"}, {"context", "jeugdhulp"}, {"betrokkeneBsn", "999990019"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = BodyJson(r).value("id", "");
  r = call("POST", "/api/v1/verzoeken/" + id + "/besluiten", admin,
           {{"besluit", "toegewezen"}, {"reden", "Inzage verstrekt."}});
  ASSERT_EQ(r.status, 201) << r.body;

  r = call("GET", "/api/v1/verzoeken/" + id + "/inzage", anna, nullptr, "text/html");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type").rfind("text/html", 0), 0U) << r.Header("Content-Type");
  EXPECT_EQ(r.body.rfind("<!DOCTYPE html>", 0), 0U);
  EXPECT_NE(r.body.find("Anna"), std::string::npos);
  EXPECT_NE(r.body.find("O&#39;Brien &amp; Zn"), std::string::npos);
  EXPECT_EQ(r.body.find("999990019"), std::string::npos);
  EXPECT_EQ(r.body.find("<script"), std::string::npos);

  r = call("GET", "/api/v1/verzoeken/" + id + "/inzage", anna, nullptr);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(BodyJson(r)["persoon"]["voornamen"], "Anna");
}

}  // namespace
}  // namespace jh::testing
