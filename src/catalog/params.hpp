#pragma once
// Turns the params a model passed into the params an action runs with: coerces the forms
// models commonly use (JSON-array strings, numbers for ids, numeric strings), fills defaults
// (the configured advertiser, the report defaults), validates against the action's schema
// and checks what a schema cannot (start_date <= end_date).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/catalog.hpp"
#include "schema/validator.hpp"

namespace catalog {

struct ConfigDefaults {
  std::string advertiser_id;  // TIKTOK_MARKETING_ADVERTISER_ID, or empty
};

struct PreparedParams {
  json params = json::object();
  std::vector<schema::Issue> issues;  // empty when the params are ready to run
};

PreparedParams prepare_params(const Action& action, json raw, const ConfigDefaults& defaults);

}  // namespace catalog
