#pragma once
// Sends a planned change once and says what came of it, per target: applied (with the ids TikTok
// lists as done and the reasons for those it left out), failed (TikTok refused it: nothing
// changed), or unknown (no answer after the request may have arrived). An unknown outcome is
// followed by a re-read of the account, so the answer says what is true now: for a create,
// whether an object of that name now exists, with its id.

#include <string>

#include "changes/account_reader.hpp"
#include "changes/change_request.hpp"
#include "execution/executor.hpp"

namespace changes {

struct Outcome {
  std::string status;          // "applied", "failed" or "unknown"
  json results = json::array();  // [{id, ok, error?}]; unknown: [{id, outcome, change_in_effect, now}]
  std::string request_id;
  std::string message;         // failed and unknown: what happened and what to do
};

Outcome apply_plan(const ChangeRequest& request, const Plan& plan, execution::Executor& executor,
                   const AccountReader& reader, const execution::CallContext& context);

}  // namespace changes
