#include "rules/era.hpp"

#include <fmt/format.h>

namespace ppsaudit::rules {

namespace {

// Why `name` does not apply on `as_of` under `era`, or nothing when it does.
std::optional<std::string> outside(const Era& era, std::string_view name, Date as_of) {
  if (era.from && as_of < *era.from) {
    return fmt::format("{} did not yet apply on {} (applies from {})", name, as_of.to_string(), era.from->to_string());
  }
  if (era.until && *era.until < as_of && era.transitional_until && as_of <= *era.transitional_until) {
    return fmt::format(
        "{} no longer applied to new cases on {} (replaced on {}); cases begun under it ran on to {}, so audit "
        "with it on purpose only for such a case",
        name, as_of.to_string(), era.until->add_days(1).to_string(), era.transitional_until->to_string());
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
  return {pack.effective_from, pack.effective_until, pack.transitional_until};
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

std::vector<EraNote> era_conflicts(const service::ServiceFile& file) {
  static constexpr std::string_view k_sources =
      "The Minimum Standards for SENDIAS Services (2018) use \"advocacy\" with their own definition, for "
      "casework that may represent a family; 2001-era Parent Partnership policies, such as East Sussex Parent "
      "Link's, refuse to \"advocate\", meaning to take the parent's side rather than stay impartial. The word "
      "means different things in the two eras: this is a note, not a finding";
  std::vector<EraNote> notes;
  if (const yaml::Node* levels = file.root.find("service")->find("support_levels")) {
    for (const auto& level : *levels->as_list()) {
      const std::string& word = *level.as_text();
      if (word == "advocacy" || word == "representation") {
        notes.push_back({fmt::format("the service records that it offers {}. {}.", word, k_sources), level.where});
      }
    }
  }
  if (const yaml::Node* policies = file.root.find("policies")) {
    for (const auto& policy : *policies->as_list()) {
      const yaml::Node* covers = policy.find("covers");
      for (const auto& item : covers != nullptr ? *covers->as_list() : yaml::List{}) {
        if (*item.as_text() == "not_advocacy") {
          notes.push_back({fmt::format("the policy '{}' says the service does not advocate (not_advocacy). {}.",
                                       policy.text_of("title"), k_sources),
                           item.where});
        }
      }
    }
  }
  return notes;
}

AdvocacyRecords advocacy_records(const service::ServiceFile& file) {
  AdvocacyRecords records;
  if (const yaml::Node* levels = file.root.find("service")->find("support_levels")) {
    for (const auto& level : *levels->as_list()) {
      if (*level.as_text() == "advocacy" || *level.as_text() == "representation") {
        records.offered.push_back(level.where);
      }
    }
  }
  if (const yaml::Node* policies = file.root.find("policies")) {
    for (const auto& policy : *policies->as_list()) {
      const yaml::Node* covers = policy.find("covers");
      for (const auto& item : covers != nullptr ? *covers->as_list() : yaml::List{}) {
        if (*item.as_text() == "not_advocacy") {
          records.refused.push_back(item.where);
        }
      }
    }
  }
  return records;
}

}  // namespace ppsaudit::rules
