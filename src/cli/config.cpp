#include "cli/config.hpp"

#include "cli/choice_table.hpp"

#include <algorithm>
#include <memory>
#include <span>
#include <system_error>
#include <variant>

#include "calendar/date.hpp"
#include "rules/catalog.hpp"
#include "rules/waiver.hpp"
#include "text/did_you_mean.hpp"
#include "yaml/first_key.hpp"
#include "yaml/reader.hpp"
#include "yaml/schema_builder.hpp"
#include "yaml/walker.hpp"

namespace ppsaudit {

namespace {

using yaml::k_optional;
using yaml::k_required;
using yaml::Kind;
using yaml::TypeSpec;

// The format, version 1: every key but the first may be left out.
const TypeSpec& config_schema() {
  static yaml::SchemaBuilder b;
  static const TypeSpec* const k_schema = [] {
    const auto* text = b.scalar(Kind::text, "text");
    std::vector<std::string_view> profiles;
    for (const auto& profile : rules::profiles()) {
      profiles.push_back(profile.id);
    }
    std::vector<yaml::FieldSpec> outputs;
    for (const auto& format : report::formats()) {
      outputs.push_back({format.name, text, k_optional, "the file to write this format to"});
    }
    return b.record(
        "Config",
        {{k_config_key, b.format_version(k_config_version), k_required, "the format's version, 1"},
         {"profile", b.choice("profile", std::move(profiles)), k_optional, "the rule profile (--profile)"},
         {"as_of", text, k_optional, "the audit date, YYYY-MM-DD, or 'today' (--as-of)"},
         {"fail_on", b.choice("threshold", words_of(fail_on_words())), k_optional, "the failure threshold (--fail-on)"},
         {"era", b.choice("era mode", words_of(era_words())), k_optional, "what an era mismatch does (--era)"},
         {"due_within", b.bounded(Kind::integer, "number of days", 0, 3660), k_optional,
          "how many days ahead to list what falls due (--due-within)"},
         {"max_waiver_days", b.bounded(Kind::integer, "number of days", 1, rules::k_longest_waiver_days), k_optional,
          "the longest a service's waiver may run (--max-waiver-days)"},
         {"rules", b.list(text), k_optional, "rule packs, files or folders (--rules)"},
         {"baseline", text, k_optional, "a JSON report of an earlier run to compare with (--baseline)"},
         {"outputs", b.record("Outputs", std::move(outputs)), k_optional, "report files, format: path (--output)"}});
  }();
  return *k_schema;
}

// A path of the file, taken from the file's folder.
std::string from_folder(const std::string& config_path, const std::string& path) {
  const std::filesystem::path folder = std::filesystem::path(config_path).parent_path();
  return (folder / path).lexically_normal().string();
}

}  // namespace

std::optional<Config> parse_config(std::string_view text, const std::string& name, Diagnostics& diagnostics) {
  auto file = std::make_shared<const std::string>(name);
  // A service file or a rule pack named by mistake is refused for what it is, not key by key.
  const auto first = yaml::first_key(text);
  if (first != k_config_key) {
    diagnostics.error(make_location(file, 1, 1), "a configuration file starts with '{}: {}'{}", k_config_key,
                      k_config_version, first ? fmt::format(", not '{}'", *first) : std::string());
    return std::nullopt;
  }
  Diagnostics local;
  auto raw = yaml::read_yaml(text, file, k_config_file, local);
  auto root = raw ? yaml::walk_schema(*raw, config_schema(), k_config_file, local) : std::nullopt;
  Config config;
  config.path = name;
  if (root) {
    if (const auto* profile = root->find("profile")) {
      config.profile = *profile->as_text();
    }
    if (const auto* as_of = root->find("as_of")) {
      const std::string& value = *as_of->as_text();
      if (value == "today") {
        config.as_of = "";
      } else if (auto date = parse_date(value); const auto* message = std::get_if<std::string>(&date)) {
        const std::string_view today = "today";
        local.error(as_of->where, "'as_of': {}, or the word 'today'{}", *message,
                    did_you_mean_suffix(closest_match(value, std::span(&today, 1))));
      } else {
        config.as_of = value;
      }
    }
    if (const auto* fail_on = root->find("fail_on")) {
      config.fail_on = choice_of(fail_on_words(), *fail_on->as_text());
    }
    if (const auto* era = root->find("era")) {
      config.era = choice_of(era_words(), *era->as_text());
    }
    if (const auto* due_within = root->find("due_within")) {
      config.due_within_days = static_cast<int>(std::get<std::int64_t>(due_within->value));
    }
    if (const auto* max_waiver_days = root->find("max_waiver_days")) {
      config.max_waiver_days = static_cast<int>(std::get<std::int64_t>(max_waiver_days->value));
    }
    if (const auto* packs = root->find("rules")) {
      for (const auto& pack : *packs->as_list()) {
        config.rules.push_back(from_folder(name, *pack.as_text()));
      }
    }
    if (const auto* baseline = root->find("baseline")) {
      config.baseline = from_folder(name, *baseline->as_text());
    }
    if (const auto* outputs = root->find("outputs")) {
      for (const auto& field : *outputs->as_record()) {
        config.outputs.emplace_back(report::find_format(field.name), from_folder(name, *field.value->as_text()));
      }
    }
  }
  diagnostics.merge(local);
  if (local.has_errors()) {
    return std::nullopt;
  }
  return config;
}

std::optional<std::filesystem::path> find_config(const std::filesystem::path& start) {
  std::error_code error;
  for (std::filesystem::path folder = start;; folder = folder.parent_path()) {
    const auto candidate = folder / k_config_name;
    if (std::filesystem::exists(candidate, error) && !std::filesystem::is_directory(candidate, error)) {
      return candidate;
    }
    if (folder == folder.parent_path() || folder.empty()) {
      return std::nullopt;
    }
  }
}

bool apply_config(const ConfigChoice& choice, const GivenOptions& given, CheckOptions& options,
                  Diagnostics& diagnostics) {
  std::string path = choice.path;
  if (path.empty() && !choice.none) {
    std::error_code error;
    const auto here = std::filesystem::current_path(error);
    if (const auto found = error ? std::nullopt : find_config(here)) {
      // Named from the current folder, as the user would name it: "../../ppsaudit.yaml".
      path = std::filesystem::proximate(*found, here, error).string();
      if (error) {
        path = found->string();
      }
    }
  }
  if (path.empty()) {
    return true;
  }
  const auto text = yaml::read_file_text(path, diagnostics);
  const auto config = text ? parse_config(*text, path, diagnostics) : std::nullopt;
  if (!config) {
    return false;
  }
  options.config = path;
  if (config->profile && !given.profile) {
    options.profile = *config->profile;
  }
  if (config->as_of && !given.as_of) {
    options.as_of = *config->as_of;
  }
  if (config->fail_on && !given.fail_on) {
    options.fail_on = *config->fail_on;
  }
  if (config->era && !given.era) {
    options.era = *config->era;
  }
  if (config->due_within_days && !given.due_within) {
    options.due_within_days = *config->due_within_days;
  }
  if (config->max_waiver_days && !given.max_waiver_days) {
    options.waivers.max_days = *config->max_waiver_days;
  }
  if (config->baseline && !given.baseline) {
    options.baseline = *config->baseline;
  }
  options.rules.insert(options.rules.begin(), config->rules.begin(), config->rules.end());
  std::vector<std::pair<const report::Format*, std::string>> outputs;
  for (const auto& output : config->outputs) {
    const bool replaced = std::any_of(options.outputs.begin(), options.outputs.end(),
                                      [&](const auto& given_output) { return given_output.first == output.first; });
    if (!replaced) {
      outputs.push_back(output);
    }
  }
  outputs.insert(outputs.end(), options.outputs.begin(), options.outputs.end());
  options.outputs = std::move(outputs);
  return true;
}

}  // namespace ppsaudit
