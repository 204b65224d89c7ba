#include "changes/confirmation_store.hpp"

#include <stdexcept>

#include <openssl/rand.h>

#include "changes/guard_rails.hpp"
#include "util/date.hpp"

namespace changes {

namespace {

std::string random_token() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no randomness for a confirmation token");
  static const char* const kHex = "0123456789abcdef";
  std::string token = "tmc_";
  for (unsigned char b : bytes) {
    token += kHex[b >> 4];
    token += kHex[b & 15];
  }
  return token;
}

const char* const kPreviewAgain = "Call tiktok_marketing_change again without confirm to get a fresh preview and token.";

// What differs between the call a token was issued for and this one, or empty.
std::string difference(const Binding& issued, const Binding& now) {
  if (issued.entity != now.entity) return "entity " + issued.entity + ", not " + now.entity;
  if (issued.action != now.action) return "action " + issued.action + ", not " + now.action;
  if (issued.advertiser_id != now.advertiser_id) {
    return "advertiser " + issued.advertiser_id + ", not " + now.advertiser_id;
  }
  for (const auto& [name, value] : issued.params.items()) {
    if (!now.params.contains(name)) return "params." + name + " = " + value.dump() + ", which this call leaves out";
    if (now.params[name] != value) {
      return "params." + name + " = " + value.dump() + ", not " + now.params[name].dump();
    }
  }
  for (const auto& [name, value] : now.params.items()) {
    if (!issued.params.contains(name)) return "no params." + name + " (this call adds " + value.dump() + ")";
  }
  return "";
}

}  // namespace

Binding Binding::of(const ChangeRequest& request) {
  return {request.entity->name, request.action->name, request.advertiser_id, request.params};
}

ConfirmationStore::ConfirmationStore(Clock clock) : clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

void ConfirmationStore::prune(std::chrono::system_clock::time_point now) {
  std::erase_if(pending_, [now](const auto& entry) { return entry.second.expires_at <= now; });
  std::erase_if(used_, [now](const auto& entry) { return entry.second <= now; });
  while (pending_.size() >= kMaxPending) {
    auto oldest = pending_.begin();
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
      if (it->second.expires_at < oldest->second.expires_at) oldest = it;
    }
    pending_.erase(oldest);
  }
}

ConfirmationStore::Issued ConfirmationStore::issue(Binding binding, Plan plan) {
  const auto now = clock_();
  Issued issued{random_token(), now + kLifetime};
  std::lock_guard lock(mutex_);
  prune(now);
  pending_[issued.token] = Pending{std::move(binding), std::move(plan), issued.expires_at};
  return issued;
}

Pending ConfirmationStore::redeem(const std::string& token, const Binding& binding) {
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  auto it = pending_.find(token);
  if (it == pending_.end()) {
    if (used_.count(token)) refuse("this confirm token was already used; a token applies a change once", kPreviewAgain);
    refuse("unknown or expired confirm token (a token lasts 5 minutes and belongs to the server that issued it)",
           kPreviewAgain);
  }
  if (const auto expired_at = it->second.expires_at; expired_at <= now) {
    pending_.erase(it);
    refuse("this confirm token expired at " + util::format_utc_time(expired_at) + " (tokens last 5 minutes)", kPreviewAgain);
  }
  if (auto diff = difference(it->second.binding, binding); !diff.empty()) {
    refuse("this confirm token was issued for " + diff + "; it confirms exactly the previewed call",
           "Call again with the same entity, action and params as the preview, or preview the new call.");
  }
  Pending taken = std::move(it->second);
  used_[token] = taken.expires_at;
  pending_.erase(it);
  return taken;
}

}  // namespace changes
