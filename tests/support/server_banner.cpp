#include "support/server_banner.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace test {

namespace {

std::string log_text(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int listening_port(const std::string& log) {
  static const std::string kBanner = "Listening on http://127.0.0.1:";
  const auto at = log.find(kBanner);
  if (at == std::string::npos) return 0;
  const auto digits = at + kBanner.size();
  const auto end = log.find("/mcp", digits);
  if (end == std::string::npos) return 0;
  return std::atoi(log.substr(digits, end - digits).c_str());
}

int wait_for_listening_port(const std::string& log_path, ChildProcess& server, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (const int port = listening_port(log_text(log_path)); port > 0) return port;
    if (server.wait(std::chrono::milliseconds(0))) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the server did not start listening; see " + log_path);
}

}  // namespace test
