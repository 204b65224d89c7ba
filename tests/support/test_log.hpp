#pragma once
// Where the in-process test programs send the server's log. By default: stderr at warning
// level (CTest keeps it in Testing/Temporary/LastTest.log). With TMM_TEST_LOG_DIR set (as
// scripts/test.sh does): every line at debug level into DIR/<program>-server.log, so that
// scripts/check-canaries.sh can look for leaked secrets in all of it.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "log/logger.hpp"

namespace test {

namespace detail {

struct LogFile {
  std::mutex mutex;
  std::ofstream out;
};

inline std::shared_ptr<LogFile>& log_file() {
  static std::shared_ptr<LogFile> file;
  return file;
}

}  // namespace detail

// Opens the log file for `program` (argv[0]) when TMM_TEST_LOG_DIR is set. Call once from main.
inline void open_test_log(const char* program) {
  const char* dir = std::getenv("TMM_TEST_LOG_DIR");
  if (dir == nullptr || *dir == '\0') return;
  std::filesystem::create_directories(dir);
  auto file = std::make_shared<detail::LogFile>();
  file->out.open(std::filesystem::path(dir) / (std::filesystem::path(program).filename().string() + "-server.log"));
  if (file->out) detail::log_file() = std::move(file);
}

// The sink for the log file, or nullptr (stderr) when there is none.
inline logging::Sink test_log_sink() {
  auto file = detail::log_file();
  if (!file) return nullptr;
  return [file](std::string_view line) {
    std::lock_guard lock(file->mutex);
    file->out << line << std::flush;
  };
}

// Back to the default destination and level.
inline void restore_test_log() {
  logging::set_level(detail::log_file() ? logging::Level::Debug : logging::Level::Warning);
  logging::set_sink(test_log_sink());
}

}  // namespace test
