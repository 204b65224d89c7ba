#pragma once
// Runs a "get" action (catalog::GetSpec): turns params.ids into the upstream request (a list
// filtering such as {"campaign_ids": [...]}, or an info endpoint's id param), fetches once,
// returns the records in the order asked and reports by id the ones TikTok did not return,
// in meta.not_found with a note on why. Repeated ids are de-duplicated (meta.duplicate_ids).

#include <nlohmann/json.hpp>

#include "execution/executor.hpp"
#include "execution/runner.hpp"

namespace execution {

// `params` are prepared (validated, defaulted); target.action.get is set. Throws UpstreamError.
// `skip`: records of the answer to leave out (a cursor continuing a cut result).
RunResult run_get(Executor& executor, const Target& target, const json& params, const CallContext& context,
                  std::size_t skip = 0);

}  // namespace execution
