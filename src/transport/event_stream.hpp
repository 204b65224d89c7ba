#pragma once
// The events of one open SSE response, between the threads that produce them (tool workers,
// other requests of the session) and the HTTP thread that writes them to the socket.
//
// Producers push() framed events from any thread and close() when nothing more will come. The
// writer calls next() in a loop. When the client goes away the writer calls abandon(), which
// drops what is queued and runs the on_abandon callback once (to cancel the work behind it).

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>

namespace transport {

class EventStream {
 public:
  struct Chunk {
    std::string text;       // framed events to write; empty when the wait timed out
    bool finished = false;  // closed (or abandoned) and nothing more to write
  };

  // Queues framed text (see sse_format.hpp). Ignored once closed or abandoned.
  void push(std::string text);
  // No more events; the writer finishes after the queued ones.
  void close();
  // The client is gone: queued text is dropped and on_abandon runs (once, on this thread),
  // unless the stream had already finished.
  void abandon();

  // Runs `callback` when the stream is abandoned. Set it before the writer starts.
  void on_abandon(std::function<void()> callback);

  // Waits up to `wait` for text or the end. Called by the single writer thread.
  Chunk next(std::chrono::milliseconds wait);

  bool closed() const;
  bool abandoned() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::string queued_;
  bool closed_ = false;
  bool abandoned_ = false;
  bool drained_ = false;  // the writer has taken everything after close()
  std::function<void()> on_abandon_;
};

}  // namespace transport
