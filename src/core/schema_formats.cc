// The string formats of the API, checked by hand (no regex engine runs on user input).
#include <cctype>

#include "core/bsn.h"
#include "core/date.h"
#include "core/schema.h"

namespace jh::schema {

namespace {
bool AllDigits(const std::string& s, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}
}  // namespace

Format DateFormat() {
  return {"date", "", "datum", [](const std::string& s) -> std::string {
            return Date::Parse(s) ? "" : "Verwacht een bestaande datum in de vorm JJJJ-MM-DD.";
          }};
}

Format BsnFormat() {
  return {"", "^[0-9]{1,9}$", "elfproef", [](const std::string& s) -> std::string {
            auto r = Bsn::Parse(s);
            return r.ok() ? "" : r.error().invalid_params.at(0).reason;
          }};
}

Format GemeentecodeFormat() {
  return {"", "^GM[0-9]{4}$", "gemeentecode", [](const std::string& s) -> std::string {
            bool ok = s.size() == 6 && s[0] == 'G' && s[1] == 'M' && AllDigits(s, 2, 6);
            return ok ? "" : "Verwacht GM gevolgd door 4 cijfers, bijvoorbeeld GM0363.";
          }};
}

Format PostcodeFormat() {
  return {"", "^[1-9][0-9]{3}[A-Z]{2}$", "postcode", [](const std::string& s) -> std::string {
            bool ok = s.size() == 6 && s[0] >= '1' && s[0] <= '9' && AllDigits(s, 1, 4) &&
                      std::isupper(static_cast<unsigned char>(s[4])) &&
                      std::isupper(static_cast<unsigned char>(s[5]));
            return ok ? "" : "Verwacht 4 cijfers en 2 hoofdletters zonder spatie, bijv. 1234AB.";
          }};
}

Format AgbFormat() {
  return {"", "^[0-9]{8}$", "agb", [](const std::string& s) -> std::string {
            return s.size() == 8 && AllDigits(s, 0, 8) ? "" : "Een AGB-code heeft 8 cijfers.";
          }};
}

Format UuidFormat() {
  return {"uuid", "", "uuid", [](const std::string& s) -> std::string {
            if (s.size() != 36) return "Verwacht een UUID.";
            for (size_t i = 0; i < s.size(); ++i) {
              bool dash = i == 8 || i == 13 || i == 18 || i == 23;
              char c = s[i];
              bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
              if (dash ? c != '-' : !hex) return "Verwacht een UUID.";
            }
            return "";
          }};
}

Format EmailFormat() {
  return {"email", "", "email", [](const std::string& s) -> std::string {
            auto at = s.find('@');
            bool ok = at != std::string::npos && at > 0 &&
                      s.find('@', at + 1) == std::string::npos &&
                      s.find('.', at) != std::string::npos && s.back() != '.' &&
                      s.find_first_of(" \t\r\n<>") == std::string::npos && s.size() <= 254;
            return ok ? "" : "Verwacht een e-mailadres.";
          }};
}

Format PhoneFormat() {
  return {"", "^[0-9 +()-]{6,20}$", "telefoon", [](const std::string& s) -> std::string {
            if (s.size() < 6 || s.size() > 20) return "Verwacht 6 tot 20 tekens.";
            for (char c : s) {
              bool ok = (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' ||
                        c == ')';
              if (!ok) return "Alleen cijfers, spaties en + - ( ) zijn toegestaan.";
            }
            return "";
          }};
}

}  // namespace jh::schema
