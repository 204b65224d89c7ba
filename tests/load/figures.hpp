#pragma once
// The figures of a load run, as the driver prints them.

#include <ostream>

#include "load/load_run.hpp"
#include "load/options.hpp"

namespace load {

void print_figures(std::ostream& out, const RunFigures& f, const LoadOptions& o);

}  // namespace load
