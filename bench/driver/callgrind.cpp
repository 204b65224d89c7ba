#include "callgrind.hpp"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "support/stdio_client.hpp"

namespace bench {

namespace {

// The "totals:" (or "summary:") line of a callgrind output file: instructions executed.
double total_instructions(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  double total = -1;
  while (std::getline(in, line)) {
    for (const char* key : {"totals: ", "summary: "}) {
      if (line.rfind(key, 0) == 0) total = std::stod(line.substr(std::string(key).size()));
    }
  }
  if (total < 0) throw std::runtime_error("no instruction total in " + path);
  return total;
}

double run_session(const Setup& setup, const nlohmann::json& call, int calls) {
  const std::string out = "/tmp/tmm-bench-callgrind." + std::to_string(::getpid()) + ".out";
  test::Command command = ours_stdio(setup);
  command.argv.insert(command.argv.begin(), {"valgrind", "--tool=callgrind", "--callgrind-out-file=" + out});
  {
    test::StdioClient client(command);
    client.open_session(initialize_params());
    for (int i = 0; i < calls; ++i) {
      const auto result = client.request("tools/call", call, std::chrono::minutes(5));
      if (result.value("isError", false)) throw std::runtime_error("call failed under callgrind");
    }
    client.process().finish(std::chrono::minutes(2));
  }
  const double total = total_instructions(out);
  ::unlink(out.c_str());
  return total;
}

}  // namespace

InstructionCount instructions_per_call(const Setup& setup, const nlohmann::json& call, int calls) {
  InstructionCount count;
  // One warm-up call in both runs, so one-time work (the first connection, lazy tables) is
  // not charged to the per-call figure.
  count.session = run_session(setup, call, 1);
  const double more = run_session(setup, call, 1 + calls);
  count.per_call = (more - count.session) / calls;
  return count;
}

}  // namespace bench
