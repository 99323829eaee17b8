// JW-05 and JW-06 from the municipality's side: as a gemeentemedewerker, call every GET
// endpoint the server declares (from its own OpenAPI document), with every id of the world
// in every path parameter and a stated purpose wherever one can be given. No response may
// hold a dossier note, and every bill the municipality sees has only the JW-06 fields.
#include <gtest/gtest.h>

#include <set>

#include "rules/jw_declaratie.h"
#include "support/jw_wereld.h"
#include "support/server_process.h"

namespace jh::testing {
namespace {

using nlohmann::json;

// Every path with each {param} replaced by each candidate value.
std::vector<std::string> Invullen(const std::string& path, const std::vector<std::string>& ids) {
  const size_t open = path.find('{');
  if (open == std::string::npos) return {path};
  const size_t close = path.find('}', open);
  std::vector<std::string> out;
  for (const std::string& id : ids) {
    for (const std::string& rest : Invullen(path.substr(close + 1), ids)) {
      out.push_back(path.substr(0, open) + id + rest);
    }
  }
  return out;
}

void ExpectJw06(const json& bill, const std::string& where) {
  ASSERT_TRUE(bill.is_object()) << where;
  for (const auto& [key, value] : bill.items()) {
    EXPECT_TRUE(rules::Jw06Veld(key)) << where << ": veld buiten JW-06: " << key;
  }
  if (bill.contains("productperiode")) {
    std::set<std::string> keys;
    for (const auto& [key, value] : bill["productperiode"].items()) keys.insert(key);
    EXPECT_EQ(keys, (std::set<std::string>{"begin", "eind"})) << where;
  }
}

TEST(JwGemeenteZicht, NoNoteAndNothingOutsideJw06OnAnyMunicipalEndpoint) {
  auto server = ServerProcess::Start({.today = "2026-07-01"});
  ASSERT_NE(server, nullptr);
  HttpClient client(server->port());
  const JwWereld w = BouwJwWereld(client, server->beheerder_token());
  ASSERT_FALSE(::testing::Test::HasFailure());

  const json doc = BodyJson(client.Request("GET", "/api/v1/openapi.json"));
  ASSERT_TRUE(doc.contains("paths"));
  const std::vector<std::string> ids = {w.toewijzing_id, w.dossier_id, w.declaratie_id,
                                        w.persoon_id, "GM0363"};
  int calls = 0, bills = 0;
  for (const auto& [path, item] : doc["paths"].items()) {
    if (!item.contains("get")) continue;
    const bool doel = item["get"].dump().find("\"doel\"") != std::string::npos;
    const std::string base = item.contains("servers") ? "" : "/api/v1";
    for (const std::string& filled : Invullen(base + path, ids)) {
      const std::string target = filled + (doel ? "?doel=controle" : "");
      for (const char* accept : {"application/json", "application/xml"}) {
        HttpResponse r = client.Request(
            "GET", target, {}, {{"Authorization", "Bearer " + w.gemeente}, {"Accept", accept}});
        ++calls;
        EXPECT_EQ(r.body.find("GEHEIM-DOSSIER"), std::string::npos) << target;
        if (r.status != 200 || filled.find("/declaraties") == std::string::npos) continue;
        // The XML form is closed by its XSD (jw323_xml_test.cc); here the JSON members count.
        if (r.Header("content-type").rfind("application/json", 0) != 0) continue;
        const json body = BodyJson(r);
        if (body.contains("resultaten")) {
          for (const json& bill : body["resultaten"]) {
            ExpectJw06(bill, target);
            ++bills;
          }
        } else {
          ExpectJw06(body, target);
          ++bills;
        }
      }
    }
  }
  EXPECT_GT(calls, 20);
  EXPECT_GE(bills, 2) << "de gemeente zag de declaratie niet";

  // The dossier itself: refused by rule, to the municipality as to everybody but the carer.
  HttpResponse d = client.Request("GET", "/api/v1/dossiers/" + w.dossier_id, {},
                                  {{"Authorization", "Bearer " + w.gemeente}});
  EXPECT_EQ(d.status, 403);
  EXPECT_EQ(BodyJson(d).value("regel", ""), "JW-05");
  HttpResponse eigen = client.Request("GET", "/api/v1/dossiers/" + w.dossier_id, {},
                                      {{"Authorization", "Bearer " + w.hulpverlener}});
  EXPECT_NE(eigen.body.find("GEHEIM-DOSSIER"), std::string::npos);
}

}  // namespace
}  // namespace jh::testing
