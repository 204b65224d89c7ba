// Fuzzes the whole server over stdio: the input is what a client writes to stdin (lines of
// JSON-RPC), served by the real StdioTransport and mcp::Server with the real tools on a fake
// executor. Checks that the output is well-formed newline-delimited JSON-RPC and that every
// request gets exactly one answer (see rpc_checks.hpp).

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <string>
#include <vector>

#include "check.hpp"
#include "fuzz_entry.hpp"
#include "fuzz_server.hpp"
#include "rpc_checks.hpp"
#include "transport/stdio_transport.hpp"

namespace {

using nlohmann::json;

constexpr std::size_t kMaxMessageBytes = 2048;

// An in-memory file: the transport reads and writes it like stdin and stdout, without a disk
// and without a thread to feed a pipe.
int memory_file(std::string_view content) {
  const int fd = ::memfd_create("fuzz-stdio", 0);
  fuzz::require(fd >= 0, "memfd_create failed");
  std::string_view rest = content;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    fuzz::require(n > 0, "writing the input failed");
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

std::string read_file(int fd) {
  ::lseek(fd, 0, SEEK_SET);
  std::string text;
  char buffer[65536];
  ssize_t n;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
  return text;
}

// What the client sent, line by line, as the transport frames it.
fuzz::ExpectedAnswers expected_for(std::string_view input) {
  fuzz::ExpectedAnswers expected;
  while (!input.empty()) {
    const auto newline = input.find('\n');
    std::string_view line = input.substr(0, newline);
    input = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
    if (line.size() > kMaxMessageBytes) {
      expected.add_refused();
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    expected.add_payload(line);
  }
  return expected;
}

std::vector<json> sent_messages(const std::string& output) {
  fuzz::require(output.empty() || output.back() == '\n', "the last message is not ended by a newline");
  std::vector<json> messages;
  std::string_view rest = output;
  while (!rest.empty()) {
    const auto newline = rest.find('\n');
    const json message = json::parse(rest.substr(0, newline), nullptr, false);
    fuzz::require(!message.is_discarded(), "an output line is not JSON");
    messages.push_back(message);
    rest.remove_prefix(newline + 1);
  }
  return messages;
}

}  // namespace

void fuzz::test_one_input(std::string_view input) {
  const int in = memory_file(input);
  const int out = memory_file("");
  {
    fuzz::FuzzServer fuzz_server;
    transport::StdioTransport stdio(fuzz_server.server, {kMaxMessageBytes, std::chrono::seconds(20)}, in, out);
    fuzz::require(stdio.run() == 0, "the stdio transport did not end cleanly");
    fuzz_server.server.join();
  }
  const std::string output = read_file(out);
  ::close(in);
  ::close(out);
  expected_for(input).check(sent_messages(output), true);
}
