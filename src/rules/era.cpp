#include "rules/era.hpp"

#include <fmt/format.h>

namespace ppsaudit::rules {

namespace {

// Why `name` does not apply on `as_of` under `era`, or nothing when it does.
std::optional<std::string> outside(const Era& era, std::string_view name, Date as_of) {
  if (era.from && as_of < *era.from) {
    return fmt::format("{} did not yet apply on {} (applies from {})", name, as_of.to_string(), era.from->to_string());
  }
  if (era.until && *era.until < as_of) {
    return fmt::format("{} no longer applied on {} (replaced on {})", name, as_of.to_string(),
                       era.until->add_days(1).to_string());
  }
  return std::nullopt;
}

}  // namespace

bool Era::contains(Date date) const {
  return (!from || *from <= date) && (!until || date <= *until);
}

Era era_of(const Pack& pack) {
  return {pack.effective_from, pack.effective_until};
}

std::optional<std::string> outside_era(const Pack& pack, Date as_of) {
  return outside(era_of(pack), "the " + pack.framework, as_of);
}

Era era_of(const Profile& profile, const Catalog& catalog) {
  const Pack* code = profile.packs.empty() ? nullptr : catalog.find_pack(profile.packs.front());
  return code != nullptr ? era_of(*code) : Era{};
}

std::vector<EraNote> era_mismatches(const service::ServiceFile& file, const Profile* profile, const Catalog& catalog,
                                    Date as_of) {
  std::vector<EraNote> notes;
  const yaml::Node* declared = file.root.find("service")->find("framework");
  const std::string& framework = *declared->as_text();
  const Profile* named = profile_for_framework(framework);
  const auto note = [&](std::string message) { notes.push_back({std::move(message), declared->where}); };

  if (profile != nullptr && named != nullptr && profile != named) {
    note(fmt::format("the service's framework is '{}' (profile '{}'), but it is audited with profile '{}'", framework,
                     named->id, profile->id));
  }
  if (profile != nullptr) {
    const std::string name = profile == named
                                 ? fmt::format("the service's framework '{}' (profile '{}')", framework, profile->id)
                                 : fmt::format("profile '{}'", profile->id);
    if (auto why = outside(era_of(*profile, catalog), name, as_of)) {
      note(std::move(*why));
    }
  }
  if (named != nullptr && named != profile) {
    if (auto why = outside(era_of(*named, catalog), fmt::format("the service's framework '{}'", framework), as_of)) {
      note(std::move(*why));
    }
  }
  return notes;
}

}  // namespace ppsaudit::rules
