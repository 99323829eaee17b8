// SHA-256 of a message held in memory, for the audit chains' record hashes (audit/chain.h).
//
// OpenSSL computes it: its SHA-256 uses the CPU's SHA instructions where there are any
// (the machine of docs/performance.md has them) and was 3x faster than libsodium's portable
// code on a record-sized message there. libsodium, which computed every hash before, stays
// as the fallback should OpenSSL fail (it can only fail to allocate): the bytes are the same.
#pragma once

#include <string>
#include <string_view>

namespace jh::crypto {

// 32 raw bytes.
std::string Sha256(std::string_view message);

}  // namespace jh::crypto
