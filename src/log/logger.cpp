#include "log/logger.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "log/redactor.hpp"

namespace logging {

namespace {

std::atomic<Level> g_level{Level::Info};
std::mutex g_sink_mutex;
Sink g_sink;

void write_stderr(std::string_view line) {
  // One write(2) per line so concurrent lines never interleave mid-line.
  std::string_view rest = line;
  while (!rest.empty()) {
    ssize_t n = ::write(STDERR_FILENO, rest.data(), rest.size());
    if (n <= 0) return;
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace

void set_level(Level level) { g_level.store(level); }
Level level() { return g_level.load(); }
bool enabled(Level l) { return static_cast<int>(l) >= static_cast<int>(g_level.load()); }

void set_sink(Sink sink) {
  std::lock_guard lock(g_sink_mutex);
  g_sink = std::move(sink);
}

void write(Level l, std::string_view component, std::string_view message) {
  if (!enabled(l)) return;
  std::string line = timestamp();
  line += ' ';
  line += to_string(l);
  line += " [";
  line += component;
  line += "] ";
  for (char c : message) line += (c == '\n' || c == '\r') ? ' ' : c;
  line = redact(std::move(line));
  line += '\n';
  std::lock_guard lock(g_sink_mutex);
  if (g_sink) {
    g_sink(line);
  } else {
    write_stderr(line);
  }
}

}  // namespace logging
