#include "http/negotiation.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace jh::api {

namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// The q-value `accept` gives `media`: that of the most specific matching range, 0 if none.
double Quality(const std::string& accept, const std::string& media) {
  const std::string type = media.substr(0, media.find('/'));
  int best_rank = -1;
  double best_q = 0;
  size_t pos = 0;
  while (pos <= accept.size()) {
    size_t comma = accept.find(',', pos);
    if (comma == std::string::npos) comma = accept.size();
    const std::string part = accept.substr(pos, comma - pos);
    pos = comma + 1;
    const std::string range = Lower(Trim(part.substr(0, part.find(';'))));
    double q = 1;
    for (size_t semi = part.find(';'); semi != std::string::npos; semi = part.find(';', semi + 1)) {
      const std::string param = Trim(part.substr(semi + 1, part.find(';', semi + 1) - semi - 1));
      if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
        char* end = nullptr;
        q = std::strtod(param.c_str() + 2, &end);
        if (end == param.c_str() + 2 || q < 0 || q > 1) q = 0;
      }
    }
    int rank = range == media ? 2 : range == type + "/*" ? 1 : range == "*/*" ? 0 : -1;
    if (rank > best_rank) {
      best_rank = rank;
      best_q = q;
    }
  }
  return best_rank < 0 ? 0 : best_q;
}

}  // namespace

std::string NegotiateMedia(const std::string& accept, const std::vector<Representation>& offered) {
  if (offered.empty() || Trim(accept).empty()) return "";
  std::string chosen;
  double best = Quality(accept, "application/json");
  for (const Representation& r : offered) {
    const double q = Quality(accept, r.media_type);
    if (q > best) {  // strictly better: a tie keeps JSON
      best = q;
      chosen = r.media_type;
    }
  }
  return chosen;
}

bool Acceptable(const std::string& accept, const std::vector<Representation>& offered) {
  if (Trim(accept).empty() || Quality(accept, "application/json") > 0) return true;
  return std::any_of(offered.begin(), offered.end(),
                     [&](const Representation& r) { return Quality(accept, r.media_type) > 0; });
}

bool IsJsonMediaType(const std::string& content_type) {
  std::string media = content_type.substr(0, content_type.find(';'));
  media.erase(
      std::remove_if(media.begin(), media.end(), [](unsigned char c) { return std::isspace(c); }),
      media.end());
  return Lower(std::move(media)) == "application/json";
}

}  // namespace jh::api
