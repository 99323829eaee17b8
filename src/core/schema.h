// Declarative JSON schemas for request bodies: one declaration both validates input
// (strictly: unknown fields and wrong types are refused, never ignored) and is rendered
// into the OpenAPI document, so the documentation cannot drift from what is enforced.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/json_body.h"
#include "core/result.h"

namespace jh::schema {

enum class Kind { kString, kInteger, kNumber, kBoolean, kObject, kArray };

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Field {
  std::string name;
  NodePtr schema;
  bool required = true;
};

// A string format checked in code (no regex engine on user input); `pattern` is its
// description for OpenAPI. The check returns a Dutch reason, or "" when the value is fine.
struct Format {
  std::string openapi_format;  // "date", "uuid", ... or ""
  std::string pattern;         // ECMA regex for the document, or ""
  std::string code;            // invalidParams code on failure, e.g. "datum"
  std::function<std::string(const std::string&)> check;
};

struct Node {
  Kind kind = Kind::kString;
  std::string description;
  std::string example;  // rendered as the OpenAPI example when non-empty (string kinds)
  // kString
  size_t min_length = 0;
  size_t max_length = 1000;
  std::vector<std::string> enum_values;
  std::optional<Format> format;
  bool sensitive = false;  // a BSN or alike: never echoed in errors
  // kInteger
  std::optional<int64_t> minimum;
  std::optional<int64_t> maximum;
  // kObject
  std::vector<Field> fields;
  std::string extra_fields_rule;    // e.g. "VIR-04": unknown fields are refused by this rule
  std::string extra_fields_ground;  // its legal source
  bool open = false;                // documents only: any properties allowed (responses)
  // kArray
  NodePtr items;
  size_t max_items = 100;
};

// Builders.
NodePtr String(std::string description, size_t max_length = 1000);
NodePtr Enum(std::string description, std::vector<std::string> values);
NodePtr Formatted(std::string description, Format format, std::string example = "");
NodePtr Integer(std::string description, std::optional<int64_t> min = std::nullopt,
                std::optional<int64_t> max = std::nullopt);
// Any JSON number, fractions too: for amounts whose rule (e.g. JW-07, whole eurocents)
// must refuse a fraction by name rather than as a type error.
NodePtr Number(std::string description);
NodePtr Boolean(std::string description);
NodePtr Object(std::vector<Field> fields, std::string description = "");
// An object whose unknown fields are refused with `rule` (e.g. VIR-04, JW-06).
NodePtr StrictObject(std::vector<Field> fields, std::string rule, std::string ground,
                     std::string description = "");
// An object with arbitrary members, for documenting responses such as the OpenAPI document.
NodePtr FreeObject(std::string description);
NodePtr Array(NodePtr items, std::string description, size_t max_items = 100);
Field Req(std::string name, NodePtr schema);
Field Opt(std::string name, NodePtr schema);

// Formats used across the API.
Format DateFormat();          // YYYY-MM-DD, a real date
Format BsnFormat();           // BSN-01 (9 digits, elfproef); errors carry regel BSN-01
Format GemeentecodeFormat();  // "GM" + 4 digits
Format PostcodeFormat();      // 4 digits (first not 0) + 2 capitals
Format AgbFormat();           // 8 digits
Format UuidFormat();          // lowercase UUID
Format EmailFormat();         // something@something.tld, no spaces
Format PhoneFormat();         // digits, spaces, +, -, (, ) ; 6..20 chars

// Validates `value` against `schema`; all problems are collected into one kInvalidArgument
// error whose invalidParams name each field by its path ("adres.postcode"). When an unknown
// field is refused by a rule (extra_fields_rule) the error carries that rule; a BSN-01
// failure carries BSN-01. Never echoes a sensitive value.
[[nodiscard]] Status Validate(const Node& schema, const Json& value);

// Parses `body` as a JSON object and validates it.
[[nodiscard]] Result<Json> Decode(const Node& schema, std::string_view body);

// At most `max_bytes` of `text`, cut on a UTF-8 character boundary (for echoing field names).
std::string TruncateUtf8(const std::string& text, size_t max_bytes);

// A name the caller chose (an unknown body field or query parameter) as an error may repeat
// it: at most 64 bytes, and every run of six or more digits replaced by "..." — a caller who
// put a BSN where a name belongs must not get it echoed (BSN-02).
std::string EchoableName(const std::string& key);

// The OpenAPI 3.0 schema object for `schema`.
Json ToOpenApi(const Node& schema);

}  // namespace jh::schema
