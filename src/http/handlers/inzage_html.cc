#include "http/handlers/inzage_html.h"

namespace jh::api {

namespace {

// Everything shown is escaped: names and log texts come from the store, not from us.
std::string Esc(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string Text(const Json& j) {
  if (j.is_string()) return Esc(j.get<std::string>());
  if (j.is_null()) return "";
  return Esc(j.dump());
}

std::string Row(const std::string& label, const Json& value) {
  return "<tr><th scope=\"row\">" + Esc(label) + "</th><td>" + Text(value) + "</td></tr>\n";
}

}  // namespace

std::string InzageHtml(const Json& z) {
  const Json& p = z["persoon"];
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
      "<title>Inzage in uw gegevens</title>"
      "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}"
      "table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em;"
      "text-align:left;vertical-align:top}</style></head><body>\n"
      "<h1>Inzage in uw gegevens</h1>\n<p>Context: " +
      Text(z["context"]) +
      ". Dit overzicht toont de gegevens die over de betrokkene zijn vastgelegd en wie ze "
      "heeft verwerkt (AVG artikel 15). Wie een melding deed bij Veilig Thuis, wordt niet "
      "getoond.</p>\n<h2>Persoonsgegevens</h2>\n<table>\n" +
      Row("Voornamen", p["voornamen"]) + Row("Geslachtsnaam", p["geslachtsnaam"]) +
      Row("Geboortedatum", p["geboortedatum"]) + Row("Gemeente", p["gemeentecode"]) +
      Row("Postcode", p["adres"]["postcode"]) + Row("Huisnummer", p["adres"]["huisnummer"]) +
      "</table>\n<h2>Vastgelegde gegevens</h2>\n<table>\n"
      "<tr><th>Datum</th><th>Soort</th><th>Status</th><th>Omschrijving</th></tr>\n";
  for (const Json& g : z["gegevens"]) {
    h += "<tr><td>" + Text(g["datum"]) + "</td><td>" + Text(g["soort"]) + "</td><td>" +
         Text(g["status"]) + "</td><td>" + Text(g["omschrijving"]) + "</td></tr>\n";
  }
  h += "</table>\n<h2>Gecorrigeerde gegevens</h2>\n<table>\n"
       "<tr><th>Wanneer</th><th>Gegeven</th><th>Was</th><th>Is nu</th></tr>\n";
  for (const Json& c : z.value("correcties", Json::array())) {
    h += "<tr><td>" + Text(c["gecorrigeerdOp"]) + "</td><td>" + Text(c["veld"]) + "</td><td>" +
         Text(c["oudeWaarde"]) + "</td><td>" + Text(c["nieuweWaarde"]) + "</td></tr>\n";
  }
  h += "</table>\n<h2>Wie heeft uw gegevens verwerkt</h2>\n<table>\n"
       "<tr><th>Wanneer</th><th>Wie</th><th>Wat</th><th>Waarvoor</th></tr>\n";
  for (const Json& m : z["logboek"]["resultaten"]) {
    h += "<tr><td>" + Text(m["tijdstip"]) + "</td><td>" + Text(m["wie"]) + "</td><td>" +
         Text(m["wat"]) + "</td><td>" + Text(m["waarom"]) + "</td></tr>\n";
  }
  h += "</table>\n<p>Pagina " + Text(z["logboek"]["pagina"]) + " van het logboek; " +
       Text(z["logboek"]["totaal"]) + " verwerkingen in totaal.</p>\n</body></html>\n";
  return h;
}

}  // namespace jh::api
