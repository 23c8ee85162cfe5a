// The machine-readable comparison, format "ppsaudit-compare" version 1 (schema:
// schema/ppsaudit-compare.schema.json): both services' counts per framework, then every rule
// that differs, that agrees, or that one side alone has, each with each side's result,
// message and location, keys in a fixed order.
#include <string>

#include <nlohmann/json.hpp>

#include "report/compare.hpp"
#include "report/json_parts.hpp"
#include "report/labels.hpp"

namespace ppsaudit::report {

namespace {

using Json = nlohmann::ordered_json;

Json location(const Location& where) {
  return location_json(where);
}

Json counts(const OutcomeCounts& tally) {
  Json json;
  for (const auto outcome : counted_outcomes()) {
    json[token(outcome)] = tally.of(outcome);
  }
  return json;
}

Json notes(const std::vector<rules::EraNote>& list) {
  Json items = Json::array();
  for (const auto& note : list) {
    items.push_back({{"message", note.message}, {"location", location(note.where)}});
  }
  return items;
}

Json service(const AuditedService& audited, const OutcomeCounts& tally) {
  Json json;
  json["file"] = *audited.audit.file->path;
  json["name"] = audited.audit.file->name();
  json["profile"] = audited.profile != nullptr ? Json(std::string(audited.profile->id)) : Json(nullptr);
  json["as_of"] = audited.audit.as_of.to_string();
  json["warnings"] = notes(audited.era_notes);
  json["notes"] = notes(audited.era_conflicts);
  json["readings"] = readings_json(audited.readings);
  json["counts"] = counts(tally);
  return json;
}

Json side(const std::optional<FrameworkSummary>& framework) {
  if (!framework) {
    return nullptr;
  }
  return {{"counts", counts(framework->counts)},
          {"practice_level", framework->practice_level.empty() ? Json(nullptr) : Json(framework->practice_level)}};
}

Json finding(const rules::Finding* found) {
  if (found == nullptr) {
    return nullptr;
  }
  Json json;
  json["result"] = token(found->outcome);
  json["message"] = found->message;
  json["location"] = location(found->where);
  json["outside_era"] = found->outside_era;
  if (found->waiver) {
    json["waiver"] = finding_waiver_json(*found);
  }
  return json;
}

Json rules_json(const std::vector<ComparedRule>& list) {
  Json items = Json::array();
  for (const auto& compared : list) {
    const rules::Rule& rule = *compared.rule;
    Json item;
    item["rule"] = rule.id;
    item["pack"] = rule.pack->id;
    item["framework"] = rule.pack->framework;
    item["title"] = rule.title;
    item["strength"] = token(rule.strength);
    item["level"] = rule.level.empty() ? Json(nullptr) : Json(rule.level);
    item["a"] = finding(compared.a);
    item["b"] = finding(compared.b);
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

std::string write_compare_json(const Comparison& comparison) {
  Json json;
  json["format"] = "ppsaudit-compare";
  json["version"] = 1;
  json["tool"] = {{"name", "ppsaudit"}, {"version", PPSAUDIT_VERSION}};
  json["statutory_waivers_allowed"] = comparison.statutory_waivers_allowed;
  json["a"] = service(*comparison.a, comparison.counts_a);
  json["b"] = service(*comparison.b, comparison.counts_b);
  Json frameworks = Json::array();
  for (const auto& framework : comparison.frameworks) {
    frameworks.push_back({{"framework", framework.framework}, {"a", side(framework.a)}, {"b", side(framework.b)}});
  }
  json["frameworks"] = std::move(frameworks);
  Json directions = Json::array();
  for (const auto& direction : comparison.era_directions) {
    directions.push_back({{"message", direction.message}, {"a", location(direction.a)}, {"b", location(direction.b)}});
  }
  json["era_directions"] = std::move(directions);
  json["differences"] = rules_json(comparison.differences);
  json["agreements"] = rules_json(comparison.agreements);
  json["only_a"] = rules_json(comparison.only_a);
  json["only_b"] = rules_json(comparison.only_b);
  return json.dump(2) + "\n";
}

}  // namespace ppsaudit::report
