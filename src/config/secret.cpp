#include "config/secret.hpp"

#include "log/redactor.hpp"

namespace config {

Secret::Secret(std::string value) : value_(std::move(value)) { logging::add_secret(value_); }

}  // namespace config
