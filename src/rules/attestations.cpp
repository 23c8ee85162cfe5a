#include "rules/attestations.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "rules/engine.hpp"
#include "text/did_you_mean.hpp"

namespace ppsaudit::rules {

namespace {

// A rule id without its pack's prefix ("joint-commissioning"), for a user who left it out.
std::string_view local_name(std::string_view id) {
  const auto slash = id.rfind('/');
  return slash == std::string_view::npos ? id : id.substr(slash + 1);
}

// The rule id closest to `word`: by the whole id, or else by the part after the pack's prefix,
// the first rule in use winning a tie.
std::optional<std::string> closest_rule(std::string_view word, const std::vector<const Rule*>& rules) {
  std::vector<std::string_view> ids;
  std::vector<std::string_view> names;
  ids.reserve(rules.size());
  names.reserve(rules.size());
  for (const Rule* rule : rules) {
    ids.push_back(rule->id);
    names.push_back(local_name(rule->id));
  }
  if (auto whole = closest_match(word, ids)) {
    return whole;
  }
  const auto name = closest_match(local_name(word), names);
  if (!name) {
    return std::nullopt;
  }
  const auto found = std::find(names.begin(), names.end(), std::string_view(*name));
  return std::string(ids[static_cast<std::size_t>(found - names.begin())]);
}

// The rules in use that encode `criterion` and are attested, by id.
std::vector<std::string> attested_rules_of(std::string_view criterion, const std::vector<const Rule*>& rules) {
  std::vector<std::string> found;
  for (const Rule* rule : rules) {
    if (rule->attestation &&
        std::find(rule->criteria.begin(), rule->criteria.end(), criterion) != rule->criteria.end()) {
      found.push_back(rule->id);
    }
  }
  return found;
}

bool is_criterion(std::string_view id, const std::vector<const Rule*>& rules) {
  return std::any_of(rules.begin(), rules.end(), [id](const Rule* rule) {
    return std::find(rule->criteria.begin(), rule->criteria.end(), id) != rule->criteria.end();
  });
}

void check_one(const yaml::Node& attestation, const std::vector<const Rule*>& rules, Diagnostics& diagnostics) {
  const std::string_view key = attestation.find("rule") != nullptr ? "rule" : "criterion";
  const yaml::Node* value = attestation.find(key);
  const std::string& id = attested_rule_id(attestation);
  const auto rule = std::find_if(rules.begin(), rules.end(), [&id](const Rule* r) { return r->id == id; });
  if (rule != rules.end()) {
    if (!(*rule)->attestation) {
      diagnostics.warning(value->where,
                          "rule '{}' is checked from the file's data, not attested: this attestation "
                          "changes nothing",
                          id);
    }
    return;
  }
  if (is_criterion(id, rules)) {
    const auto attested = attested_rules_of(id, rules);
    if (attested.empty()) {
      diagnostics.error(value->where,
                        "'{}' is a criterion, not a rule: name a rule in '{}'; no rule in use that "
                        "encodes it is attested",
                        id, key);
    } else {
      diagnostics.error(value->where, "'{}' is a criterion, not a rule: name a rule in '{}' (did you mean '{}'?)", id,
                        key, fmt::join(attested, "' or '"));
    }
    return;
  }
  diagnostics.error(value->where, "'{}' is not the id of any rule in use{}", id,
                    did_you_mean_suffix(closest_rule(id, rules)));
}

}  // namespace

void check_attestations(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                        Diagnostics& diagnostics) {
  const yaml::Node* attestations = file.root.find("attestations");
  if (attestations == nullptr) {
    return;
  }
  for (const auto& attestation : *attestations->as_list()) {
    check_one(attestation, rules, diagnostics);
  }
}

}  // namespace ppsaudit::rules
