// The iJw JW323 form of a bill: `Accept: application/xml` on GET /declaraties/{id} and on the
// list gives messages that validate against schemas/ijw/jw323.xsd (libxml2,
// xmlSchemaValidateDoc), in UTF-8 without a byte-order mark, with amounts in eurocent — JSON
// stays the default, and an Accept naming neither form is answered 406.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <string>
#include <vector>

#include "support/jw_wereld.h"
#include "support/server_process.h"

namespace jh::testing {
namespace {

// Validates `xml` against the repository's JW323 schema; 0 when valid.
int Valideer(const std::string& xml) {
  using Parser = std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)>;
  using Schema = std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)>;
  using Valid = std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)>;
  using Doc = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;
  Parser parser(xmlSchemaNewParserCtxt(JH_SOURCE_DIR "/schemas/ijw/jw323.xsd"),
                xmlSchemaFreeParserCtxt);
  if (!parser) return -1;
  Schema schema(xmlSchemaParse(parser.get()), xmlSchemaFree);
  if (!schema) return -2;
  Doc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "jw323.xml", nullptr,
                        XML_PARSE_NONET),
          xmlFreeDoc);
  if (!doc) return -3;
  Valid valid(xmlSchemaNewValidCtxt(schema.get()), xmlSchemaFreeValidCtxt);
  return xmlSchemaValidateDoc(valid.get(), doc.get());
}

class Jw323Xml : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start({.today = "2026-07-01"});
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<HttpClient>(server_->port());
    wereld_ = BouwJwWereld(*client_, server_->beheerder_token());
    ASSERT_FALSE(HasFailure());
  }
  HttpResponse Get(const std::string& token, const std::string& accept) {
    return GetPath(token, accept, "/api/v1/declaraties/" + wereld_.declaratie_id);
  }
  HttpResponse GetPath(const std::string& token, const std::string& accept,
                       const std::string& path) {
    HeaderList h{{"Authorization", "Bearer " + token}};
    if (!accept.empty()) h.emplace_back("Accept", accept);
    return client_->Request("GET", path + "?doel=bekostiging", {}, h);
  }
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<HttpClient> client_;
  JwWereld wereld_;
};

TEST_F(Jw323Xml, ValidatesAgainstTheSchemaWithoutBomAndWithCents) {
  HttpResponse r = Get(wereld_.gemeente, "application/xml");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type").rfind("application/xml", 0), 0u) << r.Header("content-type");
  ASSERT_GE(r.body.size(), 3u);
  EXPECT_NE(r.body.substr(0, 3), "\xEF\xBB\xBF") << "UTF-8 zonder BOM";
  EXPECT_EQ(r.body.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u) << r.body;
  EXPECT_EQ(Valideer(r.body), 0) << r.body;
  // Amounts in eurocent: 513.00 euro is 51300, the tariff 85.50 euro is 8550.
  EXPECT_NE(r.body.find("<IngediendBedrag>\n        <Bedrag>51300</Bedrag>"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("<ProductTarief>8550</ProductTarief>"), std::string::npos);
  EXPECT_NE(r.body.find("<BerichtCode>490</BerichtCode>"), std::string::npos);
  EXPECT_NE(r.body.find("<Afzender>12345678</Afzender>"), std::string::npos);
  EXPECT_NE(r.body.find("<Ontvanger>0363</Ontvanger>"), std::string::npos);
  EXPECT_NE(r.body.find(std::string("<Bsn>") + JwWereld::kBsn + "</Bsn>"), std::string::npos);
  EXPECT_EQ(r.body.find("GEHEIM-DOSSIER"), std::string::npos);
  EXPECT_EQ(r.body.find(","), std::string::npos) << "geen bedragen met decimalen";

  // The provider gets the same form of its own bill.
  HttpResponse eigen = Get(wereld_.hulpverlener, "application/xml");
  ASSERT_EQ(eigen.status, 200);
  EXPECT_EQ(Valideer(eigen.body), 0);
}

TEST_F(Jw323Xml, TheSchemaRefusesAFieldOutsideJw06) {
  HttpResponse r = Get(wereld_.gemeente, "application/xml");
  ASSERT_EQ(r.status, 200);
  std::string met_diagnose = r.body;
  const std::string anker = "<Eenheid>04</Eenheid>";
  met_diagnose.replace(met_diagnose.find(anker), anker.size(),
                       anker + "<Diagnose>angst</Diagnose>");
  EXPECT_NE(Valideer(met_diagnose), 0);
  std::string met_decimalen = r.body;
  met_decimalen.replace(met_decimalen.find("8550"), 4, "85.50");
  EXPECT_NE(Valideer(met_decimalen), 0);
}

TEST_F(Jw323Xml, JsonStaysTheDefault) {
  for (const char* accept : {"", "application/json", "*/*", "application/*", "text/html, */*;q=0.1",
                             "application/xml;q=0.5, application/json"}) {
    HttpResponse r = Get(wereld_.gemeente, accept);
    ASSERT_EQ(r.status, 200) << accept;
    EXPECT_EQ(r.Header("content-type").rfind("application/json", 0), 0u) << accept;
    EXPECT_EQ(BodyJson(r).value("ingediendBedrag", 0), 51300) << accept;
  }
  HttpResponse xml = Get(wereld_.gemeente, "application/json;q=0.4, application/xml");
  EXPECT_EQ(xml.Header("content-type").rfind("application/xml", 0), 0u);
}

// The list has the same form: its page as JW323 messages, valid against the same schema.
TEST_F(Jw323Xml, TheListAlsoComesAsJw323) {
  for (const std::string* token : {&wereld_.gemeente, &wereld_.hulpverlener}) {
    HttpResponse r = GetPath(*token, "application/xml", "/api/v1/declaraties");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type").rfind("application/xml", 0), 0u);
    EXPECT_EQ(Valideer(r.body), 0) << r.body;
    EXPECT_NE(r.body.find("<Berichten "), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("totaal=\"1\""), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("<BerichtCode>490</BerichtCode>"), std::string::npos);
    EXPECT_NE(r.body.find("<ReferentieNummer>" + wereld_.declaratie_id), std::string::npos);
    EXPECT_NE(r.body.find("<Bedrag>51300</Bedrag>"), std::string::npos);
    EXPECT_EQ(r.body.find("GEHEIM-DOSSIER"), std::string::npos);
  }
  HttpResponse json = GetPath(wereld_.gemeente, "", "/api/v1/declaraties");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(BodyJson(json).value("totaal", 0), 1);
}

// A client that asks only for a form neither endpoint has gets 406, not JSON it did not ask for.
TEST_F(Jw323Xml, AnAcceptNamingNoFormIs406) {
  const std::vector<std::string> paths = {"/api/v1/declaraties",
                                          "/api/v1/declaraties/" + wereld_.declaratie_id};
  for (const std::string& path : paths) {
    for (const char* accept : {"text/csv", "text/html", "application/json;q=0, text/plain"}) {
      HttpResponse r = GetPath(wereld_.gemeente, accept, path);
      EXPECT_EQ(r.status, 406) << path << " " << accept << " " << r.body;
      EXPECT_EQ(r.Header("content-type").rfind("application/problem+json", 0), 0u);
    }
  }
}

}  // namespace
}  // namespace jh::testing
