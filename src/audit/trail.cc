#include "audit/trail.h"

#include "audit/chain.h"
#include "audit/register.h"
#include "http/trace.h"

namespace jh::audit {

Trail::Trail(TraceIds trace, const auth::Actor* actor, const crypto::Vault& vault,
             const Clock& clock)
    : trace_(std::move(trace)),
      actor_(actor),
      vault_(vault),
      clock_(clock),
      started_(clock.NowRfc3339()) {}

std::string Trail::SubjectPseudonym(const crypto::Vault& vault, const std::string& subject_type,
                                    const std::string& subject_id) {
  return vault.Pseudonym(subject_type + ":" + subject_id);
}

Trail SystemTrail(const crypto::Vault& vault, const Clock& clock) {
  static const auth::Actor kSystem = auth::Actor::System();
  http::TraceContext trace = http::StartSpan("");
  return Trail({trace.trace_id, trace.span_id, ""}, &kSystem, vault, clock);
}

void Trail::Decide(Decision decision) {
  entries_.push_back(Entry{std::move(decision), http::NewSpanId(), clock_.NowRfc3339()});
}

void Trail::Processed(Processing processing) {
  entries_.push_back(Entry{std::move(processing), http::NewSpanId(), clock_.NowRfc3339()});
}

void Trail::Truncate(size_t size) { entries_.resize(std::max(size, committed_)); }

void Trail::ForgetCommitted() {
  entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(committed_));
  flushed_ -= std::min(flushed_, committed_);
  committed_ = 0;
}

Status Trail::Flush(store::Tx& tx) {
  static const auth::Actor kNobody = [] {
    auth::Actor a;
    a.kind = auth::ActorKind::kSystem;
    a.id = "anoniem";
    return a;
  }();
  const auth::Actor& actor = actor_ != nullptr ? *actor_ : kNobody;
  const char* kind = actor.IsMedewerker() ? "medewerker" : actor.IsBurger() ? "burger" : "systeem";
  const std::string controller = actor.IsMedewerker() ? actor.organisatie_id : "systeem";
  HeadCache heads;  // one read of each chain's head for the whole run of appends
  for (size_t i = committed_; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    if (const auto* decision = std::get_if<Decision>(&e.what)) {
      const Decision& d = *decision;
      JH_TRY(Append(tx, Chain::kBesluiten,
                    {e.time, trace_.trace_id, e.span_id, kind, actor.id, actor.rol,
                     actor.organisatie_id, d.action, d.resource_type, d.resource_id,
                     d.allowed ? "allow" : "deny", d.rule, d.ground, d.reason, kRulesetVersion},
                    &heads));
    } else {
      const Processing& p = std::get<Processing>(e.what);
      JH_TRY(Append(tx, Chain::kVerwerkingen,
                    {trace_.trace_id, e.span_id, trace_.span_id, p.name, started_, e.time,
                     p.ok ? "1" : "2", "jeugdhulp", JH_VERSION, ActiviteitUri(p.activity_id),
                     SubjectPseudonym(vault_, p.subject_type, p.subject_id),
                     "pseudoniem-" + p.subject_type, controller, kind, actor.id, actor.rol},
                    &heads));
    }
  }
  flushed_ = entries_.size();
  return {};
}

}  // namespace jh::audit
