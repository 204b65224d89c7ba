#include "execution/output_bound.hpp"

namespace execution {

namespace {

std::string dump(const nlohmann::json& value) { return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// A cursor's length grows only with the digits of its position; this covers them.
constexpr std::size_t kCursorSlack = 32;

void set_cursor(nlohmann::json& meta, const CursorAfter& cursor_after, std::size_t kept) {
  if (!cursor_after) return;
  if (auto cursor = cursor_after(kept)) meta["next_cursor"] = std::move(*cursor);
}

}  // namespace

BoundedResult bound_output(nlohmann::json data, nlohmann::json meta, std::size_t max_chars,
                           const std::string& narrowing_hint, const CursorAfter& cursor_after) {
  if (data.is_array()) set_cursor(meta, cursor_after, data.size());
  // Built by moving, not with an initializer list, which would copy every record.
  nlohmann::json whole = nlohmann::json::object();
  whole["data"] = std::move(data);
  whole["meta"] = std::move(meta);
  std::string text = dump(whole);
  if (text.size() <= max_chars || !whole["data"].is_array()) return {std::move(whole), std::move(text)};

  data = std::move(whole["data"]);
  meta = std::move(whole["meta"]);
  const std::size_t total = data.size();
  // Room for the envelope and the truncation note, measured with a worst-case note.
  nlohmann::json note{{"returned", total},
                      {"omitted", total},
                      {"limit_chars", max_chars},
                      {"reason", "the result exceeded the output limit"},
                      {"how_to_narrow", narrowing_hint}};
  meta.erase("next_cursor");
  nlohmann::json probe_meta = meta;
  probe_meta["truncated"] = note;
  set_cursor(probe_meta, cursor_after, 0);
  if (probe_meta.contains("next_cursor")) probe_meta["next_cursor"] = probe_meta["next_cursor"].get<std::string>() + std::string(kCursorSlack, 'x');
  const std::size_t overhead = dump(nlohmann::json{{"data", nlohmann::json::array()}, {"meta", probe_meta}}).size();
  std::size_t used = overhead;
  nlohmann::json kept = nlohmann::json::array();
  for (auto& record : data) {
    const std::size_t size = dump(record).size() + 1;  // the comma
    if (used + size > max_chars) break;
    used += size;
    kept.push_back(std::move(record));
  }
  note["returned"] = kept.size();
  note["omitted"] = total - kept.size();
  if (kept.empty() && cursor_after) {
    // A cursor to the same record would be followed round in a circle.
    note["next_cursor_withheld"] = "the next record alone exceeds the output limit; ask for fewer fields";
  } else {
    set_cursor(meta, cursor_after, kept.size());
  }
  meta["truncated"] = std::move(note);
  nlohmann::json bounded{{"data", std::move(kept)}, {"meta", std::move(meta)}};
  std::string bounded_text = dump(bounded);
  return {std::move(bounded), std::move(bounded_text)};
}

}  // namespace execution
