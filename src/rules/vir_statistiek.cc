#include "rules/vir_statistiek.h"

namespace jh::rules {

namespace {
constexpr std::string_view kVir16Ground = "Jw 7.1.2.3(1)(h)";
}

Decision Vir16(int64_t aantal) {
  if (aantal < kVir16Drempel) {
    return Decision::Refuse("VIR-16", kVir16Ground,
                            "Een aantal onder de vijf kan naar personen herleid worden.");
  }
  return Decision::Allow("VIR-16", kVir16Ground, "Het aantal is groot genoeg om te tonen.");
}

std::optional<int64_t> Vir16Cel(int64_t aantal) {
  if (!Vir16(aantal).allowed) return std::nullopt;
  return aantal;
}

Decision Vir16Rapport(bool beheerder, std::string_view eigen_gemeente,
                      std::string_view gevraagde_gemeente) {
  if (beheerder) return Decision::Allow("VIR-16", kVir16Ground, "Beheer ziet elke gemeente.");
  if (eigen_gemeente != gevraagde_gemeente) {
    return Decision::Refuse("VIR-16", kVir16Ground,
                            "Een gemeentemedewerker ziet alleen de cijfers van de eigen gemeente.");
  }
  return Decision::Allow("VIR-16", kVir16Ground, "De cijfers van de eigen gemeente.");
}

}  // namespace jh::rules
