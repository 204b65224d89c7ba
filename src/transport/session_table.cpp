#include "transport/session_table.hpp"

#include "log/logger.hpp"
#include "mcp/session.hpp"
#include "transport/event_stream.hpp"
#include "transport/session_id.hpp"

namespace transport {

namespace {

constexpr std::size_t kRememberedEnds = 1024;
// At shutdown, how long the calls in flight have to write their answers before streams close.
constexpr std::chrono::seconds kShutdownGrace{5};

}  // namespace

HttpSession::HttpSession(std::string id, std::shared_ptr<mcp::Session> session, std::shared_ptr<EventStream> stream,
                         Clock::time_point now)
    : id_(std::move(id)), session_(std::move(session)), stream_(std::move(stream)), last_used_(now.time_since_epoch().count()) {}

SessionUse::SessionUse(std::shared_ptr<HttpSession> session, std::function<HttpSession::Clock::time_point()> now)
    : session_(std::move(session)), now_(std::move(now)) {
  ++session_->users_;
}

SessionUse::~SessionUse() {
  if (!session_) return;  // moved from
  session_->last_used_ = now_().time_since_epoch().count();
  --session_->users_;
}

SessionTable::SessionTable(SessionLimits limits, Now now) : limits_(limits), now_(std::move(now)) {}

SessionTable::~SessionTable() { end_all(); }

std::optional<SessionUse> SessionTable::add(std::shared_ptr<mcp::Session> session, std::shared_ptr<EventStream> stream) {
  std::vector<std::shared_ptr<HttpSession>> expired;
  std::optional<SessionUse> use;
  {
    std::lock_guard lock(mutex_);
    if (sessions_.size() >= limits_.max_sessions) expired = take_idle_locked();
    if (sessions_.size() < limits_.max_sessions) {
      std::string id = new_session_id();
      while (sessions_.count(id)) id = new_session_id();
      auto entry = std::make_shared<HttpSession>(id, std::move(session), std::move(stream), now_());
      sessions_.emplace(id, entry);
      use.emplace(entry, now_);
    }
  }
  finish(expired, EndReason::Expired);
  return use;
}

std::optional<SessionUse> SessionTable::use(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  return SessionUse(it->second, now_);
}

bool SessionTable::end(const std::string& id, EndReason reason) {
  std::shared_ptr<HttpSession> ended;
  {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return false;
    ended = it->second;
    sessions_.erase(it);
    remember_locked(id, reason);
  }
  finish({ended}, reason);
  return true;
}

std::size_t SessionTable::expire_idle() {
  std::vector<std::shared_ptr<HttpSession>> expired;
  {
    std::lock_guard lock(mutex_);
    expired = take_idle_locked();
  }
  finish(expired, EndReason::Expired);
  return expired.size();
}

void SessionTable::end_all() {
  std::vector<std::shared_ptr<HttpSession>> all;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, entry] : sessions_) {
      all.push_back(entry);
      remember_locked(id, EndReason::Shutdown);
    }
    sessions_.clear();
  }
  finish(all, EndReason::Shutdown);
}

std::vector<std::shared_ptr<HttpSession>> SessionTable::take_idle_locked() {
  std::vector<std::shared_ptr<HttpSession>> idle;
  const auto cutoff = (now_() - limits_.idle_timeout).time_since_epoch().count();
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    const HttpSession& s = *it->second;
    if (s.users_ == 0 && s.last_used_ < cutoff) {
      idle.push_back(it->second);
      remember_locked(it->first, EndReason::Expired);
      it = sessions_.erase(it);
    } else {
      ++it;
    }
  }
  return idle;
}

void SessionTable::finish(const std::vector<std::shared_ptr<HttpSession>>& sessions, EndReason reason) {
  if (reason == EndReason::Shutdown) {
    for (const auto& s : sessions) s->mcp().shut_down();
    using std::chrono::steady_clock;
    const auto deadline = steady_clock::now() + kShutdownGrace;
    for (const auto& s : sessions) {
      s->mcp().wait_idle(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - steady_clock::now()));
    }
  }
  for (const auto& s : sessions) {
    s->mcp().cancel_all();
    if (s->stream()) s->stream()->close();
    if (reason == EndReason::Expired) {
      logging::info("http", "session " + s->id().substr(0, 8) + "... expired after " +
                                std::to_string(limits_.idle_timeout.count()) + " s without requests");
    }
  }
}

void SessionTable::remember_locked(const std::string& id, EndReason reason) {
  recently_ended_.emplace_back(id, reason);
  if (recently_ended_.size() > kRememberedEnds) recently_ended_.pop_front();
}

std::string SessionTable::why_unknown(const std::string& id) const {
  std::lock_guard lock(mutex_);
  for (auto it = recently_ended_.rbegin(); it != recently_ended_.rend(); ++it) {
    if (it->first != id) continue;
    switch (it->second) {
      case EndReason::Deleted:
        return "the client ended it";
      case EndReason::Expired:
        return "it expired after " + std::to_string(limits_.idle_timeout.count()) + " s without requests";
      case EndReason::StreamClosed:
        return "its SSE stream was closed";
      case EndReason::Shutdown:
        return "the server is shutting down";
    }
  }
  return "no session has this id";
}

std::size_t SessionTable::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace transport
