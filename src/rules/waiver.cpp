#include "rules/waiver.hpp"

#include <algorithm>
#include <span>

#include "rules/engine.hpp"
#include "rules/evidence_path.hpp"
#include "rules/pack.hpp"
#include "service/service_file.hpp"
#include "text/did_you_mean.hpp"

namespace ppsaudit::rules {

namespace {

const std::string& text_of(const yaml::Node& record, std::string_view key) {
  static const std::string k_empty;
  const yaml::Node* value = record.find(key);
  return value != nullptr && value->as_text() != nullptr ? *value->as_text() : k_empty;
}

// Whether the result fails before any waiver: what a waiver is for.
bool failing(const Finding& finding) {
  return finding.outcome == Outcome::not_met || finding.outcome == Outcome::not_assessable;
}

bool matches(const Waiver& waiver, const Finding& finding) {
  if (finding.rule == nullptr || waiver.rule != finding.rule->id) {
    return false;
  }
  return waiver.scope.empty() ||
         std::find(finding.elements.begin(), finding.elements.end(), waiver.scope) != finding.elements.end();
}

WaiverState state_on(const Waiver& waiver, Date as_of) {
  if (as_of < waiver.granted) {
    return WaiverState::pending;
  }
  return waiver.expires < as_of ? WaiverState::expired : WaiverState::applied;
}

}  // namespace

std::string_view waiver_state_word(WaiverState state) {
  switch (state) {
    case WaiverState::applied:
      return "applied";
    case WaiverState::expired:
      return "expired";
    case WaiverState::pending:
      return "pending";
  }
  return "applied";
}

std::vector<Waiver> read_waivers(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                 const WaiverPolicy& policy, Diagnostics& diagnostics) {
  std::vector<Waiver> waivers;
  const yaml::Node* list = file.root.find("waivers");
  if (list == nullptr || list->as_list() == nullptr) {
    return waivers;
  }
  std::vector<std::string_view> ids;
  ids.reserve(rules.size());
  for (const Rule* rule : rules) {
    ids.push_back(rule->id);
  }
  for (const auto& entry : *list->as_list()) {
    const yaml::Node* rule_node = entry.find("rule");
    const yaml::Node* granted = entry.find("granted");
    const yaml::Node* expires = entry.find("expires");
    if (rule_node == nullptr || granted == nullptr || expires == nullptr || granted->as_date() == nullptr ||
        expires->as_date() == nullptr) {
      continue;  // the schema has reported it
    }
    Waiver waiver{*rule_node->as_text(),
                  text_of(entry, "scope"),
                  text_of(entry, "justification"),
                  text_of(entry, "approved_by"),
                  *granted->as_date(),
                  *expires->as_date(),
                  rule_node->where};
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const Rule* r) { return r->id == waiver.rule; });
    if (rule == rules.end()) {
      diagnostics.error(rule_node->where, "waiver of '{}', which is not a rule this audit applies{}", waiver.rule,
                        did_you_mean_suffix(closest_match(waiver.rule, std::span<const std::string_view>(ids))));
      continue;
    }
    if (const yaml::Node* scope = entry.find("scope")) {
      if (const auto problem = check_evidence_path(waiver.scope)) {
        diagnostics.error(scope->where, "waiver 'scope': {}", *problem);
        continue;
      }
    }
    const auto days = waiver.expires.days_since_1970() - waiver.granted.days_since_1970();
    if (policy.max_days && days > *policy.max_days) {
      diagnostics.error(expires->where,
                        "waiver of '{}' runs {} days, from {} to {}: the most is {} (--max-waiver-days)", waiver.rule,
                        days, waiver.granted.to_string(), waiver.expires.to_string(), *policy.max_days);
      continue;
    }
    if (const Date last = waiver.granted.add_months(12); !policy.max_days && last < waiver.expires) {
      diagnostics.error(expires->where,
                        "waiver of '{}' runs from {} to {}, longer than a year: it may expire on {} at the latest "
                        "(or set --max-waiver-days)",
                        waiver.rule, waiver.granted.to_string(), waiver.expires.to_string(), last.to_string());
      continue;
    }
    if (policy.apply && !policy.allow_statutory && is_legal_duty((*rule)->strength)) {
      diagnostics.error(rule_node->where,
                        "waiver of '{}', a legal duty ({}): a statutory duty is waived only with "
                        "--allow-statutory-waivers",
                        waiver.rule, (*rule)->strength == Strength::must ? "must" : "must have regard");
      continue;
    }
    waivers.push_back(std::move(waiver));
  }
  return waivers;
}

std::vector<Waiver> apply_waivers(std::vector<Finding>& findings, const std::vector<Waiver>& waivers, Date as_of) {
  std::vector<bool> used(waivers.size(), false);
  for (auto& finding : findings) {
    if (!failing(finding)) {
      continue;
    }
    const Waiver* best = nullptr;
    for (std::size_t i = 0; i < waivers.size(); ++i) {
      if (!matches(waivers[i], finding)) {
        continue;
      }
      used[i] = true;
      const bool in_force = state_on(waivers[i], as_of) == WaiverState::applied;
      if (best == nullptr || (in_force && state_on(*best, as_of) != WaiverState::applied) ||
          (in_force == (state_on(*best, as_of) == WaiverState::applied) && best->expires < waivers[i].expires)) {
        best = &waivers[i];
      }
    }
    if (best != nullptr) {
      finding.waiver = *best;
      finding.waiver_state = state_on(*best, as_of);
    }
  }
  std::vector<Waiver> stale;
  for (std::size_t i = 0; i < waivers.size(); ++i) {
    if (!used[i]) {
      stale.push_back(waivers[i]);
    }
  }
  return stale;
}

bool is_waived(const Finding& finding) {
  return finding.waiver && finding.waiver_state == WaiverState::applied;
}

std::string stale_waiver_message(const Waiver& waiver) {
  return fmt::format("stale waiver: '{}' has no failing result{} to waive", waiver.rule,
                     waiver.scope.empty() ? std::string() : fmt::format(" for {}", waiver.scope));
}

std::string waiver_note(const Finding& finding) {
  if (!finding.waiver) {
    return {};
  }
  const Waiver& waiver = *finding.waiver;
  const std::string scope = waiver.scope.empty() ? std::string() : fmt::format(" for {}", waiver.scope);
  switch (finding.waiver_state) {
    case WaiverState::applied:
      return fmt::format("waived{} until {} (end of day), approved by {} on {}: {}", scope, waiver.expires.to_string(),
                         waiver.approved_by, waiver.granted.to_string(), waiver.justification);
    case WaiverState::expired:
      return fmt::format("waiver{} expired on {} (approved by {} on {}): the result counts", scope,
                         waiver.expires.to_string(), waiver.approved_by, waiver.granted.to_string());
    case WaiverState::pending:
      return fmt::format("waiver{} not yet granted on the audit date (granted {}): the result counts", scope,
                         waiver.granted.to_string());
  }
  return {};
}

}  // namespace ppsaudit::rules
