#pragma once
// The live HTTP sessions by id, with the limits on how many there are and how long an unused
// one lives. Shared by Streamable HTTP (Mcp-Session-Id) and legacy SSE (?sessionId=).
//
// A request or an open stream "uses" its session (SessionUse, RAII); a session in use never
// expires. Ending a session (DELETE, expiry, stream closed, shutdown) removes it, cancels its
// calls in flight and closes its stream; the table remembers recently ended ids so a late
// request learns why its session is gone. Thread-safe; the clock is injected for tests.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mcp {
class Session;
}

namespace transport {

class EventStream;

struct SessionLimits {
  std::size_t max_sessions = 256;
  std::chrono::seconds idle_timeout{1800};
};

class HttpSession {
 public:
  using Clock = std::chrono::steady_clock;

  HttpSession(std::string id, std::shared_ptr<mcp::Session> session, std::shared_ptr<EventStream> stream,
              Clock::time_point now);

  const std::string& id() const { return id_; }
  mcp::Session& mcp() const { return *session_; }
  const std::shared_ptr<mcp::Session>& mcp_ptr() const { return session_; }
  // Legacy SSE: the stream every reply of the session goes to. Null for Streamable HTTP.
  const std::shared_ptr<EventStream>& stream() const { return stream_; }

 private:
  friend class SessionTable;
  friend class SessionUse;

  const std::string id_;
  const std::shared_ptr<mcp::Session> session_;
  const std::shared_ptr<EventStream> stream_;
  std::atomic<int> users_{0};
  std::atomic<Clock::rep> last_used_;
};

// Marks a session in use while it lives; releasing it restarts the idle clock.
class SessionUse {
 public:
  SessionUse(std::shared_ptr<HttpSession> session, std::function<HttpSession::Clock::time_point()> now);
  SessionUse(SessionUse&& other) noexcept = default;
  SessionUse& operator=(SessionUse&&) = delete;
  SessionUse(const SessionUse&) = delete;
  SessionUse& operator=(const SessionUse&) = delete;
  ~SessionUse();

  HttpSession& operator*() const { return *session_; }
  HttpSession* operator->() const { return session_.get(); }
  const std::shared_ptr<HttpSession>& shared() const { return session_; }

 private:
  std::shared_ptr<HttpSession> session_;
  std::function<HttpSession::Clock::time_point()> now_;
};

enum class EndReason { Deleted, Expired, StreamClosed, Shutdown };

class SessionTable {
 public:
  using Clock = HttpSession::Clock;
  using Now = std::function<Clock::time_point()>;

  explicit SessionTable(SessionLimits limits, Now now = &Clock::now);
  ~SessionTable();

  // A new session under a fresh random id, already in use. When the table is full, idle
  // sessions are expired first; nullopt when it is still full.
  std::optional<SessionUse> add(std::shared_ptr<mcp::Session> session, std::shared_ptr<EventStream> stream = nullptr);

  // Uses the live session with this id; nullopt when there is none.
  std::optional<SessionUse> use(const std::string& id);

  // Ends the session; false when there was none with this id.
  bool end(const std::string& id, EndReason reason);

  // Ends every session unused for longer than the idle timeout; returns how many.
  std::size_t expire_idle();

  // Ends every session (server shutdown). Calls in flight are stopped and answered with the
  // shutdown error; their answers may take up to a few seconds to be written before the
  // sessions' streams close.
  void end_all();

  // Why `id` names no live session, as the end of a sentence ("it expired after ...").
  std::string why_unknown(const std::string& id) const;

  std::size_t size() const;
  const SessionLimits& limits() const { return limits_; }

 private:
  std::vector<std::shared_ptr<HttpSession>> take_idle_locked();
  void finish(const std::vector<std::shared_ptr<HttpSession>>& sessions, EndReason reason);
  void remember_locked(const std::string& id, EndReason reason);

  const SessionLimits limits_;
  const Now now_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<HttpSession>> sessions_;
  std::deque<std::pair<std::string, EndReason>> recently_ended_;
};

}  // namespace transport
