// Request bodies: jh::ParseJsonObject (bounded depth, objects only, never throws) and
// jh::schema::Decode with a schema shaped like the API's (a person with a BSN, a date, an
// enum, a nested address, a strict object refusing unknown fields under a rule).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_body.h"
#include "core/schema.h"
#include "fuzz_check.h"

namespace {

namespace s = jh::schema;

const s::Node& PersonSchema() {
  static const s::NodePtr schema = s::Object({
      s::Req("bsn", s::Formatted("BSN.", s::BsnFormat(), "111222333")),
      s::Req("voornamen", s::String("Voornamen.", 200)),
      s::Req("geslachtsnaam", s::String("Geslachtsnaam.", 200)),
      s::Req("geboortedatum", s::Formatted("Geboortedatum.", s::DateFormat(), "2012-03-04")),
      s::Req("geslacht", s::Enum("Geslacht.", {"M", "V", "O"})),
      s::Req("gemeentecode", s::Formatted("Gemeente.", s::GemeentecodeFormat(), "GM0363")),
      s::Req("adres", s::Object({
                          s::Req("postcode", s::Formatted("Postcode.", s::PostcodeFormat())),
                          s::Req("huisnummer", s::Integer("Huisnummer.", 1, 99999)),
                      })),
      s::Opt("agbCode", s::Formatted("AGB.", s::AgbFormat())),
      s::Opt("organisatieId", s::Formatted("Id.", s::UuidFormat())),
      s::Opt("email", s::Formatted("E-mail.", s::EmailFormat())),
      s::Opt("telefoon", s::Formatted("Telefoon.", s::PhoneFormat())),
      s::Opt("meldingsbevoegd", s::Boolean("Meldingsbevoegd.")),
      s::Opt("productcategorieen", s::Array(s::String("Categorie.", 2), "Categorieen.", 20)),
  });
  return *schema;
}

// A VIR registration: only these fields, anything else refused under VIR-04.
const s::Node& MeldingSchema() {
  static const s::NodePtr schema =
      s::StrictObject({s::Req("bsn", s::Formatted("BSN.", s::BsnFormat())),
                       s::Req("redelijkVermoeden", s::Boolean("Verklaring redelijk vermoeden."))},
                      "VIR-04", "Jeugdwet 7.1.4.3(1)");
  return *schema;
}

// Every string and key in `j` except the one at `skip` (the BSN value).
void CollectStrings(const jh::Json& j, const jh::Json* skip, std::vector<std::string>* out) {
  if (&j == skip) return;
  if (j.is_string()) {
    out->push_back(j.get<std::string>());
  } else if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      out->push_back(key);
      CollectStrings(value, skip, out);
    }
  } else if (j.is_array()) {
    for (const auto& value : j) CollectStrings(value, skip, out);
  }
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The longest run of digits in `s`.
std::string LongestDigitRun(const std::string& s) {
  std::string best;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j - i > best.size()) best = s.substr(i, j - i);
    i = j + 1;
  }
  return best;
}

// BSN-02: an error never repeats the digits of the BSN sent. Checked for a run of six or
// more digits (no message text has one) that occurs nowhere else in the body (else a field
// name or another value may legitimately echo it).
void CheckNoBsnEcho(const jh::Json& body, const jh::Error& e) {
  auto it = body.find("bsn");
  if (it == body.end() || !it->is_string()) return;
  const std::string digits = LongestDigitRun(it->get<std::string>());
  if (digits.size() < 6 || digits.find_first_not_of('0') == std::string::npos) return;
  std::vector<std::string> others;
  CollectStrings(body, &*it, &others);
  for (const std::string& other : others) {
    if (Contains(other, digits)) return;
  }
  FUZZ_CHECK(!Contains(e.message, digits));
  for (const jh::InvalidParam& p : e.invalid_params) {
    FUZZ_CHECK(!Contains(p.name, digits));
    FUZZ_CHECK(!Contains(p.code, digits));
    FUZZ_CHECK(!Contains(p.reason, digits));
  }
}

void CheckDecode(const s::Node& schema, std::string_view body, const jh::Result<jh::Json>& parsed) {
  jh::Result<jh::Json> decoded = s::Decode(schema, body);
  if (!parsed.ok()) {
    FUZZ_CHECK(!decoded.ok());  // Decode parses as ParseJsonObject does
    return;
  }
  jh::Status valid = s::Validate(schema, *parsed);
  FUZZ_CHECK(valid.ok() == decoded.ok());
  if (decoded.ok()) {
    FUZZ_CHECK(decoded->is_object());
    FUZZ_CHECK(*decoded == *parsed);
    return;
  }
  const jh::Error& e = decoded.error();
  FUZZ_CHECK(e.code == jh::ErrorCode::kInvalidArgument);
  CheckNoBsnEcho(*parsed, e);
  // The HTTP layer renders the error; it must survive that.
  jh::Json problem = {{"detail", e.message}, {"regel", e.rule}};
  for (const jh::InvalidParam& p : e.invalid_params) {
    problem["invalidParams"].push_back({{"name", p.name}, {"code", p.code}, {"reason", p.reason}});
  }
  (void)problem.dump(-1, ' ', false, jh::Json::error_handler_t::replace);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);

  int depth = jh::JsonNestingDepth(body, jh::kMaxJsonDepth);
  FUZZ_CHECK(depth >= 0 && depth <= jh::kMaxJsonDepth + 1);

  jh::Result<jh::Json> parsed = jh::ParseJsonObject(body);
  if (parsed.ok()) {
    FUZZ_CHECK(parsed->is_object());
    FUZZ_CHECK(depth <= jh::kMaxJsonDepth);
    // Accepted input is valid UTF-8 JSON: serialising it again must not throw.
    std::string again = parsed->dump();
    FUZZ_CHECK(jh::ParseJsonObject(again).ok());
  } else {
    FUZZ_CHECK(parsed.error().code == jh::ErrorCode::kInvalidArgument);
  }

  CheckDecode(PersonSchema(), body, parsed);
  CheckDecode(MeldingSchema(), body, parsed);
  return 0;
}
