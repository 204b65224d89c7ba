#pragma once
// Builds the Config from the environment, an optional JSON config file and the command line
// (flags override the file, which overrides the environment). Every problem is a ConfigError
// whose message names the variable, key or flag at fault and what it accepts.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace config {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Invocation {
  bool show_help = false;
  bool show_version = false;
  Config config;
};

using Environment = std::map<std::string, std::string>;

// args excludes the program name.
Invocation load(const std::vector<std::string>& args, const Environment& env);

// The --help text: usage, every flag, every environment variable (never their values).
std::string help_text();

}  // namespace config
