#pragma once
// Turns a checked request and its targets into a plan: one field change per target and field
// that really changes (from its value now to the asked-for one), the body to send, and a
// snapshot of the fields that matter, so a confirmation can tell whether the targets moved
// since the preview.

#include <string>
#include <vector>

#include "changes/account_reader.hpp"
#include "changes/change_request.hpp"

namespace changes {

Plan make_plan(const ChangeRequest& request, const Targets& targets, std::vector<std::string> warnings);

// id -> {field: value} of the watched fields; for a create, the ids of objects already named so.
json snapshot_of(const ChangeRequest& request, const Targets& targets);
json snapshot_of_named(const std::vector<json>& named, const std::string& id_field);

// What differs between a preview's snapshot and one taken now, one line per difference.
std::vector<std::string> drift(const json& before, const json& now);

}  // namespace changes
