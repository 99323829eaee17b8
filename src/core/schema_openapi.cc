// Renders a schema::Node as an OpenAPI 3.0 schema object.
#include "core/schema.h"

namespace jh::schema {

Json ToOpenApi(const Node& s) {
  Json out = Json::object();
  if (!s.description.empty()) out["description"] = s.description;
  switch (s.kind) {
    case Kind::kString:
      out["type"] = "string";
      if (!s.enum_values.empty()) out["enum"] = s.enum_values;
      if (s.format) {
        if (!s.format->openapi_format.empty()) out["format"] = s.format->openapi_format;
        if (!s.format->pattern.empty()) out["pattern"] = s.format->pattern;
      }
      if (s.min_length > 0) out["minLength"] = s.min_length;
      if (s.enum_values.empty()) out["maxLength"] = s.max_length;
      if (!s.example.empty()) out["example"] = s.example;
      break;
    case Kind::kInteger:
      out["type"] = "integer";
      out["format"] = "int64";
      if (s.minimum) out["minimum"] = *s.minimum;
      if (s.maximum) out["maximum"] = *s.maximum;
      break;
    case Kind::kNumber:
      out["type"] = "number";
      break;
    case Kind::kBoolean:
      out["type"] = "boolean";
      break;
    case Kind::kObject: {
      out["type"] = "object";
      Json props = Json::object();
      Json required = Json::array();
      for (const auto& f : s.fields) {
        props[f.name] = ToOpenApi(*f.schema);
        if (f.required) required.push_back(f.name);
      }
      out["properties"] = props;
      if (!required.empty()) out["required"] = required;
      out["additionalProperties"] = s.open;
      if (!s.extra_fields_rule.empty()) {
        std::string note = "Andere velden worden geweigerd met regel " + s.extra_fields_rule + ".";
        out["description"] = s.description.empty() ? note : s.description + " " + note;
      }
      break;
    }
    case Kind::kArray:
      out["type"] = "array";
      out["items"] = ToOpenApi(*s.items);
      out["maxItems"] = s.max_items;
      break;
  }
  return out;
}

}  // namespace jh::schema
