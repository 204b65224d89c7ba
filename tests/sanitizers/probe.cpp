// A program with one known bug per argument, for scripts/sanitize.sh: before the suite runs,
// each bug must leave a report where the script looks for them. That proves the sanitizer
// settings and the report check work, so a clean run means clean, not unwatched.
//   sanitizer_probe heap-overflow | signed-overflow | data-race
#include <climits>
#include <cstdio>
#include <string_view>
#include <thread>

namespace {

int heap_overflow(int one) {
  int* values = new int[2]{};
  const int past_the_end = values[one + 1];
  delete[] values;
  return past_the_end;
}

int signed_overflow(int one) {
  const int largest = INT_MAX - one + 1;
  return largest + one;
}

int data_race(int one) {
  static int shared = 0;
  std::thread writer([one] { shared = one; });
  shared = one + 1;
  writer.join();
  return shared;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view bug = argc > 1 ? argv[1] : "";
  const int one = argc - 1;  // from the command line, so the compiler cannot fold the bug away
  if (bug == "heap-overflow") return heap_overflow(one);
  if (bug == "signed-overflow") return signed_overflow(one);
  if (bug == "data-race") return data_race(one);
  std::fprintf(stderr, "usage: sanitizer_probe heap-overflow|signed-overflow|data-race\n");
  return 2;
}
