#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "rules/pack.hpp"
#include "rules/waiver.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::rules {

// The most bytes a finding's message may take: past it, the message is cut at a code point and
// ends in "…". A message is one line of a report; one that interpolates a value shared many
// times over must not grow with it.
inline constexpr std::size_t k_message_limit = 4096;

// What one rule found for one service: data, never an exception.
struct Finding {
  const Rule* rule = nullptr;
  Outcome outcome = Outcome::not_assessable;
  std::string message;  // what is wrong, why it does not apply, who attested, or what is missing
  Location where;       // the record at fault (see Rule::at), the service file's evidence, or the file itself
  // Not applicable because its pack did not apply on the audit date (domain.md §15.2).
  bool outside_era = false;
  // The other records at fault (see Rule::at), in the order it gave them.
  std::vector<Location> also_at{};
  // The evidence paths of the records at fault (where, then also_at), when the rule's `at`
  // named them: "people[id=ppo]". Baselines match results by them, never by line numbers.
  std::vector<std::string> elements{};
  // The service's waiver that matches this failing result, and what it does to it
  // (rules/waiver.hpp): the result keeps its outcome either way.
  std::optional<Waiver> waiver{};
  WaiverState waiver_state = WaiverState::applied;
};

// Every rule's finding for one service, in the order the rules were given.
struct ServiceAudit {
  const service::ServiceFile* file = nullptr;
  Date as_of;
  std::vector<Finding> findings;
};

// The rule id an attestation names: its `rule`, or `criterion`, the older name of the key.
const std::string& attested_rule_id(const yaml::Node& attestation);

// The latest attestation of a rule made on or before `as_of`, or nullptr.
const yaml::Node* latest_attestation(const service::ServiceFile& file, std::string_view rule_id, Date as_of);

// Evaluates each rule against the service as of the audit date. Every rule gives a finding;
// an expression that cannot be evaluated (missing or malformed evidence) is "not assessable".
ServiceAudit audit_service(const service::ServiceFile& file, const std::vector<const Rule*>& rules, Date as_of);

}  // namespace ppsaudit::rules
