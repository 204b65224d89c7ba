#pragma once
// The entry points libFuzzer calls are the same for every target (fuzz_entry.cpp): the log is
// silenced once, then each input goes to the target's own test_one_input.

#include <string_view>

namespace fuzz {

// Defined by each target: runs one input, aborting (fuzz::fail) on a broken invariant.
void test_one_input(std::string_view input);

}  // namespace fuzz
