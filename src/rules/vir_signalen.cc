#include "rules/vir_signalen.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>

namespace jh::rules {

namespace {

SignaalSoort SoortVan(Verband v) {
  switch (v) {
    case Verband::kZelfdeJeugdige:
      return SignaalSoort::kJeugdige;
    case Verband::kGezin:
      return SignaalSoort::kGezin;
    case Verband::kAdres:
      return SignaalSoort::kAdres;
  }
  return SignaalSoort::kJeugdige;
}

// The signals of one kind of match among `groep` (active registrations related to the new
// one). The regie hears of every registration of the group; a melder is told only of other
// melders' registrations: a signal with nothing but his own contact details says nothing.
void SignalenVoor(SignaalSoort soort, const NieuweRegistratie& nieuw,
                  const std::vector<const BestaandeRegistratie*>& groep,
                  std::vector<Signaal>& uit) {
  if (groep.empty()) return;
  const bool verschillend = soort != SignaalSoort::kJeugdige;
  std::vector<std::string> anderen;  // of other melders: what the new melder is told of
  std::vector<std::string> allen;
  std::set<std::string> gemeenten = {nieuw.gemeentecode};
  for (const BestaandeRegistratie* b : groep) {
    allen.push_back(b->id);
    gemeenten.insert(b->gemeentecode);
    if (b->melder_id == nieuw.melder_id) continue;
    anderen.push_back(b->id);
    uit.push_back(Signaal{soort, b->id, b->melder_id, "", verschillend, {nieuw.id}});
  }
  if (!anderen.empty()) {
    uit.push_back(Signaal{soort, nieuw.id, nieuw.melder_id, "", verschillend, anderen});
  }
  allen.push_back(nieuw.id);
  for (const std::string& g : gemeenten) {
    uit.push_back(Signaal{soort, nieuw.id, "", g, verschillend, allen});
  }
}

}  // namespace

std::string_view SignaalSoortNaam(SignaalSoort soort) {
  switch (soort) {
    case SignaalSoort::kJeugdige:
      return "jeugdige";
    case SignaalSoort::kGezin:
      return "gezin";
    case SignaalSoort::kAdres:
      return "adres";
    case SignaalSoort::kHistorisch:
      return "historisch";
    case SignaalSoort::kVerhuizing:
      return "verhuizing";
  }
  return "jeugdige";
}

std::vector<Signaal> Vir06Vir07Vir12Signalen(const NieuweRegistratie& nieuw,
                                             const std::vector<BestaandeRegistratie>& bestaand) {
  // Each registration once, under its closest relation (the enum is ordered by closeness).
  std::map<std::string, const BestaandeRegistratie*> dichtstbij;
  std::vector<std::string> volgorde;  // keeps the output in input order, so it is stable
  for (const BestaandeRegistratie& b : bestaand) {
    if (b.id == nieuw.id) continue;
    // His own archived registration tells the melder nothing; left unsignalled, it can still
    // give its one signal (VIR-12) to another melder. (His own active one on the same youth
    // cannot exist: a second registration is refused.)
    if (b.melder_id == nieuw.melder_id && !b.actief) continue;
    if (b.verband == Verband::kAdres && b.adres_uitgesloten) continue;
    if (!b.actief && b.verband != Verband::kZelfdeJeugdige) continue;
    auto [it, inserted] = dichtstbij.emplace(b.id, &b);
    if (inserted) {
      volgorde.push_back(b.id);
    } else if (b.verband < it->second->verband) {
      it->second = &b;
    }
  }
  std::vector<const BestaandeRegistratie*> per_soort[3];
  std::vector<std::string> archief;
  for (const std::string& id : volgorde) {
    const BestaandeRegistratie* b = dichtstbij[id];
    if (!b->actief) {
      archief.push_back(b->id);
    } else {
      per_soort[static_cast<int>(b->verband)].push_back(b);
    }
  }
  std::vector<Signaal> uit;
  for (Verband v : {Verband::kZelfdeJeugdige, Verband::kGezin, Verband::kAdres}) {
    SignalenVoor(SoortVan(v), nieuw, per_soort[static_cast<int>(v)], uit);
  }
  if (!archief.empty()) {
    uit.push_back(
        Signaal{SignaalSoort::kHistorisch, nieuw.id, nieuw.melder_id, "", false, archief});
  }
  return uit;
}

std::vector<Signaal> Vir14Verhuizing(const std::vector<ActieveRegistratie>& actief,
                                     std::string_view oude_gemeente,
                                     std::string_view nieuwe_gemeente) {
  std::vector<Signaal> uit;
  for (const ActieveRegistratie& r : actief) {
    Signaal s{SignaalSoort::kVerhuizing, r.id, r.melder_id, "", false, {}};
    for (const ActieveRegistratie& ander : actief) {
      if (ander.id != r.id) s.betrokkenen.push_back(ander.id);
    }
    uit.push_back(std::move(s));
  }
  if (!actief.empty() && oude_gemeente != nieuwe_gemeente) {
    Signaal regie{
        SignaalSoort::kVerhuizing, actief.front().id, "", std::string(nieuwe_gemeente), false, {}};
    for (const ActieveRegistratie& r : actief) regie.betrokkenen.push_back(r.id);
    uit.push_back(std::move(regie));
  }
  return uit;
}

SignaalNaVerwijdering Vir11Vir12SignaalNaVerwijdering(SignaalSoort soort,
                                                      std::string_view melding_id,
                                                      const std::vector<std::string>& betrokkenen,
                                                      std::string_view weg) {
  if (melding_id == weg) return SignaalNaVerwijdering::kVervalt;
  if (std::find(betrokkenen.begin(), betrokkenen.end(), weg) == betrokkenen.end()) {
    return SignaalNaVerwijdering::kOngewijzigd;
  }
  if (soort == SignaalSoort::kVerhuizing) return SignaalNaVerwijdering::kZonderBetrokkene;
  // A regie signal lists its cause among the betrokkenen; that one alone is no match.
  const bool ander_over = std::any_of(betrokkenen.begin(), betrokkenen.end(),
                                      [&](const auto& b) { return b != weg && b != melding_id; });
  return ander_over ? SignaalNaVerwijdering::kZonderBetrokkene : SignaalNaVerwijdering::kVervalt;
}

Decision Vir09(std::string_view rol, std::string_view gemeente_regievoerder,
               std::string_view gemeente_signaal) {
  constexpr std::string_view kGrond = "Jw 7.1.3.2";
  if (rol != "regievoerder") {
    return Decision::Refuse("VIR-09", kGrond, "Alleen de regievoerder legt afstemmingen vast.");
  }
  if (gemeente_signaal.empty() || gemeente_regievoerder != gemeente_signaal) {
    return Decision::Refuse("VIR-09", kGrond,
                            "Dit signaal is niet gericht aan de regie van uw gemeente.");
  }
  return Decision::Allow("VIR-09", kGrond, "Regievoerder van de gemeente van de jeugdige.");
}

bool Vir10Archiveren(std::string_view reden) { return reden == "risico-weg"; }

namespace {

// The lowercase of an uppercase Latin letter of U+00C0 … U+017F (Latin-1 Supplement and Latin
// Extended-A, which cover the names of the Dutch register), or `cp` itself.
uint32_t LowerLatin(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0x178) return 0xFF;  // Ÿ
  const bool even_upper = (cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
  const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  if ((even_upper && cp % 2 == 0) || (odd_upper && cp % 2 == 1)) return cp + 1;
  return cp;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else {  // two bytes suffice below U+0800, and only such code points are ever changed
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string Vir05Familienaam(std::string_view familienaam) {
  std::string naam;
  bool letter = false;
  for (size_t i = 0; i < familienaam.size(); ++i) {
    const auto c = static_cast<unsigned char>(familienaam[i]);
    if (c == ' ' || c == '-' || c == '\'' || c == '\t' || c == '.' || c == '`') continue;
    // The typographic apostrophes (U+2018, U+2019) are apostrophes too: D’Souza.
    if (c == 0xE2 && familienaam.substr(i, 3) == "\xE2\x80\x99") {
      i += 2;
      continue;
    }
    if (c == 0xE2 && familienaam.substr(i, 3) == "\xE2\x80\x98") {
      i += 2;
      continue;
    }
    if (c < 0x80) {
      naam.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                          : static_cast<char>(c));
      letter = letter || std::isalpha(c) != 0;
      continue;
    }
    letter = true;  // a letter outside ASCII; other marks would still be a name
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < familienaam.size()) {
      const auto next = static_cast<unsigned char>(familienaam[i + 1]);
      AppendUtf8(naam, LowerLatin(((c & 0x1Fu) << 6) | (next & 0x3Fu)));
      ++i;
      continue;
    }
    naam.push_back(static_cast<char>(c));
  }
  return letter ? naam : std::string();
}

std::string Vir05ServicenummerBron(std::string_view familienaam, std::string_view geboortedatum,
                                   std::string_view geslacht) {
  return "vsn|" + Vir05Familienaam(familienaam) + "|" + std::string(geboortedatum) + "|" +
         std::string(geslacht);
}

}  // namespace jh::rules
