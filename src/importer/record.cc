#include "importer/record.h"

#include "core/schema.h"

namespace jh::importer {

namespace {

constexpr std::array<std::string_view, kColumnCount> kNames = {
    "bsn",          "voornamen", "geslachtsnaam", "geboortedatum", "geslacht",
    "gemeentecode", "postcode",  "huisnummer",    "ouderBsn"};

// The same length limit as the API's String("…", 200) for names (bytes).
constexpr size_t kMaxNameBytes = 200;
constexpr int64_t kMaxHuisnummer = 99999;

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF (as JSON requires).
bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      n = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      n = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

// Control characters have no place in a name and would garble the terminal of whoever reads
// a report; the API's JSON cannot carry them unescaped either.
bool HasControl(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

Result<std::string> Name(const RawFields& f, Column c) {
  const std::string field(ColumnName(c));
  const std::string_view v = *f[c];
  if (v.size() > kMaxNameBytes) {
    return FieldError(field, "lengte", "De lengte moet tussen 1 en 200 tekens liggen.");
  }
  if (!ValidUtf8(v) || HasControl(v)) {
    return FieldError(field, "tekens", "Geen geldige UTF-8-tekst zonder stuurtekens.");
  }
  return std::string(v);
}

// A Format of core/schema.h: the very check the API runs on this field.
Status Check(const schema::Format& format, const RawFields& f, Column c) {
  std::string reason = format.check(std::string(*f[c]));
  if (reason.empty()) return {};
  return FieldError(std::string(ColumnName(c)), format.code, std::move(reason));
}

Result<Bsn> ParseBsn(const RawFields& f, Column c) {
  auto bsn = Bsn::Parse(*f[c], ColumnName(c));
  if (bsn.ok()) return bsn;
  const InvalidParam& p = bsn.error().invalid_params.at(0);
  return FieldError(p.name, p.code, p.reason);
}

Result<int64_t> Huisnummer(std::string_view v) {
  Error refused =
      FieldError("huisnummer", "bereik", "Verwacht een geheel getal van 1 tot en met 99999.");
  // At most five digits, no leading zero: n stays far from overflowing.
  if (v.empty() || v.size() > 5 || v[0] == '0') return refused;
  int64_t n = 0;
  for (char ch : v) {
    if (ch < '0' || ch > '9') return refused;
    n = n * 10 + (ch - '0');
  }
  if (n < 1 || n > kMaxHuisnummer) return refused;
  return n;
}

}  // namespace

std::string_view ColumnName(Column column) { return kNames.at(column); }

std::optional<Column> FindColumn(std::string_view name) {
  for (size_t i = 0; i < kColumnCount; ++i) {
    if (kNames[i] == name) return static_cast<Column>(i);
  }
  return std::nullopt;
}

std::string_view SafeName(std::string_view name) {
  if (name.empty() || name.size() > 40) return "?";
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return "?";
  }
  return name;
}

Error FieldError(std::string field, std::string code, std::string reason) {
  Error e = Error::Invalid(std::move(field), std::move(code), reason);
  e.message = std::move(reason);
  return e;
}

Result<ImportRecord> Validate(const RawFields& f, const Date& today) {
  for (size_t i = 0; i < kColumnCount; ++i) {
    if (i != kOuderBsn && (!f[i] || f[i]->empty())) {
      return FieldError(std::string(kNames[i]), "verplicht", "Dit veld is verplicht.");
    }
  }
  static const schema::Format kGemeentecodeFormat = schema::GemeentecodeFormat();
  static const schema::Format kPostcodeFormat = schema::PostcodeFormat();
  ImportRecord r;
  services::Persoon& p = r.persoon;
  JH_ASSIGN_OR_RETURN(p.bsn, ParseBsn(f, kBsn));
  JH_ASSIGN_OR_RETURN(p.voornamen, Name(f, kVoornamen));
  JH_ASSIGN_OR_RETURN(p.geslachtsnaam, Name(f, kGeslachtsnaam));
  std::optional<Date> born = Date::Parse(*f[kGeboortedatum]);
  if (!born) {
    return FieldError("geboortedatum", "datum",
                      "Verwacht een bestaande datum in de vorm JJJJ-MM-DD.");
  }
  if (*born > today) {
    return FieldError("geboortedatum", "toekomst", "De geboortedatum ligt in de toekomst.");
  }
  p.geboortedatum = *born;
  const std::string_view g = *f[kGeslacht];
  if (g != "M" && g != "V" && g != "O") {
    return FieldError("geslacht", "enum", "Toegestaan: M, V, O.");
  }
  p.geslacht = std::string(g);
  JH_TRY(Check(kGemeentecodeFormat, f, kGemeentecode));
  p.gemeentecode = std::string(*f[kGemeentecode]);
  JH_TRY(Check(kPostcodeFormat, f, kPostcode));
  p.adres.postcode = std::string(*f[kPostcode]);
  JH_ASSIGN_OR_RETURN(p.adres.huisnummer, Huisnummer(*f[kHuisnummer]));
  if (f[kOuderBsn] && !f[kOuderBsn]->empty()) {
    JH_ASSIGN_OR_RETURN(r.ouder, ParseBsn(f, kOuderBsn));
    if (*r.ouder == *p.bsn) {
      return FieldError("ouderBsn", "zelfde-persoon",
                        "Een persoon heeft geen gezag over zichzelf.");
    }
  }
  return r;
}

}  // namespace jh::importer
