// One medewerker's tokens one by one: the list a beheerder sees and the revocation of a single
// token (a lost phone), beside revoking all of them (services/medewerkers.h).
//
// A token has no id of its own in the store, which keeps only its SHA-256 hash. Its public
// name, the kenmerk, is the first 8 bytes of that hash in hex: shown when the token is issued,
// it names the token in the list and in the revocation without saying anything about the
// token itself (finding a token for a kenmerk means inverting SHA-256).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "services/common.h"
#include "services/env.h"

namespace jh::services {

struct TokenInfo {
  std::string kenmerk;
  std::string aangemaakt_op;
  std::optional<std::string> geldig_tot;      // last valid day, inclusive
  std::optional<std::string> ingetrokken_op;  // when it was revoked
};

// The kenmerk of a token (16 lowercase hex digits).
[[nodiscard]] std::string TokenKenmerk(std::string_view token);
// Whether `text` has the form of a kenmerk.
[[nodiscard]] bool IsTokenKenmerk(std::string_view text);

// The medewerker's tokens, newest first. Errors: kNotFound when the medewerker does not exist.
[[nodiscard]] Result<PageOf<TokenInfo>> ListMedewerkerTokens(Env& env,
                                                             const std::string& medewerker_id,
                                                             const Page& page);

// Revokes the medewerker's token with this kenmerk and returns it as it now is.
// Errors: kNotFound when the medewerker or his token with this kenmerk does not exist;
// kConflict when the token was revoked before.
[[nodiscard]] Result<TokenInfo> RevokeMedewerkerToken(Env& env, const std::string& medewerker_id,
                                                      const std::string& kenmerk);

}  // namespace jh::services
