// The load test: at least 10,000 tool calls over 64 concurrent Streamable HTTP sessions and
// over stdio, against the fake TikTok API in this process with one upstream request in a
// hundred faulted. Every call must be answered exactly once with the right answer, the fake
// must never see more than the configured QPS in any second, the server must stay within a
// memory bound and exit cleanly, and no secret may show anywhere. Prints the figures; exits 1
// when a check fails. Run by CTest with fewer calls (tests/load/CMakeLists.txt); by hand:
//   build/tests/load/load_driver --calls 10000

#include <csignal>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "load/figures.hpp"
#include "load/load_run.hpp"
#include "load/options.hpp"
#include "load/run_checks.hpp"

namespace {

// Runs one transport, prints its figures and failed checks; true when it passed.
bool run(const load::LoadOptions& options, load::Transport transport) {
  const load::RunFigures figures = load::run_load(options, transport);
  load::print_figures(std::cout, figures, options);
  const auto failed = load::check_run(figures, options);
  for (const auto& f : failed) std::cout << "  FAILED: " << f << "\n";
  std::cout << std::flush;
  return failed.empty();
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a server that dies must fail the test, not kill the driver
  load::LoadOptions defaults;
  defaults.binary = TMM_SERVER_BINARY;
  defaults.log_dir = TMM_LOG_DIR;
  load::LoadOptions options;
  try {
    options = load::parse_options(argc, argv, defaults);
  } catch (const std::invalid_argument& e) {
    std::cerr << e.what() << (*e.what() ? "\n" : "") << load::kUsage;
    return 2;
  }
  bool passed = true;
  try {
    std::filesystem::create_directories(options.log_dir);
    if (options.http) passed = run(options, load::Transport::Http) && passed;
    if (options.stdio) passed = run(options, load::Transport::Stdio) && passed;
  } catch (const std::exception& e) {
    std::cout << "load: " << e.what() << "\n";
    return 1;
  }
  std::cout << (passed ? "load: all checks passed\n" : "load: FAILED\n");
  return passed ? 0 : 1;
}
