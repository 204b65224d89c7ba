#pragma once
// The entity catalogue: what the execute tool can do, loaded from the JSON files under
// schemas/entities/ (compiled into the binary). Adding an entity or an action means adding
// JSON there, not C++.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/embedded.hpp"
#include "catalog/get_spec.hpp"
#include "catalog/write_spec.hpp"
#include "schema/validator.hpp"

namespace catalog {

using nlohmann::json;

// Reports (report/integrated/get/): rows arrive as {dimensions, metrics}; how long a range one
// request may span, and the other compatibility rules, live in schemas/rules/reports.json.
// Entity files name only their level, dimensions and metric set; the list action itself is the
// report_list template of _common.json.
struct ReportSpec {
  std::string start_param = "start_date";
  std::string end_param = "end_date";
  // Lifetime entities: with neither date, the report is TikTok's lifetime query (query_lifetime).
  bool lifetime_when_no_dates = false;
  // The entity presets its dimensions (the per-level entities); the generic "reports" does not.
  bool presets_dimensions = false;
  // The metrics used instead of the default ones for report_type AUDIENCE, which cannot break
  // unique-visitor metrics (reach, frequency, results) down by audience.
  json audience_metrics = json::array();
};

// A param TikTok's endpoint requires though the schema (Airbyte's) leaves it optional: direct
// and demo mode refuse the call without it, before any request; hosted mode passes it through.
struct DirectRequirement {
  std::string param;
  std::string reason;     // why it is needed
  std::string next_step;  // how to find a value
};

struct Action {
  std::string name;
  std::string summary;
  std::string method;               // HTTP method upstream (direct mode); empty when hosted-only
  std::string path;                 // relative to the API base, with its trailing slash
  std::string records_pointer;      // JSON pointer to the records in the response
  std::string page_info_pointer;    // JSON pointer to page_info, or empty
  bool hosted_only = false;
  bool needs_app_credentials = false;
  // Read from TikTok only: Airbyte's hosted connector has no such entity or action.
  bool direct_only = false;
  std::optional<ReportSpec> report;
  std::optional<WriteSpec> write;   // set for actions that change the account (tiktok_marketing_change)
  std::optional<GetSpec> get;       // set for actions that read records by id
  std::vector<DirectRequirement> direct_requires;
  json params_schema;               // a root schema (shared $defs included)
  std::shared_ptr<const schema::Validator> validator;
  std::vector<std::string> searchable_fields;

  // True for parameters the server acts on itself and never sends upstream.
  bool is_local(const std::string& param) const;
  // True for the record-shaping params every read has (select_fields, exclude_fields,
  // skip_truncation): applied locally, and also handed to Airbyte's execute in hosted mode.
  bool is_shaping(const std::string& param) const;
  // The property's schema with any $ref resolved, or null.
  const json* property(const std::string& param) const;
  std::vector<std::string> required() const;
  bool is_write() const { return write.has_value(); }
};

struct Entity {
  std::string name;
  int order = 0;  // position in listings and descriptions
  std::string summary;
  std::string when_to_use;
  std::vector<std::string> examples;
  std::vector<std::string> key_fields;
  std::string record_id;
  std::vector<Action> actions;

  const Action* find_action(std::string_view action) const;
};

class Catalog {
 public:
  // The catalogue compiled into the binary. Throws std::runtime_error if it is malformed.
  static const Catalog& builtin();
  static Catalog from_files(const std::vector<EmbeddedFile>& files);

  const std::vector<Entity>& entities() const { return entities_; }
  const Entity* find(std::string_view entity) const;
  std::vector<std::string> entity_names() const;
  // Every read (or write) action some entity has, in first-seen order.
  std::vector<std::string> action_names() const;
  std::vector<std::string> write_action_names() const;
  // Entities that have at least one write action.
  std::vector<std::string> writable_entity_names() const;

 private:
  std::vector<Entity> entities_;
};

}  // namespace catalog
