#pragma once
// What a write action sends and how its effect is read back, as the catalogue describes it
// under an action's "write" key (schemas/entities/*.json): the TikTok endpoint, whether repeating
// it is harmless, the body built from the params, which records it targets, which of their fields
// it changes, and where the answer says which ids succeeded.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace catalog {

using nlohmann::json;

// One record field a write changes: to a param's value, or to a fixed value.
struct FieldChange {
  std::string field;
  std::string param;          // empty when `value` is fixed
  std::optional<json> value;  // e.g. operation_status DISABLE for creates
};

struct WriteSpec {
  std::string method = "POST";
  std::string path;                 // relative to the API base, with its trailing slash
  bool idempotent = false;          // true: repeating it leaves the same state (retries are safe)
  std::string level;                // "campaign", "ad_group", "ad": which budget rules apply
  // Existing targets: the param holding their id or ids, the record field of the id, and the
  // key of the list action's filtering that selects them.
  std::string id_param;
  std::string id_field;
  std::string filter_key;
  std::string spend_report;         // the report entity that has the targets' spend, or empty
  // Creates: the param and record field that find the new object again (its name).
  std::string lookup_param;
  std::string lookup_field;
  std::string lookup_filter;
  json body = json::object();       // body template: "$param" is replaced by the param, the rest is sent as is
  std::vector<FieldChange> changes;
  std::string succeeded_pointer;    // JSON pointer (in data) to the ids that succeeded, or empty
  std::string errors_pointer;       // JSON pointer (in data) to [{<id_field>, error_message}], or empty
  std::string created_id_pointer;   // creates: JSON pointer (in data) to the new id

  bool creates() const { return id_param.empty(); }
};

// Throws std::runtime_error naming what is malformed.
WriteSpec parse_write_spec(const json& spec);

// The body for these params: "$name" placeholders replaced, those whose param is absent left out.
json build_body(const WriteSpec& spec, const json& params);

}  // namespace catalog
