// Bills (API.md): the provider sends them with exactly the JW-06 fields — any other field is
// refused with 400 JW-06, never dropped — and JW-07 checks period and amounts. The
// municipality reads them stating its purpose (`doel`, JW-01), sees the JW-06 fields only,
// and can ask for the iJw JW323 form with `Accept: application/xml`, of one bill or of a page
// of the list; an Accept that names neither form is answered 406.
#include "http/handlers/common.h"
#include "rules/jw.h"
#include "rules/jw_declaratie.h"
#include "services/jw323.h"
#include "services/jw_declaraties.h"

namespace jh::api {

namespace {
using namespace schema;

constexpr const char* kJw06Grond = "RJw 6a.1–6a.7; iJw JW323";
constexpr const char* kXml = "application/xml";

NodePtr Periode(bool strict) {
  std::vector<Field> fields = {Req("begin", DateField("Eerste dag.")),
                               Req("eind", DateField("Laatste dag (in dezelfde maand, JW-07)."))};
  return strict ? StrictObject(std::move(fields), "JW-06", kJw06Grond, "Productperiode.")
                : Object(std::move(fields), "Productperiode.");
}

// The municipality's and the provider's view: the JW-06 fields (rules::Jw06Velden).
NodePtr DeclaratieSchema() {
  return Object(
      {Req("id", Id()), Req("aanbiederAgb", Formatted("AGB-code van de aanbieder.", AgbFormat())),
       Req("gemeentecode", Gemeentecode()),
       // Absent once the youth's data were erased (AVG-04): the bill stays for the books,
       // but never with an empty or made-up BSN that would pass for a valid one.
       Opt("bsn", Formatted("BSN van de jeugdige (RJw 6a.1); ontbreekt als de gegevens van de "
                            "jeugdige zijn vernietigd (AVG-04).",
                            BsnFormat(), "999990019")),
       Req("toewijzingnummer", Integer("Toewijzingnummer.", 1)),
       Req("productcategorie", Productcategorie()),
       Req("productcode", String("Productcode (iJw).", 5)), Req("productperiode", Periode(false)),
       Req("geleverdVolume", Integer("Geleverd volume.", 0)),
       Req("eenheid", String("Eenheid (iJw WJ756).", 2)),
       Opt("productTarief", Integer("Tarief per eenheid in eurocent.", 0)),
       Req("ingediendBedrag", Integer("Bedrag in eurocent.", 0)),
       Req("verwijzer", String("Verwijzer (iJw COD327).", 2)),
       Opt("besluitnummer", Integer("Nummer van het toegangsbesluit.", 1))},
      "Een declaratie: alleen de velden van JW-06.");
}

Json ToJson(const services::JwDeclaratie& d) {
  Json j{{"id", d.id},
         {"aanbiederAgb", d.aanbieder_agb},
         {"gemeentecode", d.gemeentecode},
         {"toewijzingnummer", d.toewijzingnummer},
         {"productcategorie", d.productcategorie},
         {"productcode", d.productcode},
         {"productperiode", {{"begin", d.begin.ToString()}, {"eind", d.eind.ToString()}}},
         {"geleverdVolume", d.geleverd_volume},
         {"eenheid", d.eenheid},
         {"ingediendBedrag", d.ingediend_bedrag},
         {"verwijzer", d.verwijzer}};
  if (d.bsn) j["bsn"] = d.bsn->digits();
  if (d.product_tarief) j["productTarief"] = *d.product_tarief;
  if (d.besluitnummer) j["besluitnummer"] = *d.besluitnummer;
  return j;
}

Result<Reply> CreateDeclaratie(Call& c) {
  services::NieuweJwDeclaratie in;
  in.toewijzing_id = c.body["toewijzingId"];
  in.begin = *Date::Parse(c.body["productperiode"]["begin"].get<std::string>());
  in.eind = *Date::Parse(c.body["productperiode"]["eind"].get<std::string>());
  in.geleverd_volume = c.body["geleverdVolume"];
  in.eenheid = c.body["eenheid"];
  if (c.body.contains("productTarief")) in.product_tarief = c.body["productTarief"].get<double>();
  in.ingediend_bedrag = c.body["ingediendBedrag"].get<double>();
  JH_ASSIGN_OR_RETURN(auto d, services::CreateJwDeclaratie(c.env, in));
  return Reply::Created(ToJson(d));
}

Result<Reply> ListDeclaraties(Call& c) {
  auto page = PageFrom(c);
  JH_ASSIGN_OR_RETURN(auto list,
                      services::ListJwDeclaraties(c.env, page, c.request.QueryParam("doel")));
  if (c.media == kXml) {
    Reply r{200, nullptr, {}, kXml, {}};
    JH_ASSIGN_OR_RETURN(r.raw, services::Jw323XmlLijst(list.items, list.totaal));
    return r;
  }
  Json items = Json::array();
  for (const auto& d : list.items) items.push_back(ToJson(d));
  return Reply::Ok(PageJson(std::move(items), page, list.totaal));
}

Result<Reply> GetDeclaratie(Call& c) {
  JH_ASSIGN_OR_RETURN(
      auto d, services::GetJwDeclaratie(c.env, c.Param("id"), c.request.QueryParam("doel")));
  if (c.media == kXml) {
    Reply r{200, nullptr, {}, kXml, {}};
    JH_ASSIGN_OR_RETURN(r.raw, services::Jw323Xml(d));
    return r;
  }
  return Reply::Ok(ToJson(d));
}

QueryParam DoelParam() {
  return QueryParam{.name = "doel",
                    .description =
                        "Verplicht voor de gemeente: het doel van de inzage (JW-01); "
                        "voor een declaratie alleen bekostiging of controle (JW-06).",
                    .enum_values = rules::Jw01Doelen()};
}

}  // namespace

void RegisterDeclaraties(Api& api) {
  api.Add({.method = "POST",
           .path = "/api/v1/declaraties",
           .operation_id = "createDeclaratie",
           .tag = "Declaraties",
           .summary = "Declareren (de toegewezen aanbieder; alleen JW-06-velden, JW-07)",
           .others_rule = RefusedBy("JW-06", "RJw 6a.1–6a.7; iJw JW323"),
           .body = StrictObject(
               {Req("toewijzingId", Id()), Req("productperiode", Periode(true)),
                Req("geleverdVolume", Integer("Geleverd volume in de eenheid.", 1, 99999999)),
                Req("eenheid", Enum("Eenheid (iJw WJ756), die van de toewijzing.",
                                    {"01", "04", "14", "16", "82", "83", "84"})),
                Opt("productTarief", Number("Tarief per eenheid in hele eurocenten (JW-07).")),
                Req("ingediendBedrag", Number("Bedrag in hele eurocenten (JW-07)."))},
               "JW-06", kJw06Grond, "Een declaratie bevat alleen de velden van JW-06."),
           .success = 201,
           .response = DeclaratieSchema(),
           .errors = {422},
           .handle = CreateDeclaratie});
  api.Add({.method = "GET",
           .path = "/api/v1/declaraties",
           .operation_id = "listDeclaraties",
           .tag = "Declaraties",
           .summary = "Declaraties: aan de eigen gemeente (met doel, JW-01) of van de eigen "
                      "aanbieder",
           .roles = {"gemeentemedewerker", "jeugdhulpverlener"},
           .others_rule = RefusedBy("JW-06", "RJw 6a.1–6a.7; iJw JW323"),
           .query =
               [] {
                 auto q = PaginationParams();
                 q.push_back(DoelParam());
                 return q;
               }(),
           .response = PageSchema(DeclaratieSchema()),
           .representations = {{kXml,
                                "Berichten: per aanbieder, gemeente en dag een iJw 3.2 "
                                "JW323-bericht met de declaraties van deze pagina; totaal en "
                                "weggelaten (declaraties zonder BSN na AVG-04) als attributen."}},
           .not_acceptable = true,
           .handle = ListDeclaraties});
  api.Add({.method = "GET",
           .path = "/api/v1/declaraties/{id}",
           .operation_id = "getDeclaratie",
           .tag = "Declaraties",
           .summary = "Een declaratie; als iJw JW323 met Accept: application/xml",
           .roles = {"gemeentemedewerker", "jeugdhulpverlener"},
           .others_rule = RefusedBy("JW-06", "RJw 6a.1–6a.7; iJw JW323"),
           .query = {DoelParam()},
           .response = DeclaratieSchema(),
           .representations = {{kXml,
                                "Het iJw 3.2 JW323-bericht (UTF-8 zonder BOM, bedragen in "
                                "eurocent), alleen met de velden van JW-06."}},
           .errors = {409},  // JW323 of an erased youth's bill: no BSN to send (AVG-04)
           .not_acceptable = true,
           .handle = GetDeclaratie});
}

}  // namespace jh::api
