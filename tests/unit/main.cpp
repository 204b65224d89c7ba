#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "support/test_log.hpp"

int main(int argc, char* argv[]) {
  test::open_test_log(argv[0]);
  test::restore_test_log();
  return Catch::Session().run(argc, argv);
}
