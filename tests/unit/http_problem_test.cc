#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/problem.h"

namespace jh::http {
namespace {

using nlohmann::json;

constexpr char kBase[] = "https://jeugdhulp.example/problemen/";

json Body(const Response& r) { return json::parse(r.body); }

Error Plain(ErrorCode code) {
  Error e;
  e.code = code;
  e.message = "uitleg";
  return e;
}

TEST(StatusForTest, MapsEveryErrorCode) {
  EXPECT_EQ(StatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(StatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(StatusFor(ErrorCode::kForbidden), 403);
  EXPECT_EQ(StatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(StatusFor(ErrorCode::kMethodNotAllowed), 405);
  EXPECT_EQ(StatusFor(ErrorCode::kNotAcceptable), 406);
  EXPECT_EQ(StatusFor(ErrorCode::kConflict), 409);
  EXPECT_EQ(StatusFor(ErrorCode::kPayloadTooLarge), 413);
  EXPECT_EQ(StatusFor(ErrorCode::kUnsupportedMediaType), 415);
  EXPECT_EQ(StatusFor(ErrorCode::kUnprocessable), 422);
  EXPECT_EQ(StatusFor(ErrorCode::kHeaderTooLarge), 431);
  EXPECT_EQ(StatusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(StatusFor(ErrorCode::kInternal), 500);
}

TEST(StatusForTest, OutOfRangeCodeIsInternal) {
  EXPECT_EQ(StatusFor(static_cast<ErrorCode>(999)), 500);
}

struct TypeCase {
  ErrorCode code;
  const char* slug;
};

class ProblemTypeTest : public ::testing::TestWithParam<TypeCase> {};

TEST_P(ProblemTypeTest, EveryCodeHasATypeTitleAndStatus) {
  Response r = ProblemResponse(Plain(GetParam().code), "/api/v1/x");
  EXPECT_EQ(r.status, StatusFor(GetParam().code));
  EXPECT_EQ(r.content_type, "application/problem+json");
  json body = Body(r);
  EXPECT_EQ(body["type"], std::string(kBase) + GetParam().slug);
  EXPECT_TRUE(body["title"].is_string());
  EXPECT_FALSE(body["title"].get<std::string>().empty());
  EXPECT_EQ(body["status"], r.status);
  EXPECT_EQ(body["detail"], "uitleg");
  EXPECT_EQ(body["instance"], "/api/v1/x");
  EXPECT_FALSE(body.contains("regel"));
  EXPECT_FALSE(body.contains("grondslag"));
  EXPECT_FALSE(body.contains("invalidParams"));
}

INSTANTIATE_TEST_SUITE_P(
    AllCodes, ProblemTypeTest,
    ::testing::Values(TypeCase{ErrorCode::kInvalidArgument, "ongeldige-invoer"},
                      TypeCase{ErrorCode::kUnauthenticated, "niet-geauthenticeerd"},
                      TypeCase{ErrorCode::kForbidden, "geen-toegang"},
                      TypeCase{ErrorCode::kNotFound, "niet-gevonden"},
                      TypeCase{ErrorCode::kMethodNotAllowed, "methode-niet-toegestaan"},
                      TypeCase{ErrorCode::kNotAcceptable, "niet-aanvaardbaar"},
                      TypeCase{ErrorCode::kConflict, "conflict"},
                      TypeCase{ErrorCode::kPayloadTooLarge, "te-groot"},
                      TypeCase{ErrorCode::kUnsupportedMediaType, "mediatype"},
                      TypeCase{ErrorCode::kUnprocessable, "onverwerkbaar"},
                      TypeCase{ErrorCode::kHeaderTooLarge, "header-te-groot"},
                      TypeCase{ErrorCode::kUnavailable, "niet-beschikbaar"},
                      TypeCase{ErrorCode::kInternal, "interne-fout"}));

TEST(ProblemResponseTest, ForbiddenByARuleNamesRuleAndGround) {
  Response r = ProblemResponse(Error::Forbidden("VIR-02", "Jeugdwet 7.1.1.2", "Geen convenant."),
                               "/api/v1/verwijsindex/meldingen");
  EXPECT_EQ(r.status, 403);
  json body = Body(r);
  EXPECT_EQ(body["type"], std::string(kBase) + "regel-geweigerd");
  EXPECT_EQ(body["regel"], "VIR-02");
  EXPECT_EQ(body["grondslag"], "Jeugdwet 7.1.1.2");
  EXPECT_EQ(body["detail"], "Geen convenant.");
  EXPECT_EQ(body["instance"], "/api/v1/verwijsindex/meldingen");
}

// BSN-02: a BSN typed into the URL is not repeated in the answer; ids and names are.
TEST(ProblemResponseTest, InstanceWithholdsLongDigitRunsButKeepsIds) {
  auto instance = [](std::string_view path) {
    return Body(ProblemResponse(Error::NotFound("Weg."), path))["instance"].get<std::string>();
  };
  EXPECT_EQ(instance("/api/v1/personen/999990019"), "/api/v1/personen/{waarde}");
  EXPECT_EQ(instance("/api/v1/personen/X999990019/gezagsrelaties"),
            "/api/v1/personen/{waarde}/gezagsrelaties");
  EXPECT_EQ(instance("/api/v1/personen/12345678-1234-7123-8123-123456789012"),
            "/api/v1/personen/12345678-1234-7123-8123-123456789012");
  EXPECT_EQ(instance("/api/v1/gemeenten/GM0363/toegang"), "/api/v1/gemeenten/GM0363/toegang");
  EXPECT_EQ(instance("/api/v1/x/1234"), "/api/v1/x/1234");
}

TEST(ProblemResponseTest, UnprocessableByARuleIsRegelGeweigerdWith422) {
  Response r = ProblemResponse(Error::Unprocessable("VIR-01", "Jeugdwet 7.1.1.1", "Te oud."), "/");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(Body(r)["type"], std::string(kBase) + "regel-geweigerd");
  EXPECT_EQ(Body(r)["regel"], "VIR-01");
}

TEST(ProblemResponseTest, InvalidInputWithARuleStaysOngeldigeInvoer) {
  Error e = Error::Invalid("bsn", "elfproef", "Geen geldig BSN.");
  e.rule = "BSN-01";
  Response r = ProblemResponse(e, "/api/v1/personen");
  EXPECT_EQ(r.status, 400);
  json body = Body(r);
  EXPECT_EQ(body["type"], std::string(kBase) + "ongeldige-invoer");
  EXPECT_EQ(body["regel"], "BSN-01");
  ASSERT_EQ(body["invalidParams"].size(), 1u);
  EXPECT_EQ(body["invalidParams"][0]["name"], "bsn");
  EXPECT_EQ(body["invalidParams"][0]["code"], "elfproef");
  EXPECT_EQ(body["invalidParams"][0]["reason"], "Geen geldig BSN.");
}

TEST(ProblemResponseTest, SeveralInvalidParamsKeepTheirOrder) {
  Error e = Error::Invalid("a", "verplicht", "ontbreekt");
  e.invalid_params.push_back({"b.c", "type", "geen getal"});
  json body = Body(ProblemResponse(e, "/x"));
  ASSERT_EQ(body["invalidParams"].size(), 2u);
  EXPECT_EQ(body["invalidParams"][1]["name"], "b.c");
}

TEST(ProblemResponseTest, EmptyInstanceAndDetailAreOmitted) {
  Error e;
  e.code = ErrorCode::kNotFound;
  json body = Body(ProblemResponse(e, ""));
  EXPECT_FALSE(body.contains("instance"));
  EXPECT_FALSE(body.contains("detail"));
  EXPECT_EQ(body["status"], 404);
}

TEST(ProblemResponseTest, UnauthenticatedNamesTheBearerScheme) {
  Response r = ProblemResponse(Error::Unauthenticated("Geen token."), "/api/v1/x");
  EXPECT_EQ(r.status, 401);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].first, "WWW-Authenticate");
  EXPECT_EQ(r.headers[0].second, "Bearer");
}

TEST(ProblemResponseTest, InvalidUtf8InDetailDoesNotThrow) {
  Error e = Error::NotFound(std::string("onbekend: \xff\xfe"));
  Response r;
  ASSERT_NO_THROW(r = ProblemResponse(e, "/a\xc3"));
  EXPECT_NO_THROW(Body(r));
}

}  // namespace
}  // namespace jh::http
