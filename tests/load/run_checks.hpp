#pragma once
// What a load run must show: every call answered exactly once and correctly, each injected
// fault accounted for, upstream traffic within the rate limit, memory within its bound, a
// clean exit, and no secret anywhere.

#include <string>
#include <vector>

#include "load/load_run.hpp"
#include "load/options.hpp"

namespace load {

// The failed checks, each as a sentence; empty when the run passed.
std::vector<std::string> check_run(const RunFigures& f, const LoadOptions& o);

}  // namespace load
