#include "services/medewerker_tokens.h"

#include <sodium.h>

#include <algorithm>

#include "audit/register.h"
#include "crypto/vault.h"
#include "services/write.h"

namespace jh::services {

namespace {

constexpr size_t kKenmerkBytes = 8;

std::string KenmerkOfHash(std::string_view hash) {
  const size_t n = std::min(kKenmerkBytes, hash.size());
  char hex[2 * kKenmerkBytes + 1];
  sodium_bin2hex(hex, sizeof hex, reinterpret_cast<const unsigned char*>(hash.data()), n);
  return std::string(hex);
}

TokenInfo TokenFromRow(const store::Row& r) {  // hash, aangemaakt_op, geldig_tot, ingetrokken_op
  return TokenInfo{KenmerkOfHash(r.Bytes(0)), r.Text(1), r.OptText(2), r.OptText(3)};
}

Result<bool> MedewerkerExists(store::Tx& tx, const std::string& id) {
  JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query("SELECT 1 FROM medewerkers WHERE id = $1", {id}));
  return !rows.empty();
}

constexpr const char* kSelectTokens =
    "SELECT hash, aangemaakt_op, geldig_tot, ingetrokken_op FROM tokens WHERE medewerker_id = $1";

}  // namespace

std::string TokenKenmerk(std::string_view token) { return KenmerkOfHash(crypto::TokenHash(token)); }

bool IsTokenKenmerk(std::string_view text) {
  if (text.size() != 2 * kKenmerkBytes) return false;
  for (char ch : text) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

Result<PageOf<TokenInfo>> ListMedewerkerTokens(Env& env, const std::string& medewerker_id,
                                               const Page& page) {
  PageOf<TokenInfo> out;
  out.page = page;
  bool exists = false;
  JH_TRY(env.store.Read([&](store::Tx& tx) -> Status {
    out.items.clear();
    JH_ASSIGN_OR_RETURN(exists, MedewerkerExists(tx, medewerker_id));
    if (!exists) return {};
    JH_ASSIGN_OR_RETURN(
        store::Rows n,
        tx.Query("SELECT COUNT(*) FROM tokens WHERE medewerker_id = $1", {medewerker_id}));
    out.totaal = n.at(0).Int(0);
    JH_ASSIGN_OR_RETURN(store::Rows rows,
                        tx.Query(std::string(kSelectTokens) +
                                     " ORDER BY aangemaakt_op DESC, hash LIMIT $2 OFFSET $3",
                                 {medewerker_id, page.pagina_grootte, page.Offset()}));
    for (const store::Row& r : rows) out.items.push_back(TokenFromRow(r));
    return {};
  }));
  if (!exists) return Error::NotFound("De medewerker bestaat niet.");
  Processed(env, audit::kMedewerkerBeheer, "tokens inzien", "medewerker", medewerker_id);
  return out;
}

Result<TokenInfo> RevokeMedewerkerToken(Env& env, const std::string& medewerker_id,
                                        const std::string& kenmerk) {
  bool exists = false;
  bool al_ingetrokken = false;
  std::optional<TokenInfo> token;
  JH_TRY(Write(env, [&](store::Tx& tx) -> Status {
    token.reset();
    al_ingetrokken = false;
    JH_ASSIGN_OR_RETURN(exists, MedewerkerExists(tx, medewerker_id));
    if (!exists) return {};
    // A medewerker has a handful of tokens: they are matched here rather than by a prefix of
    // the hash in SQL, which the two stores would each spell differently.
    JH_ASSIGN_OR_RETURN(store::Rows rows, tx.Query(kSelectTokens, {medewerker_id}));
    for (const store::Row& r : rows) {
      if (KenmerkOfHash(r.Bytes(0)) != kenmerk) continue;
      token = TokenFromRow(r);
      if (token->ingetrokken_op) {
        al_ingetrokken = true;
        return {};
      }
      token->ingetrokken_op = env.clock.NowRfc3339();
      JH_TRY(tx.Exec("UPDATE tokens SET ingetrokken_op = $2 WHERE hash = $1",
                     {store::Blob{r.Bytes(0)}, *token->ingetrokken_op}));
      Processed(env, audit::kMedewerkerBeheer, "token intrekken", "medewerker", medewerker_id);
      return {};
    }
    return {};
  }));
  if (!exists) return Error::NotFound("De medewerker bestaat niet.");
  if (!token) return Error::NotFound("De medewerker heeft geen token met dit kenmerk.");
  if (al_ingetrokken) return Error::Conflict("Dit token is al ingetrokken.");
  return *token;
}

}  // namespace jh::services
