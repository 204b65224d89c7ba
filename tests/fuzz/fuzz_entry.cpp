#include "fuzz_entry.hpp"

#include <cstddef>
#include <cstdint>

#include "check.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::silence_logs();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::test_one_input(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
