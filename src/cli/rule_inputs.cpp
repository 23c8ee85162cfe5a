#include "cli/rule_inputs.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "rules/pack_loader.hpp"

namespace ppsaudit {

std::optional<Date> parse_as_of(const std::string& text, Diagnostics& diagnostics) {
  if (text.empty()) {
    return today_utc();
  }
  auto parsed = parse_date(text);
  if (const auto* message = std::get_if<std::string>(&parsed)) {
    diagnostics.error({}, "--as-of: {}", *message);
    return std::nullopt;
  }
  return std::get<Date>(parsed);
}

std::vector<std::string> profile_names() {
  std::vector<std::string> names;
  for (const auto& profile : rules::profiles()) {
    names.emplace_back(profile.id);
  }
  return names;
}

const rules::Profile* find_profile_or_report(const std::string& name, Diagnostics& diagnostics) {
  const rules::Profile* profile = rules::find_profile(name);
  if (profile == nullptr) {
    diagnostics.error({}, "unknown profile '{}' (known: {})", name, fmt::join(profile_names(), ", "));
  }
  return profile;
}

std::vector<std::string> pack_files(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.path().extension() == ".yaml") {
        found.push_back(entry.path().string());
      }
    }
    if (error) {
      diagnostics.error({}, "cannot read the folder '{}': {}", path, error.message());
    } else if (found.empty()) {
      diagnostics.error({}, "the folder '{}' holds no rule pack (*.yaml)", path);
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::optional<LoadedRules> load_rules(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  LoadedRules loaded{rules::Catalog::builtin(diagnostics), {}};
  for (const auto& file : pack_files(paths, diagnostics)) {
    if (auto pack = rules::load_pack_file(file, diagnostics)) {
      const std::string id = pack->id;
      if (loaded.catalog.add(std::move(pack), diagnostics)) {
        loaded.extra_packs.push_back(id);
      }
    }
  }
  if (diagnostics.has_errors()) {
    return std::nullopt;
  }
  return loaded;
}

}  // namespace ppsaudit
