#include "auth/authenticator.h"

#include "crypto/vault.h"

namespace jh::auth {

Actor Actor::System() {
  Actor a;
  a.kind = ActorKind::kSystem;
  a.id = "systeem";
  a.rol = "beheerder";
  return a;
}

namespace {
// The token of an "Authorization: Bearer <token>" header, or "" when the header has another
// form. The scheme is case-insensitive (RFC 9110 11.1: "bearer" is Bearer too), and one or
// more spaces may separate it from the token (11.4: 1*SP).
std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size()) return {};
  for (size_t i = 0; i < kScheme.size(); ++i) {
    char c = authorization[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kScheme[i]) return {};
  }
  size_t start = kScheme.size();
  if (authorization[start] != ' ') return {};
  while (start < authorization.size() && authorization[start] == ' ') ++start;
  return authorization.substr(start);
}

bool IsLowerHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}
}  // namespace

Result<Actor> Authenticate(store::Store& store, std::string_view authorization, const Date& today) {
  if (authorization.empty()) return Error::Unauthenticated("Er is geen token meegestuurd.");
  const std::string_view token = BearerToken(authorization);
  if (!IsLowerHex64(token)) {
    return Error::Unauthenticated("Het token heeft niet de verwachte vorm (Bearer <token>).");
  }
  const std::string hash = crypto::TokenHash(token);
  // One statement, so its own snapshot (Store::ReadOne): every authenticated request runs it.
  JH_ASSIGN_OR_RETURN(
      store::Rows rows,
      store.ReadOne("SELECT t.hash, t.soort, t.medewerker_id, t.persoon_id, m.rol, "
                    "m.meldingsbevoegd, o.id, o.soort, o.gemeentecode "
                    "FROM tokens t LEFT JOIN medewerkers m ON m.id = t.medewerker_id "
                    "LEFT JOIN organisaties o ON o.id = m.organisatie_id "
                    "WHERE t.hash = $1 AND t.ingetrokken_op IS NULL "
                    "AND (t.geldig_tot IS NULL OR t.geldig_tot >= $2)",
                    {store::Blob{hash}, today.ToString()}));
  // The lookup was by hash; compare once more in constant time so that no code path depends
  // on a variable-time comparison of secret material.
  const bool found = !rows.empty() && crypto::ConstantTimeEquals(rows[0].Bytes(0), hash);
  if (!found) return Error::Unauthenticated("Het token is onbekend, ingetrokken of verlopen.");
  const store::Row& r = rows[0];
  Actor actor;
  if (r.Text(1) == "burger") {
    actor.kind = ActorKind::kBurger;
    actor.id = r.Text(3);
  } else {
    actor.kind = ActorKind::kMedewerker;
    actor.id = r.Text(2);
    actor.rol = r.Text(4);
    actor.meldingsbevoegd = r.Int(5) != 0;
    actor.organisatie_id = r.Text(6);
    actor.organisatie_soort = r.Text(7);
    actor.gemeentecode = r.Text(8);
  }
  return actor;
}

}  // namespace jh::auth
