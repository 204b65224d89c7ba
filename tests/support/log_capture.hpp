#pragma once
// Captures the server's log lines at debug level for as long as it lives (still copying them
// to the test log file, if there is one), then restores the test programs' default log.

#include <mutex>
#include <string>
#include <string_view>

#include "log/logger.hpp"
#include "support/test_log.hpp"

namespace test {

class LogCapture {
 public:
  LogCapture() {
    logging::set_level(logging::Level::Debug);
    logging::set_sink([this, forward = test_log_sink()](std::string_view line) {
      if (forward) forward(line);
      std::lock_guard lock(mutex_);
      text_ += line;
    });
  }
  ~LogCapture() { restore_test_log(); }
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
