#pragma once
// Resumable results for the execute tool: reads params.cursor (restoring the params it was made
// from, or checking that the given params are the same), and makes the meta.next_cursor that
// continues after any number of the records a run returned.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "catalog/catalog.hpp"
#include "catalog/params.hpp"
#include "execution/output_bound.hpp"
#include "execution/result_cursor.hpp"
#include "execution/runner.hpp"

namespace tools {

// What a call starts from.
struct ResumeStart {
  nlohmann::json params;                          // to prepare: as given without cursor, or the cursor's
  std::optional<execution::ResultCursor> cursor;  // set when params.cursor was given and valid
  std::string error;                              // why params.cursor is refused
};

// `raw`: the params as the model passed them. Without a cursor (or for an action without the
// local cursor param) they are returned untouched.
ResumeStart read_cursor(const catalog::Entity& entity, const catalog::Action& action, nlohmann::json raw);

// Empty when `prepared` (the given params, prepared) are the cursor's, prepared the same way;
// else why, naming every param that differs.
std::string params_mismatch(const catalog::Action& action, const nlohmann::json& prepared,
                            const execution::ResultCursor& cursor, const catalog::ConfigDefaults& defaults);

// The cursor after the first `kept` records of `result`, for params `prepared` (kept without
// the values that are the schema's defaults, which preparing restores: cursors stay short).
// When the params are too long for any cursor, result.meta.next_cursor_unavailable says so.
execution::CursorAfter cursor_after(const catalog::Entity& entity, const catalog::Action& action,
                                    nlohmann::json prepared, execution::RunResult& result);

}  // namespace tools
