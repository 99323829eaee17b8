// The OpenAPI 3.0 document, generated from the registered operations so that it describes
// exactly the endpoints that exist. Conforms to the NL API Design Rules (shared/conformance):
// versioned https server URL, API-Version header on every 2xx, problem+json on every 4xx/5xx,
// a 400 on every operation that takes input, contact details, semver version.
#include <set>

#include "http/api.h"

namespace jh::api {

namespace {

constexpr const char* kHost = "https://jeugdhulp.example";
constexpr const char* kBase = "/api/v1";

Json ErrorResponse(const char* description) {
  return Json{
      {"description", description},
      {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}},
      {"content",
       {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

const std::map<int, const char*>& ErrorDescriptions() {
  static const std::map<int, const char*> kDescriptions = {
      {400,
       "Ongeldige invoer: onjuiste JSON, verkeerd type, onbekend of verboden veld "
       "(invalidParams noemt het veld; regel waar een regel weigert)."},
      {401, "Geen of onbekend token."},
      {403, "De aanroeper mag dit niet (regel noemt de regel)."},
      {404, "Onbekend id, of een id dat de aanroeper niet mag kennen."},
      {406, "Accept noemt geen vorm die dit antwoord heeft."},
      {409, "Conflict met de huidige toestand."},
      {413, "De inhoud is groter dan 1 MiB."},
      {415, "De inhoud is geen application/json."},
      {422, "De inhoud breekt een regel (regel noemt de regel)."},
      {500, "Interne fout."},
      {503, "Tijdelijk niet beschikbaar; er is niets opgeslagen."},
  };
  return kDescriptions;
}

Json Components(const std::string& api_version) {
  Json invalid_param = {
      {"type", "object"},
      {"properties",
       {{"name", {{"type", "string"}, {"description", "Het veld."}}},
        {"code", {{"type", "string"}, {"description", "Korte code, bijv. verplicht, type."}}},
        {"reason", {{"type", "string"}, {"description", "Uitleg."}}}}}};
  Json problem = {
      {"type", "object"},
      {"description", "RFC 9457 problem details."},
      {"required", {"status", "title", "detail"}},
      {"properties",
       {{"type", {{"type", "string"}, {"format", "uri"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}, {"format", "int32"}}},
        {"detail", {{"type", "string"}}},
        {"instance", {{"type", "string"}}},
        {"regel",
         {{"type", "string"},
          {"description", "Id van de regel (RULES.md)."},
          {"example", "VIR-02"}}},
        {"grondslag", {{"type", "string"}, {"description", "Wettelijke bron van de regel."}}},
        {"invalidParams",
         {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/InvalidParam"}}}}}}}};
  return Json{{"schemas", {{"Problem", problem}, {"InvalidParam", invalid_param}}},
              {"headers",
               {{"API-Version",
                 {{"description", "De volledige versie van de API."},
                  {"schema", {{"type", "string"}, {"example", api_version}}}}}}},
              {"securitySchemes",
               {{"bearerAuth",
                 {{"type", "http"},
                  {"scheme", "bearer"},
                  {"description", "Token van een medewerker of burger (256 bits, hex)."}}}}}};
}

Json Parameters(const Operation& op) {
  Json params = Json::array();
  size_t pos = 0;
  while ((pos = op.path.find('{', pos)) != std::string::npos) {
    size_t end = op.path.find('}', pos);
    std::string name = op.path.substr(pos + 1, end - pos - 1);
    Json schema = {{"type", "string"}};
    if (name == "id" && op.id_is_uuid) schema = {{"type", "string"}, {"format", "uuid"}};
    if (name == "gemeentecode") schema = {{"type", "string"}, {"pattern", "^GM[0-9]{4}$"}};
    if (name == "kenmerk") schema = {{"type", "string"}, {"pattern", "^[0-9a-f]{16}$"}};
    params.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", schema}});
    pos = end;
  }
  for (const auto& q : op.query) {
    Json schema = q.integer
                      ? Json{{"type", "integer"}, {"minimum", q.minimum}, {"maximum", q.maximum}}
                      : Json{{"type", "string"}};
    if (!q.enum_values.empty()) schema["enum"] = q.enum_values;
    params.push_back({{"name", q.name},
                      {"in", "query"},
                      {"required", q.required},
                      {"description", q.description},
                      {"schema", schema}});
  }
  return params;
}

Json OperationObject(const Operation& op) {
  Json o = {{"operationId", op.operation_id}, {"summary", op.summary}, {"tags", {op.tag}}};
  Json params = Parameters(op);
  if (!params.empty()) o["parameters"] = params;
  if (op.body) {
    o["requestBody"] = {
        {"required", true},
        {"content", {{"application/json", {{"schema", schema::ToOpenApi(*op.body)}}}}}};
  }
  Json success = {{"description", "Gelukt."},
                  {"headers", {{"API-Version", {{"$ref", "#/components/headers/API-Version"}}}}}};
  if (op.response) {
    success["content"] = {{"application/json", {{"schema", schema::ToOpenApi(*op.response)}}}};
    for (const Representation& r : op.representations) {
      success["content"][r.media_type] = {
          {"schema", {{"type", "string"}, {"description", r.description}}}};
    }
  } else if (!op.response_media.empty()) {
    success["content"] = {{op.response_media, {{"schema", {{"type", "string"}}}}}};
  }
  Json responses = {{std::to_string(op.success), success}};
  std::set<int> errors(op.errors.begin(), op.errors.end());
  if (op.body || !params.empty() || op.method != "GET") errors.insert(400);
  if (op.access != Access::kPublic) errors.insert({401, 403});
  if (op.path.find('{') != std::string::npos) errors.insert(404);
  if (op.body) errors.insert({413, 415});
  if (op.not_acceptable) errors.insert(406);
  errors.insert(500);
  if (op.method != "GET") errors.insert(503);
  for (int status : errors) {
    responses[std::to_string(status)] = ErrorResponse(ErrorDescriptions().at(status));
  }
  o["responses"] = responses;
  if (op.access == Access::kPublic) {
    o["security"] = Json::array();
  }
  return o;
}

}  // namespace

Json OpenApiDocument(const Api& api) {
  Json doc = {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "Jeugdhulp API"},
        {"version", api.api_version()},
        {"description",
         "Samenwerking rond jeugdhulp: Verwijsindex risicojongeren, Veilig Thuis, toegang, "
         "jeugdhulp en declaraties, rechten van betrokkenen en verantwoording. Elke weigering "
         "noemt de regel (regel) en de wettelijke grondslag (grondslag)."},
        {"contact",
         {{"name", "Jeugdhulp beheer"},
          {"url", "https://jeugdhulp.example/contact"},
          {"email", "beheer@jeugdhulp.example"}}},
        {"license", {{"name", "EUPL-1.2"}, {"url", "https://eupl.eu/1.2/nl/"}}}}},
      {"servers", {{{"url", std::string(kHost) + kBase}, {"description", "API v1"}}}},
      {"security", {{{"bearerAuth", Json::array()}}}},
      {"components", Components(api.api_version())}};
  Json paths = Json::object();
  std::set<std::string> tags;
  for (const auto& op : api.operations()) {
    std::string key = op->path;
    bool under_base = key.rfind(kBase, 0) == 0;
    if (under_base) key = key.substr(std::string(kBase).size());
    if (!under_base) {
      paths[key]["servers"] = {{{"url", kHost}, {"description", "Buiten /api/v1"}}};
    }
    std::string method = op->method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    paths[key][method] = OperationObject(*op);
    tags.insert(op->tag);
  }
  doc["paths"] = paths;
  Json tag_list = Json::array();
  for (const auto& t : tags) tag_list.push_back({{"name", t}});
  doc["tags"] = tag_list;
  return doc;
}

}  // namespace jh::api
