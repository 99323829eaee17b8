#include "services/token_geldigheid.h"

namespace jh::services {

Result<std::optional<std::string>> TokenGeldigTot(const std::optional<Date>& gevraagd,
                                                  const Date& today) {
  if (!gevraagd) return std::optional<std::string>();
  if (*gevraagd < today) {
    return Error::Invalid("geldigTot", "verleden",
                          "De laatste geldige dag van een token ligt niet in het verleden.");
  }
  if (today.AddYears(kTokenHoogstensJaren) < *gevraagd) {
    return Error::Invalid("geldigTot", "te-ver",
                          "Een token is hoogstens een jaar geldig; geef een eerdere laatste dag.");
  }
  return std::optional<std::string>(gevraagd->ToString());
}

}  // namespace jh::services
