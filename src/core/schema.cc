#include "core/schema.h"

#include <algorithm>

namespace jh::schema {

namespace {

std::shared_ptr<Node> Make(Kind kind, std::string description) {
  auto n = std::make_shared<Node>();
  n->kind = kind;
  n->description = std::move(description);
  return n;
}

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kString:
      return "tekst";
    case Kind::kInteger:
      return "geheel getal";
    case Kind::kNumber:
      return "getal";
    case Kind::kBoolean:
      return "true of false";
    case Kind::kObject:
      return "object";
    case Kind::kArray:
      return "lijst";
  }
  return "?";
}

struct Collector {
  std::vector<InvalidParam> params;
  std::string rule;
  std::string ground;
  void Add(const std::string& name, std::string code, std::string reason) {
    if (params.size() < 50) params.push_back({name, std::move(code), std::move(reason)});
  }
};

std::string Join(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + "." + name;
}

void Check(const Node& s, const Json& v, const std::string& path, Collector& out);

void CheckString(const Node& s, const Json& v, const std::string& path, Collector& out) {
  const auto& str = v.get_ref<const std::string&>();
  if (str.size() < s.min_length || str.size() > s.max_length) {
    out.Add(path, "lengte",
            "De lengte moet tussen " + std::to_string(s.min_length) + " en " +
                std::to_string(s.max_length) + " tekens liggen.");
    return;
  }
  if (!s.enum_values.empty() &&
      std::find(s.enum_values.begin(), s.enum_values.end(), str) == s.enum_values.end()) {
    std::string allowed;
    for (const auto& e : s.enum_values) allowed += (allowed.empty() ? "" : ", ") + e;
    out.Add(path, "enum", "Toegestaan: " + allowed + ".");
    return;
  }
  if (s.format && s.format->check) {
    std::string reason = s.format->check(str);
    if (!reason.empty()) {
      out.Add(path, s.format->code, std::move(reason));
      if (s.format->code == "elfproef" || s.format->code == "bsn") {
        out.rule = out.rule.empty() ? "BSN-01" : out.rule;
        if (out.ground.empty()) out.ground = "Wet algemene bepalingen BSN; RvIG";
      }
    }
  }
}

void CheckObject(const Node& s, const Json& v, const std::string& path, Collector& out) {
  for (const auto& [key, value] : v.items()) {
    if (s.open) break;
    bool known = std::any_of(s.fields.begin(), s.fields.end(),
                             [&k = key](const Field& f) { return f.name == k; });
    if (!known) {
      // The key is user input: named (it is a field name, not a value), but a caller who put
      // a BSN there must not get it echoed (BSN-02).
      std::string name = Join(path, EchoableName(key));
      if (!s.extra_fields_rule.empty()) {
        out.Add(name, "verboden-veld",
                "Dit veld mag niet worden meegestuurd (" + s.extra_fields_rule + ").");
        out.rule = s.extra_fields_rule;
        out.ground = s.extra_fields_ground;
      } else {
        out.Add(name, "onbekend-veld", "Dit veld is onbekend.");
      }
    }
  }
  for (const auto& f : s.fields) {
    auto it = v.find(f.name);
    if (it == v.end()) {
      if (f.required) out.Add(Join(path, f.name), "verplicht", "Dit veld is verplicht.");
      continue;
    }
    Check(*f.schema, *it, Join(path, f.name), out);
  }
}

void Check(const Node& s, const Json& v, const std::string& path, Collector& out) {
  bool type_ok = false;
  switch (s.kind) {
    case Kind::kString:
      type_ok = v.is_string();
      break;
    case Kind::kInteger:
      type_ok = v.is_number_integer();
      break;
    case Kind::kNumber:
      type_ok = v.is_number();
      break;
    case Kind::kBoolean:
      type_ok = v.is_boolean();
      break;
    case Kind::kObject:
      type_ok = v.is_object();
      break;
    case Kind::kArray:
      type_ok = v.is_array();
      break;
  }
  if (!type_ok) {
    out.Add(path, "type", std::string("Verwacht: ") + KindName(s.kind) + ".");
    return;
  }
  switch (s.kind) {
    case Kind::kString:
      CheckString(s, v, path, out);
      break;
    case Kind::kInteger: {
      // Unsigned values beyond int64 are out of every range we accept.
      if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
        out.Add(path, "maximum", "Het getal is te groot.");
        break;
      }
      int64_t n = v.get<int64_t>();
      if (s.minimum && n < *s.minimum) {
        out.Add(path, "minimum", "Minimaal " + std::to_string(*s.minimum) + ".");
      } else if (s.maximum && n > *s.maximum) {
        out.Add(path, "maximum", "Maximaal " + std::to_string(*s.maximum) + ".");
      }
      break;
    }
    case Kind::kNumber:
    case Kind::kBoolean:
      break;
    case Kind::kObject:
      CheckObject(s, v, path, out);
      break;
    case Kind::kArray:
      if (v.size() > s.max_items) {
        out.Add(path, "lengte", "Ten hoogste " + std::to_string(s.max_items) + " elementen.");
        break;
      }
      for (size_t i = 0; i < v.size(); ++i) {
        Check(*s.items, v[i], path + "[" + std::to_string(i) + "]", out);
      }
      break;
  }
}

}  // namespace

NodePtr String(std::string description, size_t max_length) {
  auto n = Make(Kind::kString, std::move(description));
  n->max_length = max_length;
  return n;
}

NodePtr Enum(std::string description, std::vector<std::string> values) {
  auto n = Make(Kind::kString, std::move(description));
  n->enum_values = std::move(values);
  n->max_length = 100;
  return n;
}

NodePtr Formatted(std::string description, Format format, std::string example) {
  auto n = Make(Kind::kString, std::move(description));
  n->sensitive = format.code == "elfproef";
  n->format = std::move(format);
  n->example = std::move(example);
  n->max_length = 254;
  return n;
}

NodePtr Integer(std::string description, std::optional<int64_t> min, std::optional<int64_t> max) {
  auto n = Make(Kind::kInteger, std::move(description));
  n->minimum = min;
  n->maximum = max;
  return n;
}

NodePtr Number(std::string description) { return Make(Kind::kNumber, std::move(description)); }
NodePtr Boolean(std::string description) { return Make(Kind::kBoolean, std::move(description)); }

NodePtr Object(std::vector<Field> fields, std::string description) {
  auto n = Make(Kind::kObject, std::move(description));
  n->fields = std::move(fields);
  return n;
}

NodePtr StrictObject(std::vector<Field> fields, std::string rule, std::string ground,
                     std::string description) {
  auto n = Make(Kind::kObject, std::move(description));
  n->fields = std::move(fields);
  n->extra_fields_rule = std::move(rule);
  n->extra_fields_ground = std::move(ground);
  return n;
}

NodePtr FreeObject(std::string description) {
  auto n = Make(Kind::kObject, std::move(description));
  n->open = true;
  return n;
}

NodePtr Array(NodePtr items, std::string description, size_t max_items) {
  auto n = Make(Kind::kArray, std::move(description));
  n->items = std::move(items);
  n->max_items = max_items;
  return n;
}

Field Req(std::string name, NodePtr schema) {
  return Field{std::move(name), std::move(schema), true};
}
Field Opt(std::string name, NodePtr schema) {
  return Field{std::move(name), std::move(schema), false};
}

std::string TruncateUtf8(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) so no character is cut in half.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string EchoableName(const std::string& key) {
  std::string out;
  size_t i = 0;
  while (i < key.size()) {
    size_t j = i;
    while (j < key.size() && key[j] >= '0' && key[j] <= '9') ++j;
    if (j - i >= 6) {
      out += "...";
    } else {
      out.append(key, i, j - i);
    }
    if (j < key.size()) out.push_back(key[j]);
    i = j + 1;
  }
  return TruncateUtf8(out, 64);
}

Status Validate(const Node& schema, const Json& value) {
  Collector out;
  Check(schema, value, "", out);
  if (out.params.empty()) return {};
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.rule = out.rule;
  e.ground = out.ground;
  e.message = out.params.size() == 1 ? "Het veld " + out.params[0].name + " is ongeldig."
                                     : "Meerdere velden zijn ongeldig.";
  if (!out.rule.empty()) e.message += " (" + out.rule + ")";
  e.invalid_params = std::move(out.params);
  return e;
}

Result<Json> Decode(const Node& schema, std::string_view body) {
  JH_ASSIGN_OR_RETURN(Json value, ParseJsonObject(body));
  JH_TRY(Validate(schema, value));
  return value;
}

}  // namespace jh::schema
