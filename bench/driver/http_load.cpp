#include "http_load.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "http_session.hpp"

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

sockaddr_in loopback(int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return addr;
}

}  // namespace

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr = loopback(0);
  socklen_t len = sizeof addr;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

bool wait_for_port(int port, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr = loopback(port);
    const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (up) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

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
        HttpSession session("127.0.0.1", port);
        session.open();
        while (!stopping) {
          bool ok = true;
          try {
            ok = !session.request("tools/call", call).value("isError", false);
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
