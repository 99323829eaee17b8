// The import's line parser (src/importer/line_parser.h) on arbitrary lines. Input: one byte
// choosing the form, then text:
//   'j'  a JSONL line
//   'h'  a CSV header line, a newline, a CSV data line (the header may be refused)
//   else a CSV data line under the full standard header
// Properties: never crashes; an accepted line holds a person the API would accept (BSN-01,
// M|V|O, formats, born on or before today); a refused line names one field, and neither
// the field nor the reason holds six or more digits in a row — a BSN is never echoed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/bsn.h"
#include "fuzz_check.h"
#include "importer/line_parser.h"

namespace {

constexpr jh::Date kToday{2026, 11, 1};

void Check(const jh::Result<jh::importer::ImportRecord>& r) {
  if (!r.ok()) {
    FUZZ_CHECK(r.error().invalid_params.size() == 1);
    const jh::InvalidParam& p = r.error().invalid_params[0];
    FUZZ_CHECK(!p.name.empty() && !p.reason.empty());
    FUZZ_CHECK(!HasLongDigitRun(p.name) && !HasLongDigitRun(p.reason));
    FUZZ_CHECK(!HasLongDigitRun(r.error().message));
    return;
  }
  const jh::services::Persoon& p = r->persoon;
  FUZZ_CHECK(p.bsn.has_value() && jh::PassesElfproef(p.bsn->digits()));
  FUZZ_CHECK(p.geslacht == "M" || p.geslacht == "V" || p.geslacht == "O");
  FUZZ_CHECK(p.gemeentecode.size() == 6 && p.gemeentecode.rfind("GM", 0) == 0);
  FUZZ_CHECK(p.adres.postcode.size() == 6);
  FUZZ_CHECK(p.adres.huisnummer >= 1 && p.adres.huisnummer <= 99999);
  FUZZ_CHECK(!(kToday < p.geboortedatum));
  FUZZ_CHECK(!p.voornamen.empty() && p.voornamen.size() <= 200);
  FUZZ_CHECK(!p.geslachtsnaam.empty() && p.geslachtsnaam.size() <= 200);
  if (r->ouder) FUZZ_CHECK(!(*r->ouder == *p.bsn));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char mode = static_cast<char>(data[0]);
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  using jh::importer::LineParser;
  if (mode == 'j') {
    Check(LineParser::Jsonl().Parse(text, kToday));
    return 0;
  }
  std::string_view header =
      "bsn,voornamen,geslachtsnaam,geboortedatum,geslacht,gemeentecode,postcode,huisnummer,"
      "ouderBsn";
  if (mode == 'h') {
    const size_t nl = text.find('\n');
    header = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  jh::Result<LineParser> parser = LineParser::Csv(header);
  if (!parser.ok()) {
    const jh::InvalidParam& p = parser.error().invalid_params.at(0);
    FUZZ_CHECK(!HasLongDigitRun(p.name) && !HasLongDigitRun(p.reason));
    return 0;
  }
  Check(parser->Parse(text, kToday));
  return 0;
}
