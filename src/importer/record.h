// One person of a bulk import, as read from a line of CSV or JSONL, and its validation with
// the rules POST /api/v1/personen applies: BSN-01 (core/bsn), real dates not after today,
// geslacht M|V|O, gemeentecode, postcode, huisnummer 1..99999, names of 1..200 bytes of
// UTF-8. The optional ouderBsn names a parent who holds authority (gezag).
//
// Errors are kInvalidArgument with exactly one invalid param: the field and a Dutch reason.
// A reason never repeats the value (the value may be a BSN, BSN-02).
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/bsn.h"
#include "core/date.h"
#include "core/result.h"
#include "services/personen.h"

namespace jh::importer {

// The columns of a CSV file (its header names exactly these) and the members of a JSONL
// object, in this order.
enum Column : size_t {
  kBsn,
  kVoornamen,
  kGeslachtsnaam,
  kGeboortedatum,
  kGeslacht,
  kGemeentecode,
  kPostcode,
  kHuisnummer,
  kOuderBsn,
  kColumnCount
};

// The column's name in CSV headers, JSONL members and error reports.
std::string_view ColumnName(Column column);
// The column with this name, or nullopt.
std::optional<Column> FindColumn(std::string_view name);
// `name` as it may appear in an error report: itself when it is a plausible field name
// (ASCII letters, at most 40), else "?" — a mistaken header could hold a BSN.
std::string_view SafeName(std::string_view name);

// The raw text of each column in one line; nullopt when the line did not give it. The views
// point into the line (or into JSON strings) and live as long as it.
using RawFields = std::array<std::optional<std::string_view>, kColumnCount>;

struct ImportRecord {
  services::Persoon persoon;  // id empty; bsn set
  std::optional<Bsn> ouder;
};

// Validates one line's fields; the first offending field (in column order) is reported.
[[nodiscard]] Result<ImportRecord> Validate(const RawFields& fields, const Date& today);

// The error for `field`: kInvalidArgument with one invalid param.
Error FieldError(std::string field, std::string code, std::string reason);

}  // namespace jh::importer
