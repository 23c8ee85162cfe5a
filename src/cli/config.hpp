#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/check.hpp"
#include "diag/diagnostics.hpp"
#include "yaml/document_kind.hpp"

// The configuration file, ppsaudit.yaml at a register's root: the settings of `check` that a
// register keeps, which the command line overrides (man/ppsaudit.1, CONFIGURATION).
namespace ppsaudit {

// The name `check` looks for, in the current folder and each folder above it.
inline constexpr std::string_view k_config_name = "ppsaudit.yaml";

// The first key, which says what the file is, and the one version of the format.
inline constexpr std::string_view k_config_key = "ppsaudit-config";
constexpr int k_config_version = 1;

// How the reader and the walker name a configuration file in their messages.
inline constexpr yaml::DocumentKind k_config_file{"configuration file", "'ppsaudit-config'"};

// What a configuration file sets; each setting it leaves out is empty. Paths are relative to
// the current folder, as the command line's are: the file's own are taken from its folder.
struct Config {
  std::string path;
  std::optional<std::string> profile;
  std::optional<std::string> as_of;  // YYYY-MM-DD, or "" for today
  std::optional<FailOn> fail_on;
  std::optional<EraMode> era;
  std::optional<int> due_within_days;
  std::optional<int> max_waiver_days;
  std::vector<std::string> rules;
  std::vector<std::pair<const report::Format*, std::string>> outputs;
  std::optional<std::string> baseline;
};

// Reads the configuration file `text`, named `name` (its folder anchors its relative paths).
// Nothing, with located errors, when it is not exactly a configuration file.
std::optional<Config> parse_config(std::string_view text, const std::string& name, Diagnostics& diagnostics);

// The nearest ppsaudit.yaml in `start` or a folder above it, up to the filesystem's root.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Which configuration file `check` reads: the one named (--config), none (--no-config), or
// else the nearest one above the current folder.
struct ConfigChoice {
  std::string path;
  bool none = false;
};

// The options the command line gave, which a configuration file leaves as they are.
struct GivenOptions {
  bool profile = false;
  bool as_of = false;
  bool fail_on = false;
  bool era = false;
  bool due_within = false;
  bool baseline = false;
  bool max_waiver_days = false;
};

// Reads the configuration file `choice` names or finds, and fills in `options` from it where
// the command line gave nothing: its packs come before those of --rules, and its output files
// are written besides those of --output, which replaces its file of the same format. False,
// with located errors, when the file cannot be read or is not exactly a configuration file.
bool apply_config(const ConfigChoice& choice, const GivenOptions& given, CheckOptions& options,
                  Diagnostics& diagnostics);

}  // namespace ppsaudit
