#pragma once
// The table of every setting: its config-file key, environment variable and flag, what it
// accepts, and how it is applied. --help, the loader and the README's table come from here.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace config {

struct Setting {
  std::string_view key;          // key in the JSON config file
  std::string_view env;          // environment variable, or empty
  std::string_view flag;         // command-line flag, or empty (secrets have none: argv is visible to others)
  std::string_view value_hint;   // what the value looks like
  std::string_view description;
  bool secret = false;
  // Applies a textual value; throws std::invalid_argument with a reason on a malformed one.
  std::function<void(Config&, const std::string&)> apply;
};

const std::vector<Setting>& settings();

const Setting* find_by_key(std::string_view key);
const Setting* find_by_flag(std::string_view flag);

}  // namespace config
