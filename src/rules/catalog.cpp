#include "rules/catalog.hpp"

#include <algorithm>

#include "rules/embedded.hpp"
#include "rules/pack_loader.hpp"
#include "text/did_you_mean.hpp"

namespace ppsaudit::rules {

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> k_profiles{
      {"pps",
       "Parent Partnership Services: SEN Code of Practice 2001, Stone 2004, NPPN 2010",
       "sen_cop_2001",
       {"sen-cop-2001", "stone-2004", "nppn-2010", "nppn-impartiality"}},
      {"iass",
       "SEND Information, Advice and Support Services: SEND Code of Practice 2015, Minimum Standards 2018",
       "send_cop_2015",
       {"send-cop-2015", "iass-2018"}},
  };
  return k_profiles;
}

const Profile* find_profile(std::string_view id) {
  for (const auto& profile : profiles()) {
    if (profile.id == id) {
      return &profile;
    }
  }
  return nullptr;
}

const Profile* profile_for_framework(std::string_view framework) {
  for (const auto& profile : profiles()) {
    if (profile.framework == framework) {
      return &profile;
    }
  }
  return nullptr;
}

Catalog Catalog::builtin(Diagnostics& diagnostics) {
  Catalog catalog;
  for (const auto& file : embedded_packs()) {
    if (auto pack = parse_pack(file.text, file.name, diagnostics)) {
      catalog.add(std::move(pack), diagnostics);
    }
  }
  return catalog;
}

Catalog Catalog::builtin_on_demand() {
  Catalog catalog;
  const auto files = embedded_packs();
  catalog.m_unread.assign(files.begin(), files.end());
  return catalog;
}

namespace {

// The pack id a built-in pack's file is named after: "rules/nppn-2010.yaml" holds "nppn-2010".
std::string_view id_of_file(std::string_view name) {
  name.remove_prefix(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1);
  return name.substr(0, name.rfind(".yaml"));
}

// Whether two packs could hold the same rule id: each rule id starts with its pack's id and a
// slash, so one pack's "id/" must start the other's.
bool could_share_rule_ids(std::string_view a, std::string_view b) {
  const std::string a_slash = std::string(a) + '/';
  const std::string b_slash = std::string(b) + '/';
  return a_slash.starts_with(b_slash) || b_slash.starts_with(a_slash);
}

}  // namespace

bool Catalog::load_builtin(std::string_view id, Diagnostics& diagnostics) {
  const auto unread = std::find_if(m_unread.begin(), m_unread.end(),
                                   [&](const EmbeddedFile& file) { return id_of_file(file.name) == id; });
  if (unread == m_unread.end()) {
    return find_pack(id) != nullptr;
  }
  const EmbeddedFile file = *unread;
  m_unread.erase(unread);
  auto pack = parse_pack(file.audit_text, file.name, diagnostics, PackText::without_fixtures);
  if (pack != nullptr && pack->id != id) {
    diagnostics.error(pack->where, "the built-in pack '{}' must be in a file named after it, not '{}'", pack->id,
                      file.name);
    return false;
  }
  return pack != nullptr && add(std::move(pack), diagnostics);
}

bool Catalog::add(std::unique_ptr<Pack> pack, Diagnostics& diagnostics) {
  bool ok = true;
  std::vector<std::string> clashing;
  for (const auto& file : m_unread) {
    if (could_share_rule_ids(id_of_file(file.name), pack->id)) {
      clashing.emplace_back(id_of_file(file.name));
    }
  }
  for (const auto& id : clashing) {
    load_builtin(id, diagnostics);
  }
  if (const Pack* same = find_pack(pack->id)) {
    diagnostics.error(pack->where, "pack '{}' is already loaded", pack->id);
    diagnostics.note(same->where, "the other pack '{}' is here", same->id);
    return false;
  }
  for (const auto& rule : pack->rules) {
    if (const Rule* same = find_rule(rule.id)) {
      diagnostics.error(rule.where, "rule id '{}' is already used", rule.id);
      diagnostics.note(same->where, "by this rule");
      ok = false;
    }
  }
  if (ok) {
    m_packs.push_back(std::move(pack));
  }
  return ok;
}

const Pack* Catalog::find_pack(std::string_view id) const {
  for (const auto& pack : m_packs) {
    if (pack->id == id) {
      return pack.get();
    }
  }
  return nullptr;
}

const Rule* Catalog::find_rule(std::string_view id) const {
  for (const auto& pack : m_packs) {
    for (const auto& rule : pack->rules) {
      if (rule.id == id) {
        return &rule;
      }
    }
  }
  return nullptr;
}

std::vector<std::string> Catalog::rule_ids() const {
  std::vector<std::string> ids;
  for (const auto& pack : m_packs) {
    for (const auto& rule : pack->rules) {
      ids.push_back(rule.id);
    }
  }
  return ids;
}

std::vector<const Rule*> Catalog::rules_for(const Profile* profile, const std::vector<std::string>& extra_packs) const {
  std::vector<const Rule*> rules;
  const auto add_pack = [&](std::string_view id) {
    if (const Pack* pack = find_pack(id)) {
      for (const auto& rule : pack->rules) {
        rules.push_back(&rule);
      }
    }
  };
  if (profile != nullptr) {
    for (const auto& id : profile->packs) {
      add_pack(id);
    }
  }
  for (const auto& id : extra_packs) {
    if (profile == nullptr || std::find(profile->packs.begin(), profile->packs.end(), id) == profile->packs.end()) {
      add_pack(id);
    }
  }
  return rules;
}

}  // namespace ppsaudit::rules
