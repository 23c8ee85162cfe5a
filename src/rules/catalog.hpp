#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "rules/embedded.hpp"
#include "rules/pack.hpp"

namespace ppsaudit::rules {

// A named set of packs for one era of the law (domain.md §10.14).
struct Profile {
  std::string_view id;
  std::string_view title;
  std::string_view framework;  // the service file's `service.framework` that picks it by default
  std::vector<std::string_view> packs;
};

// The profiles this build knows: `pps` (2001 Code, Stone 2004, NPPN) and `iass` (2015 Code,
// 2018 Minimum Standards).
const std::vector<Profile>& profiles();
const Profile* find_profile(std::string_view id);
// The profile for a service's declared framework.
const Profile* profile_for_framework(std::string_view framework);

// The loaded packs, with every rule id unique across them.
class Catalog {
 public:
  // The packs compiled into the binary, with their fixtures; an error in one is an error of
  // the build, reported like any other rule file error.
  static Catalog builtin(Diagnostics& diagnostics);
  // The packs compiled into the binary, none read yet: `load_builtin` reads each when an
  // audit first needs it, without its fixtures (an audit never runs them).
  static Catalog builtin_on_demand();

  // Reads the built-in pack `id` (its file is rules/<id>.yaml) unless it is read already or
  // the catalog is not on demand; false when it cannot be read. Reading changes the catalog:
  // finish before auditing, as the lookups below are then safe from several threads.
  bool load_builtin(std::string_view id, Diagnostics& diagnostics);

  // Adds a pack; a rule id that another pack already has is an error, located at both (a
  // built-in pack not read yet is read first when its ids could be the same).
  bool add(std::unique_ptr<Pack> pack, Diagnostics& diagnostics);

  [[nodiscard]] const Pack* find_pack(std::string_view id) const;
  [[nodiscard]] const Rule* find_rule(std::string_view id) const;
  [[nodiscard]] std::vector<std::string> rule_ids() const;
  [[nodiscard]] const std::vector<std::unique_ptr<Pack>>& packs() const { return m_packs; }

  // The rules of a profile's packs, in pack order, then of every pack added with
  // `extra_packs` (local packs given with --rules).
  [[nodiscard]] std::vector<const Rule*> rules_for(const Profile* profile,
                                                   const std::vector<std::string>& extra_packs) const;

 private:
  std::vector<std::unique_ptr<Pack>> m_packs;
  std::vector<EmbeddedFile> m_unread;  // built-in packs not read yet (on demand only)
};

}  // namespace ppsaudit::rules
