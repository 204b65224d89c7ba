#include "tools/result_resume.hpp"

#include <set>

namespace tools {

namespace {

using nlohmann::json;

std::string short_dump(const json& value) {
  constexpr std::size_t kShown = 80;
  if (value.is_null()) return "absent";
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  return text.size() <= kShown ? text : text.substr(0, kShown) + "...";
}

std::string type_of(const json& value) {
  if (value.is_number()) return "a number";
  if (value.is_boolean()) return "a boolean";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  if (value.is_null()) return "null";
  return "a string";
}

json without_schema_defaults(const catalog::Action& action, json params) {
  for (auto it = params.begin(); it != params.end();) {
    const json* property = action.property(it.key());
    if (property != nullptr && property->contains("default") && (*property)["default"] == it.value()) {
      it = params.erase(it);
    } else {
      ++it;
    }
  }
  return params;
}

ResumeStart refuse_cursor(std::string why) {
  ResumeStart out;
  out.error = std::move(why);
  return out;
}

}  // namespace

ResumeStart read_cursor(const catalog::Entity& entity, const catalog::Action& action, json raw) {
  if (!raw.is_object() || !raw.contains("cursor") || !action.is_local("cursor")) return {std::move(raw), std::nullopt, ""};
  const json given = raw["cursor"];
  raw.erase("cursor");
  if (!given.is_string()) {
    return refuse_cursor("params.cursor must be the string meta.next_cursor of an earlier result, not " + type_of(given) +
                         ".");
  }
  auto decoded = execution::decode_cursor(given.get<std::string>());
  if (!decoded.cursor) return refuse_cursor(decoded.error + ".");
  const auto& c = *decoded.cursor;
  if (c.entity != entity.name || c.action != action.name) {
    return refuse_cursor("params.cursor was returned by " + c.entity + "." + c.action + ", not by " + entity.name + "." +
                         action.name + "; pass it with entity \"" + c.entity + "\" and action \"" + c.action +
                         "\", or run this query without cursor.");
  }
  ResumeStart out;
  out.params = raw.empty() ? c.params : std::move(raw);
  out.cursor = std::move(decoded.cursor);
  return out;
}

std::string params_mismatch(const catalog::Action& action, const json& prepared, const execution::ResultCursor& cursor,
                            const catalog::ConfigDefaults& defaults) {
  const auto made = catalog::prepare_params(action, cursor.params, defaults);
  if (!made.issues.empty()) {
    return "params.cursor holds params this server no longer accepts:\n" + schema::format_issues(made.issues) +
           "\nRun the query again without cursor.";
  }
  const json& original = made.params;
  std::set<std::string> keys;
  for (const auto& [k, v] : prepared.items()) keys.insert(k);
  for (const auto& [k, v] : original.items()) keys.insert(k);
  std::string differences;
  for (const auto& key : keys) {
    const json now = prepared.contains(key) ? prepared[key] : json();
    const json then = original.contains(key) ? original[key] : json();
    if (now == then) continue;
    differences += std::string(differences.empty() ? "" : "; ") + key + " differs (the cursor's: " + short_dump(then) +
                   ", given: " + short_dump(now) + ")";
  }
  if (differences.empty()) return "";
  return "params.cursor continues " + cursor.entity + "." + cursor.action + " with other params: " + differences +
         ". Call with the cursor alone, or with exactly the params of the call that returned it.";
}

execution::CursorAfter cursor_after(const catalog::Entity& entity, const catalog::Action& action, json prepared,
                                    execution::RunResult& result) {
  if (!action.is_local("cursor")) return {};
  execution::ResultCursor base;
  base.entity = entity.name;
  base.action = action.name;
  base.params = without_schema_defaults(action, std::move(prepared));
  execution::ResultCursor farthest = base;
  farthest.position = {"page", 99999, 999999, 999999};
  if (!execution::encode_cursor(farthest)) {
    result.meta["next_cursor_unavailable"] = "these params are too long to fit in a cursor (" +
                                             std::to_string(execution::kMaxCursorChars) +
                                             " characters); continue with page, or ask for fewer metrics or fields";
    return {};
  }
  return [base = std::move(base), positions = std::move(result.positions),
          resume = result.resume](std::size_t kept) mutable -> std::optional<std::string> {
    std::optional<execution::CursorPosition> next = resume;
    if (kept < positions.size()) next = positions[kept];
    if (!next) return std::nullopt;
    base.position = *next;
    return execution::encode_cursor(base);
  };
}

}  // namespace tools
