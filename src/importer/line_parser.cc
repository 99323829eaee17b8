#include "importer/line_parser.h"

#include <string>

#include "core/json_body.h"

namespace jh::importer {

namespace {

// Splits one CSV line into at most `max` fields. Unquoted fields are views into `line`;
// quoted ones are unescaped into `storage` (one string per position). Returns the number of
// fields, or an error naming the position's field (via `name_of`).
template <class NameOf>
Result<size_t> SplitCsv(std::string_view line, size_t max,
                        std::array<std::string, kColumnCount>& storage,
                        std::array<std::string_view, kColumnCount>& out, NameOf name_of) {
  size_t n = 0;
  size_t i = 0;
  for (;;) {
    if (n == max) {
      return FieldError("regel", "kolommen", "Meer velden dan de kop kolommen heeft.");
    }
    if (i < line.size() && line[i] == '"') {
      std::string& s = storage[n];
      s.clear();
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            s.push_back('"');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        s.push_back(line[i++]);
      }
      if (!closed || (i < line.size() && line[i] != ',')) {
        return FieldError(std::string(name_of(n)), "aanhalingstekens",
                          "Een veld tussen aanhalingstekens is niet goed afgesloten.");
      }
      out[n++] = s;
    } else {
      const size_t comma = line.find(',', i);
      const size_t end = comma == std::string_view::npos ? line.size() : comma;
      const std::string_view field = line.substr(i, end - i);
      if (field.find('"') != std::string_view::npos) {
        return FieldError(std::string(name_of(n)), "aanhalingstekens",
                          "Een aanhalingsteken mag alleen een heel veld omsluiten.");
      }
      out[n++] = field;
      i = end;
    }
    if (i >= line.size()) return n;
    ++i;  // the comma
  }
}

}  // namespace

Result<LineParser> LineParser::Csv(std::string_view header) {
  LineParser p(Format::kCsv);
  std::array<std::string, kColumnCount> storage;
  std::array<std::string_view, kColumnCount> names;
  auto position = [](size_t) { return std::string_view("kop"); };
  JH_ASSIGN_OR_RETURN(size_t n, SplitCsv(header, kColumnCount, storage, names, position));
  std::array<bool, kColumnCount> seen{};
  for (size_t i = 0; i < n; ++i) {
    std::optional<Column> c = FindColumn(names[i]);
    if (!c) return FieldError(std::string(SafeName(names[i])), "onbekend", "Onbekende kolom.");
    if (seen[*c]) {
      return FieldError(std::string(names[i]), "dubbel", "Deze kolom staat er twee keer.");
    }
    seen[*c] = true;
    p.columns_[i] = *c;
  }
  p.column_count_ = n;
  for (size_t c = 0; c < kColumnCount; ++c) {
    if (!seen[c] && c != kOuderBsn) {
      return FieldError(std::string(ColumnName(static_cast<Column>(c))), "ontbreekt",
                        "Deze kolom ontbreekt in de kop.");
    }
  }
  return p;
}

Result<ImportRecord> LineParser::Parse(std::string_view line, const Date& today) const {
  if (line.size() > kMaxLineBytes) {
    return FieldError("regel", "lengte", "De regel is langer dan 64 KiB.");
  }
  return format_ == Format::kCsv ? ParseCsv(line, today) : ParseJsonl(line, today);
}

Result<ImportRecord> LineParser::ParseCsv(std::string_view line, const Date& today) const {
  std::array<std::string, kColumnCount> storage;
  std::array<std::string_view, kColumnCount> values;
  auto name_of = [this](size_t i) { return ColumnName(columns_[i]); };
  JH_ASSIGN_OR_RETURN(size_t n, SplitCsv(line, column_count_, storage, values, name_of));
  RawFields fields;
  for (size_t i = 0; i < n; ++i) fields[columns_[i]] = values[i];
  return Validate(fields, today);
}

Result<ImportRecord> LineParser::ParseJsonl(std::string_view line, const Date& today) const {
  Result<Json> parsed = ParseJsonObject(line);
  if (!parsed.ok()) {
    const InvalidParam& p = parsed.error().invalid_params.at(0);
    return FieldError("regel", p.code, p.reason);
  }
  const Json& object = *parsed;
  RawFields fields;
  std::string huisnummer;
  for (const auto& [key, value] : object.items()) {
    std::optional<Column> c = FindColumn(key);
    if (!c) return FieldError(std::string(SafeName(key)), "onbekend", "Onbekend veld.");
    if (*c == kOuderBsn && value.is_null()) continue;
    if (*c == kHuisnummer) {
      if (!value.is_number_integer()) {
        return FieldError("huisnummer", "type", "Verwacht een geheel getal.");
      }
      huisnummer = value.is_number_unsigned() ? std::to_string(value.get<uint64_t>())
                                              : std::to_string(value.get<int64_t>());
      fields[kHuisnummer] = huisnummer;
      continue;
    }
    if (!value.is_string()) return FieldError(key, "type", "Verwacht tekst.");
    fields[*c] = value.get_ref<const std::string&>();
  }
  return Validate(fields, today);
}

}  // namespace jh::importer
