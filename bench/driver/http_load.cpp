#include "http_load.hpp"

#include <atomic>
#include <exception>
#include <thread>
#include <vector>

#include "servers.hpp"
#include "support/http_session.hpp"
#include "support/mcp_messages.hpp"
#include "support/reply_body.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

// True when the call's answer (the last message, after any notifications) is a result that is
// no error; throws for a reply body that is not JSON.
bool call_succeeds(test::HttpSession& session, long long id, const nlohmann::json& call) {
  const test::HttpReply reply = session.post(test::request(id, "tools/call", call));
  if (reply.status != 200) return false;
  const auto messages = test::messages_in_body(reply.content_type, reply.body);
  if (messages.empty() || !messages.back().contains("result")) return false;
  return !messages.back()["result"].value("isError", false);
}

}  // namespace

LoadResult closed_loop(int port, int sessions, const nlohmann::json& call, std::chrono::milliseconds duration,
                       std::chrono::milliseconds warmup) {
  std::atomic<bool> counting{false};
  std::atomic<bool> stopping{false};
  std::atomic<long long> calls{0};
  std::atomic<long long> failures{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < sessions; ++i) {
    clients.emplace_back([&] {
      try {
        test::HttpSession session("127.0.0.1", port, std::chrono::seconds(60));
        session.open(test::request(1, "initialize", initialize_params()));
        for (long long id = 2; !stopping; ++id) {
          bool ok = true;
          try {
            ok = call_succeeds(session, id, call);
          } catch (const std::exception&) {
            ok = false;
          }
          if (counting && !stopping) ++(ok ? calls : failures);
        }
        session.close();
      } catch (const std::exception&) {
        ++failures;  // the session could not be opened
      }
    });
  }
  std::this_thread::sleep_for(warmup);
  counting = true;
  const auto started = Clock::now();
  std::this_thread::sleep_for(duration);
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  const long long done = calls.load();
  stopping = true;
  for (auto& t : clients) t.join();
  return {static_cast<double>(done) / seconds, done, failures.load()};
}

}  // namespace bench
