#pragma once
// CPU instructions the server executes, counted by valgrind's callgrind: a count that does not
// move with machine load or clock speed. The server runs twice under callgrind with the same
// session, once with `calls` more tools/calls; the difference divided by `calls` is the cost of
// one call (start-up, initialize and shutdown cancel out). Every thread of the server counts.

#include <nlohmann/json.hpp>

#include "servers.hpp"

namespace bench {

struct InstructionCount {
  double per_call = 0;
  double session = 0;  // start, initialize and exit, with no call
};

InstructionCount instructions_per_call(const Setup& setup, const nlohmann::json& call, int calls);

}  // namespace bench
