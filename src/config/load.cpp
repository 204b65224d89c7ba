#include "config/load.hpp"

#include <fstream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "config/settings.hpp"

namespace config {

namespace {

constexpr std::string_view kOwnPrefix = "TIKTOK_MARKETING_";

struct FlagValue {
  const Setting* setting;
  std::string value;
};

struct CommandLine {
  bool help = false;
  bool version = false;
  std::optional<std::string> config_file;
  std::vector<FlagValue> flags;
};

std::string known_flags() {
  std::string out = "--help, --version, --config";
  for (const auto& s : settings()) {
    if (!s.flag.empty()) out += ", " + std::string(s.flag);
  }
  return out;
}

CommandLine parse_args(const std::vector<std::string>& args) {
  CommandLine cl;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      inline_value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    auto take_value = [&](std::string_view what) {
      if (inline_value) return *inline_value;
      if (i + 1 >= args.size()) throw ConfigError(arg + " needs a value: " + std::string(what));
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      cl.help = true;
    } else if (arg == "--version" || arg == "-V") {
      cl.version = true;
    } else if (arg == "--config") {
      cl.config_file = take_value("the path of a JSON config file");
    } else if (const Setting* s = find_by_flag(arg)) {
      if (s->value_hint.empty() && !inline_value) {  // a switch such as --demo or --allow-writes
        cl.flags.push_back({s, "true"});
      } else {
        cl.flags.push_back({s, take_value(s->value_hint)});
      }
    } else {
      throw ConfigError("unknown argument \"" + arg + "\"; known flags: " + known_flags() +
                        ". Credentials are read from the environment or the config file, never from flags.");
    }
  }
  return cl;
}

void apply(Config& config, const Setting& setting, const std::string& value, const std::string& source) {
  try {
    setting.apply(config, value);
  } catch (const std::invalid_argument& e) {
    std::string shown = setting.secret ? "" : " (got \"" + value + "\")";
    throw ConfigError(source + ": " + e.what() + shown);
  }
}

std::string json_to_setting_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean() || value.is_number()) return value.dump();
  if (value.is_null()) return "";
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) {
      if (!item.is_string()) throw std::invalid_argument("expected an array of strings");
      out += (out.empty() ? "" : ",") + item.get<std::string>();
    }
    return out;
  }
  throw std::invalid_argument("expected a string, number, boolean or array of strings");
}

void apply_file(Config& config, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError("--config " + path + ": cannot read the file (does it exist?)");
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw ConfigError("config file " + path + " is not valid JSON: " + e.what());
  }
  if (!doc.is_object()) throw ConfigError("config file " + path + " must hold a JSON object of settings");
  for (const auto& [key, value] : doc.items()) {
    const Setting* s = find_by_key(key);
    if (s == nullptr) {
      std::string keys;
      for (const auto& setting : settings()) keys += (keys.empty() ? "" : ", ") + std::string(setting.key);
      throw ConfigError("config file " + path + ": unknown key \"" + key + "\"; known keys: " + keys);
    }
    std::string text_value;
    try {
      text_value = json_to_setting_text(value);
    } catch (const std::invalid_argument& e) {
      throw ConfigError("config file " + path + ": key \"" + key + "\": " + e.what());
    }
    apply(config, *s, text_value, "config file " + path + ": key \"" + key + "\"");
  }
}

void apply_environment(Config& config, const Environment& env) {
  for (const auto& [name, value] : env) {
    if (name.rfind(kOwnPrefix, 0) != 0) continue;
    bool known = false;
    for (const auto& s : settings()) known = known || s.env == name;
    if (!known) {
      std::string names;
      for (const auto& s : settings()) {
        if (s.env.rfind(kOwnPrefix, 0) == 0) names += (names.empty() ? "" : ", ") + std::string(s.env);
      }
      throw ConfigError("unknown environment variable " + name + " (a typo?); known: " + names);
    }
  }
  for (const auto& s : settings()) {
    if (s.env.empty()) continue;
    if (auto it = env.find(std::string(s.env)); it != env.end()) apply(config, s, it->second, std::string(s.env));
  }
}

void check_consistency(const Config& c) {
  const bool has_id = !c.airbyte.client_id.empty();
  const bool has_secret = !c.airbyte.client_secret.empty();
  if (has_id != has_secret) {
    throw ConfigError(std::string(has_id ? "AIRBYTE_CLIENT_ID is set but AIRBYTE_CLIENT_SECRET is not"
                                         : "AIRBYTE_CLIENT_SECRET is set but AIRBYTE_CLIENT_ID is not") +
                      "; hosted mode needs both (or neither, for direct mode with TIKTOK_MARKETING_ACCESS_TOKEN)");
  }
  if (c.tiktok.app_id.empty() != c.tiktok.app_secret.empty()) {
    throw ConfigError("TIKTOK_MARKETING_APP_ID and TIKTOK_MARKETING_APP_SECRET must be set together");
  }
}

}  // namespace

Invocation load(const std::vector<std::string>& args, const Environment& env) {
  CommandLine cl = parse_args(args);
  Invocation inv;
  inv.show_help = cl.help;
  inv.show_version = cl.version;
  if (cl.help || cl.version) return inv;
  apply_environment(inv.config, env);
  if (cl.config_file) apply_file(inv.config, *cl.config_file);
  for (const auto& f : cl.flags) apply(inv.config, *f.setting, f.value, std::string(f.setting->flag));
  check_consistency(inv.config);
  return inv;
}

std::string help_text() {
  std::ostringstream out;
  out << "tiktok-marketing-mcp: a Model Context Protocol server for the TikTok Business (Marketing) API\n\n"
         "Usage: tiktok-marketing-mcp [--transport stdio|http|sse] [--host H] [--port P] [--config FILE]\n"
         "                            [--log-level debug|info|warning|error] [--demo]\n"
         "       tiktok-marketing-mcp --help | --version\n\n"
         "Flags override the config file, which overrides the environment.\n\nFlags:\n"
         "  --config FILE            JSON object of settings, keyed by the names in brackets below\n"
         "  --help, -h               this text\n"
         "  --version, -V            the version\n";
  for (const auto& s : settings()) {
    if (s.flag.empty()) continue;
    std::string left = std::string(s.flag) + (s.value_hint.empty() ? "" : " " + std::string(s.value_hint));
    out << "  " << left << std::string(left.size() < 25 ? 25 - left.size() : 1, ' ') << s.description << "\n";
  }
  out << "\nEnvironment variables [config file key]:\n";
  for (const auto& s : settings()) {
    if (s.env.empty()) continue;
    out << "  " << s.env << " [" << s.key << "]" << (s.secret ? " (secret)" : "") << "\n      " << s.description
        << "\n";
  }
  out << "\nModes: AIRBYTE_CLIENT_ID + AIRBYTE_CLIENT_SECRET select hosted mode (through Airbyte);\n"
         "otherwise TIKTOK_MARKETING_ACCESS_TOKEN selects direct mode; --demo serves sample data.\n";
  return out.str();
}

}  // namespace config
