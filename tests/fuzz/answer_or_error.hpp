#pragma once
// Runs one call into code that talks to an upstream: an execution::UpstreamError is an answer
// (and must say what went wrong), anything else thrown is a bug.

#include <exception>
#include <string>

#include "check.hpp"
#include "execution/upstream_error.hpp"

namespace fuzz {

template <typename Call>
void expect_answer_or_error(const std::string& what, Call call) {
  try {
    call();
  } catch (const execution::UpstreamError& e) {
    require(!e.describe().empty(), what + ": an error without a description");
  } catch (const std::exception& e) {
    fail(what + " threw something other than UpstreamError: " + e.what());
  }
}

}  // namespace fuzz
