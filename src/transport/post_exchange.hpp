#pragma once
// The replies to one Streamable HTTP POST. Each goes back on that POST's own response: as one
// JSON body when the answer is all there is, or as an SSE stream when something comes first
// (progress, log messages, a request to the client) or the answer takes longer than the
// JSON window. A stream whose client goes away cancels the requests of the POST.
//
//   Session --ReplyChannel--> PostExchange --respond()--> 202 | JSON | EventStream

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include <nlohmann/json.hpp>

#include "mcp/reply_channel.hpp"
#include "transport/http_message.hpp"
#include "transport/session_table.hpp"

namespace transport {

class EventStream;

class PostExchange : public std::enable_shared_from_this<PostExchange> {
 public:
  // `request_ids`: the ids of the requests in the POST, cancelled if the client goes away.
  PostExchange(SessionUse use, std::vector<nlohmann::json> request_ids);

  // Where the session sends this POST's replies. Keeps the exchange alive until done().
  mcp::ReplyChannel channel();

  // Waits up to `window` for the answer (or for the first message that is not one), then
  // answers: 202 when nothing is to be sent, 200 JSON, or 200 with an SSE stream that carries
  // the rest. Call once, after handing channel() to the session.
  HttpResponse respond(std::chrono::milliseconds window);

 private:
  void add(const nlohmann::json& message);
  void finish();
  void cancel_requests();

  SessionUse use_;
  const std::vector<nlohmann::json> request_ids_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<nlohmann::json> held_;  // replies before the decision
  bool must_stream_ = false;          // a message other than an answer arrived
  bool finished_ = false;
  std::shared_ptr<EventStream> stream_;  // once streaming
};

}  // namespace transport
