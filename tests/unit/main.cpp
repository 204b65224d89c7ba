#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "log/logger.hpp"

int main(int argc, char* argv[]) {
  logging::set_level(logging::Level::Warning);
  return Catch::Session().run(argc, argv);
}
