#include <catch2/catch.hpp>

#include <thread>

#include "http_test_support.hpp"
#include "log/redactor.hpp"
#include "support/canaries.hpp"
#include "transport/event_stream.hpp"
#include "transport/sse_format.hpp"

using transport::EventStream;
using transport::sse_event;

TEST_CASE("an SSE event is data lines ended by a blank line, with an optional type") {
  CHECK(sse_event("hello") == "data: hello\n\n");
  CHECK(sse_event("/messages?sessionId=ab", "endpoint") == "event: endpoint\ndata: /messages?sessionId=ab\n\n");
  CHECK(sse_event("") == "data: \n\n");
}

TEST_CASE("every line break in the data starts a new data line, so the receiver rebuilds it") {
  CHECK(sse_event("a\nb") == "data: a\ndata: b\n\n");
  CHECK(sse_event("a\r\nb\rc") == "data: a\ndata: b\ndata: c\n\n");
  CHECK(sse_event("a\n") == "data: a\ndata: \n\n");
  CHECK(test::event_data(sse_event("x\ny") + sse_event("z")) == std::vector<std::string>{"x\ny", "z"});
}

TEST_CASE("an event type cannot smuggle in extra fields") {
  CHECK(sse_event("d", "message\ndata: injected") == "event: message data: injected\ndata: d\n\n");
}

TEST_CASE("a message event is compact JSON with registered secrets masked") {
  logging::add_secret(canary::kTikTokAccessToken);
  const std::string event =
      transport::sse_message({{"text", std::string("token ") + canary::kTikTokAccessToken}}, "message");
  logging::clear_secrets();
  CHECK(event == "event: message\ndata: {\"text\":\"token [REDACTED]\"}\n\n");
}

TEST_CASE("comments keep a stream alive without being events") {
  CHECK(transport::sse_comment() == ":\n\n");
  CHECK(transport::sse_comment("ping") == ": ping\n\n");
  CHECK(test::event_data(transport::sse_comment("x")).empty());
}

TEST_CASE("an event stream hands queued text to its writer, then finishes after close") {
  EventStream stream;
  stream.push("a");
  stream.push("b");
  auto chunk = stream.next(std::chrono::milliseconds(0));
  CHECK(chunk.text == "ab");
  CHECK_FALSE(chunk.finished);
  CHECK(stream.next(std::chrono::milliseconds(1)).text.empty());  // nothing yet: a keep-alive moment
  stream.push("c");
  stream.close();
  stream.push("ignored after close");
  chunk = stream.next(std::chrono::milliseconds(0));
  CHECK(chunk.text == "c");
  CHECK(chunk.finished);
}

TEST_CASE("a writer waiting on the stream wakes for new text") {
  EventStream stream;
  std::thread producer([&] { stream.push("late"); });
  std::string text;
  while (text.empty()) text = stream.next(std::chrono::seconds(10)).text;
  producer.join();
  CHECK(text == "late");
}

TEST_CASE("abandoning a stream drops its text and runs the callback once") {
  EventStream stream;
  int calls = 0;
  stream.on_abandon([&] { ++calls; });
  stream.push("never written");
  stream.abandon();
  stream.abandon();
  CHECK(calls == 1);
  CHECK(stream.abandoned());
  auto chunk = stream.next(std::chrono::milliseconds(0));
  CHECK(chunk.text.empty());
  CHECK(chunk.finished);
}

TEST_CASE("a stream fully written is not abandoned by a late disconnect") {
  EventStream stream;
  int calls = 0;
  stream.on_abandon([&] { ++calls; });
  stream.push("last");
  stream.close();
  CHECK(stream.next(std::chrono::milliseconds(0)).finished);
  stream.abandon();
  CHECK(calls == 0);
  CHECK_FALSE(stream.abandoned());
}
