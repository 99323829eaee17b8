// Statistics for policy and supervision (API.md "Accountability and decisions"): counts per
// month with cells under five suppressed (VIR-16).
#include "http/handlers/common.h"
#include "services/statistiek.h"

namespace jh::api {

namespace {
using namespace schema;

Json ReeksJson(const services::Reeks& r, size_t maand) {
  return r[maand] ? Json(*r[maand]) : Json(nullptr);
}

Result<Reply> Verwijsindex(Call& c) {
  const std::string gemeente = c.request.QueryParam("gemeentecode");
  if (std::string why = GemeentecodeFormat().check(gemeente); !why.empty()) {
    return Error::Invalid("gemeentecode", "gemeentecode", why);
  }
  const int64_t jaar = c.IntQuery("jaar", 0);
  JH_ASSIGN_OR_RETURN(services::VirStatistiek s,
                      services::VirStatistiekPerMaand(c.env, gemeente, jaar));
  Json maanden = Json::array();
  for (size_t m = 0; m < 12; ++m) {
    maanden.push_back(Json{{"maand", m + 1},
                           {"registraties", ReeksJson(s.registraties, m)},
                           {"signalen", ReeksJson(s.signalen, m)},
                           {"meldingen", ReeksJson(s.meldingen, m)},
                           {"toegangsbesluiten", ReeksJson(s.toegangsbesluiten, m)}});
  }
  return Reply::Ok(Json{{"gemeentecode", s.gemeentecode},
                        {"jaar", s.jaar},
                        {"onderdrukkingsgrens", 5},
                        {"maanden", maanden}});
}
}  // namespace

void RegisterStatistieken(Api& api) {
  api.Add(
      {.method = "GET",
       .path = "/api/v1/statistieken/verwijsindex",
       .operation_id = "statistiekVerwijsindex",
       .tag = "Verantwoording",
       .summary = "Aantallen per maand, kleine aantallen onderdrukt (VIR-16)",
       .roles = {"gemeentemedewerker", "beheerder"},
       .others_rule = RefusedBy("VIR-16", "Jw 7.1.2.3(1)(h)"),
       .query = {{.name = "gemeentecode",
                  .description = "Gemeente (GM + vier cijfers).",
                  .required = true},
                 {.name = "jaar",
                  .description = "Kalenderjaar.",
                  .required = true,
                  .integer = true,
                  .minimum = 2000,
                  .maximum = 2100}},
       .response = Object(
           {Req("gemeentecode", Gemeentecode()), Req("jaar", Integer("Kalenderjaar.")),
            Req("onderdrukkingsgrens", Integer("Kleinste getoonde aantal (VIR-16).")),
            Req("maanden", Array(FreeObject("Per maand (1–12) de aantallen registraties, signalen, "
                                            "meldingen en toegangsbesluiten; null onder de vijf."),
                                 "De twaalf maanden.", 12))}),
       .handle = Verwijsindex});
}

}  // namespace jh::api
