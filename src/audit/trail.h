// The audit trail of one request: the processing records (LDV) and authorisation decisions
// (ADL) it produced, buffered until they are written into the chains inside a write
// transaction. A request is answered only after its records are durable:
//   - a service that writes calls Flush inside its own transaction (see services/write.h),
//     so data and log records commit together;
//   - whatever is still pending when the handler returns (reads, refusals) is flushed by
//     the API pipeline in one more write before the response goes out.
// If a transaction is retried, Flush writes the same pending records again; records count
// as written only after Committed().
//
// Thread-safety: one Trail per request, used by one thread.
#pragma once

#include <algorithm>
#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "auth/actor.h"
#include "core/clock.h"
#include "core/result.h"
#include "crypto/vault.h"
#include "store/store.h"

namespace jh::audit {

// The version of the rules that decide; written into every ADL record.
inline constexpr const char* kRulesetVersion = "2026.11.1";

struct TraceIds {
  std::string trace_id;        // 32 hex
  std::string span_id;         // 16 hex: the request's span
  std::string parent_span_id;  // 16 hex or ""
};

// One processing of personal data of one data subject.
struct Processing {
  std::string activity_id;   // an id of the register (audit/register.h)
  std::string name;          // what was done, e.g. "persoon registreren"
  std::string subject_type;  // "persoon" or "medewerker"
  std::string subject_id;    // the internal id; only its pseudonym is stored
  bool ok = true;
};

// One authorisation decision.
struct Decision {
  std::string action;         // the operation, e.g. "createPersoon"
  std::string resource_type;  // e.g. "persoon"
  std::string resource_id;    // an internal id or ""
  bool allowed = false;
  std::string rule;    // RULES.md id, or "" for a role check
  std::string ground;  // legal source of the rule, or ""
  std::string reason;  // Dutch, never personal data
};

class Trail {
 public:
  Trail(TraceIds trace, const auth::Actor* actor, const crypto::Vault& vault, const Clock& clock);

  void Decide(Decision decision);
  void Processed(Processing processing);

  bool HasPending() const { return committed_ < entries_.size(); }
  size_t size() const { return entries_.size(); }
  // Drops entries added after `size` that are not committed (a transaction that failed or
  // is retried starts over from there).
  void Truncate(size_t size);
  // Appends every record not yet committed to the chains, inside `tx`.
  [[nodiscard]] Status Flush(store::Tx& tx);
  // Marks what the last Flush wrote as committed.
  void Committed() { committed_ = flushed_; }
  // Drops the committed entries from memory. A trail that lives for a long run (the bulk
  // import writes millions of records under one trace) would otherwise keep them all.
  void ForgetCommitted();

  // The pseudonym stored as dpl.core.data_subject_id for a subject (same for everyone).
  static std::string SubjectPseudonym(const crypto::Vault& vault, const std::string& subject_type,
                                      const std::string& subject_id);

 private:
  struct Entry {
    // One or the other: an import buffers some 100,000 entries per batch, so an entry
    // carries only the strings of its kind.
    std::variant<Decision, Processing> what;
    std::string span_id;
    std::string time;  // RFC 3339, when it happened
  };
  TraceIds trace_;
  const auth::Actor* actor_;
  const crypto::Vault& vault_;
  const Clock& clock_;
  std::string started_;  // request start, RFC 3339
  std::vector<Entry> entries_;
  size_t flushed_ = 0;
  size_t committed_ = 0;
};

// A trail for work the system does on its own (init, demo seeding, scheduled jobs): a fresh
// trace and the system actor, so that work is logged like any request.
Trail SystemTrail(const crypto::Vault& vault, const Clock& clock);

}  // namespace jh::audit
