#pragma once
// Captures the server's log lines at debug level for as long as it lives, then restores the
// default sink and the quiet level the test runner uses.

#include <mutex>
#include <string>
#include <string_view>

#include "log/logger.hpp"

namespace test {

class LogCapture {
 public:
  LogCapture() {
    logging::set_level(logging::Level::Debug);
    logging::set_sink([this](std::string_view line) {
      std::lock_guard lock(mutex_);
      text_ += line;
    });
  }
  ~LogCapture() {
    logging::set_sink(nullptr);
    logging::set_level(logging::Level::Warning);
  }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  std::mutex mutex_;
  std::string text_;
};

}  // namespace test
