#include "cli/rule_inputs.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <sys/stat.h>

#include "rules/pack_loader.hpp"
#include "text/printable.hpp"
#include "yaml/input_file.hpp"

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

std::optional<std::string> generated_at(Diagnostics& diagnostics) {
  namespace chrono = std::chrono;
  chrono::sys_seconds now = chrono::floor<chrono::seconds>(chrono::system_clock::now());
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr) {
    const std::string_view value(epoch);
    long long seconds = -1;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    static constexpr long long k_year_10000 = 253402300800;
    if (value.empty() || error != std::errc() || end != value.data() + value.size() || seconds < 0 ||
        seconds >= k_year_10000) {
      diagnostics.error({}, "SOURCE_DATE_EPOCH: '{}' is not a number of seconds since 1970-01-01 (up to the year 9999)",
                        printable(value));
      return std::nullopt;
    }
    now = chrono::sys_seconds{chrono::seconds{seconds}};
  }
  const auto day = chrono::floor<chrono::days>(now);
  const chrono::hh_mm_ss time{now - day};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", Date::from_days(day.time_since_epoch().count()).to_string(),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
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
      if (entry.path().extension() != ".yaml") {
        continue;
      }
      // Only a regular file is opened: a FIFO could keep the run waiting for ever.
      struct stat status {};
      if (::stat(entry.path().c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
        diagnostics.error({}, "'{}' is {}, not a regular file: a rules folder holds only rule packs",
                          entry.path().string(), yaml::file_type_name(status.st_mode));
      } else {
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
  if (files.size() > k_max_pack_files) {
    // Refused before any is read: so many packs is a mistaken folder, not a rule set.
    diagnostics.error({}, "{} rule pack files named, more than {}, the limit for one run", files.size(),
                      k_max_pack_files);
    return {};
  }
  return files;
}

namespace {

std::string normalised(const std::filesystem::path& path) {
  std::error_code error;
  const auto absolute = std::filesystem::absolute(path, error);
  return (error ? path : absolute).lexically_normal().string();
}

// Adds the packs at `paths` (--rules) to `loaded`.
std::optional<LoadedRules> add_pack_files(LoadedRules loaded, const std::vector<std::string>& paths,
                                          Diagnostics& diagnostics) {
  for (const auto& file : pack_files(paths, diagnostics)) {
    if (loaded.pack_by_path.contains(normalised(file))) {
      continue;  // named twice on the command line
    }
    if (auto pack = rules::load_pack_file(file, diagnostics)) {
      const std::string id = pack->id;
      if (loaded.catalog.add(std::move(pack), diagnostics)) {
        loaded.extra_packs.push_back(id);
        loaded.pack_by_path.emplace(normalised(file), id);
      }
    }
  }
  if (diagnostics.has_errors()) {
    return std::nullopt;
  }
  return loaded;
}

void load_profile(const rules::Profile& profile, LoadedRules& loaded, Diagnostics& diagnostics) {
  for (const auto& id : profile.packs) {
    loaded.catalog.load_builtin(id, diagnostics);
  }
}

}  // namespace

std::optional<LoadedRules> load_rules(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  return add_pack_files(LoadedRules{rules::Catalog::builtin(diagnostics), {}, {}}, paths, diagnostics);
}

std::optional<LoadedRules> load_rules_for_audit(const std::vector<std::string>& paths, const rules::Profile* profile,
                                                Diagnostics& diagnostics) {
  LoadedRules loaded{rules::Catalog::builtin_on_demand(), {}, {}, true, profile};
  if (profile != nullptr) {
    load_profile(*profile, loaded, diagnostics);
  }
  return add_pack_files(std::move(loaded), paths, diagnostics);
}

std::vector<std::string> local_packs_of(const service::ServiceFile& file, LoadedRules& loaded,
                                        Diagnostics& diagnostics) {
  std::vector<std::string> ids = loaded.extra_packs;
  // The built-in packs its audit reads: its profile's, or under --profile the one that dates
  // its framework's era (rules::era_mismatches).
  const auto* framework = file.root.find("service")->find("framework");
  const rules::Profile* own = rules::profile_for_framework(*framework->as_text());
  if (loaded.for_audit && own != nullptr && loaded.profile == nullptr) {
    load_profile(*own, loaded, diagnostics);
  } else if (loaded.for_audit && own != nullptr && !own->packs.empty()) {
    loaded.catalog.load_builtin(own->packs.front(), diagnostics);
  }
  const yaml::Node* named = file.root.find("local_packs");
  for (const auto& item : named != nullptr ? *named->as_list() : yaml::List{}) {
    const std::filesystem::path path = std::filesystem::path(*file.path).parent_path() / *item.as_text();
    const std::string key = normalised(path);
    auto known = loaded.pack_by_path.find(key);
    if (known == loaded.pack_by_path.end()) {
      Diagnostics local;
      auto pack = rules::load_pack_file(path.string(), local);
      const std::string id = pack != nullptr ? pack->id : std::string();
      if (pack != nullptr && loaded.catalog.add(std::move(pack), local)) {
        known = loaded.pack_by_path.emplace(key, id).first;
      }
      const bool failed = local.has_errors();
      diagnostics.merge(local);
      if (failed) {
        diagnostics.error(item.where, "the local pack '{}' named here cannot be used", *item.as_text());
      }
    }
    if (known != loaded.pack_by_path.end() && std::find(ids.begin(), ids.end(), known->second) == ids.end()) {
      ids.push_back(known->second);
    }
  }
  return ids;
}

}  // namespace ppsaudit
