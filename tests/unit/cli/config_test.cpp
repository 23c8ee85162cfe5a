#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "cli/config.hpp"

namespace {

using ppsaudit::Config;
using ppsaudit::Diagnostics;

struct Parsed {
  std::optional<Config> config;
  std::string messages;
};

Parsed parse(std::string_view text, const std::string& name = "reg/ppsaudit.yaml") {
  Diagnostics diagnostics;
  auto config = ppsaudit::parse_config(text, name, diagnostics);
  std::string messages;
  for (const auto& diagnostic : diagnostics.all()) {
    messages += ppsaudit::format_diagnostic(diagnostic) + "\n";
  }
  return {std::move(config), messages};
}

}  // namespace

TEST_CASE("config reads every setting, with its paths taken from the file's folder") {
  const auto parsed = parse(
      "ppsaudit-config: 1\nprofile: iass\nas_of: 2024-03-31\nfail_on: must\nera: strict\ndue_within: 30\n"
      "rules: [packs/local.rules.yaml, ../shared]\noutputs:\n  sarif: out/audit.sarif\n  json: audit.json\n");
  REQUIRE(parsed.config);
  CHECK(parsed.messages.empty());
  const Config& config = *parsed.config;
  CHECK(config.profile == "iass");
  CHECK(config.as_of == "2024-03-31");
  CHECK(config.fail_on == ppsaudit::FailOn::must);
  CHECK(config.era == ppsaudit::EraMode::strict);
  CHECK(config.due_within_days == 30);
  REQUIRE(config.rules.size() == 2);
  CHECK(config.rules[0] == "reg/packs/local.rules.yaml");
  CHECK(config.rules[1] == "shared");
  REQUIRE(config.outputs.size() == 2);
  CHECK(config.outputs[0].first->name == "sarif");
  CHECK(config.outputs[0].second == "reg/out/audit.sarif");
  CHECK(config.outputs[1].first->name == "json");
  CHECK(config.outputs[1].second == "reg/audit.json");
}

TEST_CASE("config leaves out what the file does not set, and reads 'today' as no fixed date") {
  const auto parsed = parse("ppsaudit-config: 1\nas_of: today\n", "ppsaudit.yaml");
  REQUIRE(parsed.config);
  CHECK(parsed.config->as_of == "");
  CHECK_FALSE(parsed.config->profile);
  CHECK_FALSE(parsed.config->fail_on);
  CHECK_FALSE(parsed.config->due_within_days);
  CHECK(parsed.config->rules.empty());
}

TEST_CASE("config refuses an unknown key, suggesting the one meant") {
  const auto parsed = parse("ppsaudit-config: 1\nfail-on: must\nprofle: pps\n");
  CHECK_FALSE(parsed.config);
  CHECK(parsed.messages ==
        "reg/ppsaudit.yaml:2:1: error: unknown key 'fail-on' in the configuration file (did you mean 'fail_on'?)\n"
        "reg/ppsaudit.yaml:3:1: error: unknown key 'profle' in the configuration file (did you mean 'profile'?)\n");
}

TEST_CASE("config refuses a date that is not a real day, or a misspelt 'today'") {
  const auto bad_day = parse("ppsaudit-config: 1\nas_of: 2024-02-30\n");
  CHECK_FALSE(bad_day.config);
  CHECK(bad_day.messages.starts_with("reg/ppsaudit.yaml:2:8: error: 'as_of': "));
  CHECK(bad_day.messages.find("or the word 'today'") != std::string::npos);
  const auto misspelt = parse("ppsaudit-config: 1\nas_of: tody\n");
  CHECK_FALSE(misspelt.config);
  CHECK(misspelt.messages.find("(did you mean 'today'?)") != std::string::npos);
}

TEST_CASE("config refuses an output format it does not write, suggesting the one meant") {
  const auto parsed = parse("ppsaudit-config: 1\noutputs:\n  jsno: audit.json\n");
  CHECK_FALSE(parsed.config);
  CHECK(parsed.messages.starts_with("reg/ppsaudit.yaml:3:3: error: unknown key 'jsno'"));
  CHECK(parsed.messages.find("(did you mean 'json'?)") != std::string::npos);
}

TEST_CASE("config refuses a wrong type or word with its location") {
  const auto parsed = parse("ppsaudit-config: 1\nrules: packs\ndue_within: soon\nfail_on: shuold\n");
  CHECK_FALSE(parsed.config);
  CHECK(parsed.messages.find("reg/ppsaudit.yaml:2:8: error:") != std::string::npos);
  CHECK(parsed.messages.find("reg/ppsaudit.yaml:3:13: error:") != std::string::npos);
  CHECK(parsed.messages.find("reg/ppsaudit.yaml:4:10: error:") != std::string::npos);
  CHECK(parsed.messages.find("(did you mean 'should'?)") != std::string::npos);
}

TEST_CASE("config refuses a service file or rule pack read as a configuration file") {
  const auto service = parse("ppsaudit: 1\nservice:\n  name: x\n");
  CHECK_FALSE(service.config);
  CHECK(service.messages ==
        "reg/ppsaudit.yaml:1:1: error: a configuration file starts with 'ppsaudit-config: 1', not 'ppsaudit'\n");
  const auto other_version = parse("ppsaudit-config: 2\n");
  CHECK_FALSE(other_version.config);
  CHECK(other_version.messages.starts_with("reg/ppsaudit.yaml:1:18: error:"));
}

TEST_CASE("config is found in the nearest folder at or above the start, and not below it") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / "ppsaudit-config-find-test";
  fs::remove_all(root);
  fs::create_directories(root / "reg" / "services" / "deep");
  fs::create_directories(root / "other");
  std::ofstream(root / "reg" / "ppsaudit.yaml") << "ppsaudit-config: 1\n";
  CHECK(ppsaudit::find_config(root / "reg" / "services" / "deep") == root / "reg" / "ppsaudit.yaml");
  CHECK(ppsaudit::find_config(root / "reg") == root / "reg" / "ppsaudit.yaml");
  // A folder named ppsaudit.yaml is not a configuration file.
  fs::create_directories(root / "reg" / "services" / "ppsaudit.yaml");
  CHECK(ppsaudit::find_config(root / "reg" / "services" / "deep") == root / "reg" / "ppsaudit.yaml");
  CHECK_FALSE(ppsaudit::find_config(root / "other") == root / "reg" / "ppsaudit.yaml");
  fs::remove_all(root);
}
