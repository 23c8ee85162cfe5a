#include "cli/json_report.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "cli/text_report.hpp"

namespace ppsaudit {

namespace {

using Json = nlohmann::ordered_json;

std::string word(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

Json location(const Location& where) {
  Json json;
  json["file"] = where.file_name();
  json["line"] = where.line;
  json["column"] = where.column;
  return json;
}

Json result(const rules::Finding& finding) {
  const rules::Rule& rule = *finding.rule;
  Json json;
  json["rule"] = rule.id;
  json["pack"] = rule.pack->id;
  json["framework"] = rule.pack->framework;
  json["title"] = rule.title;
  json["area"] = rule.area;
  json["strength"] = word(rules::to_string(rule.strength));
  json["legal_duty"] = rules::is_legal_duty(rule.strength);
  json["level"] = rule.level.empty() ? Json(nullptr) : Json(rule.level);
  json["result"] = word(rules::to_string(finding.outcome));
  json["message"] = finding.message;
  json["location"] = location(finding.where);
  Json citations = Json::array();
  for (const auto& citation : rule.citations) {
    Json item;
    item["source"] = citation.source;
    item["locator"] = citation.locator;
    item["confidence"] = rules::to_string(citation.confidence);
    item["approximate"] = citation.confidence == rules::Confidence::low;
    item["verification"] = citation.verification;
    citations.push_back(std::move(item));
  }
  json["citations"] = std::move(citations);
  json["fix"] = rule.fix;
  return json;
}

Json counts(const std::vector<const rules::Finding*>& findings) {
  std::map<rules::Outcome, int> tally;
  for (const auto* finding : findings) {
    ++tally[finding->outcome];
  }
  Json json;
  for (const auto outcome : {rules::Outcome::met, rules::Outcome::not_met, rules::Outcome::not_applicable,
                             rules::Outcome::needs_attestation, rules::Outcome::not_assessable}) {
    json[word(rules::to_string(outcome))] = tally[outcome];
  }
  return json;
}

}  // namespace

std::string json_report(const ReportContext& context) {
  Json report;
  report["format"] = "ppsaudit-report";
  report["version"] = 1;
  report["tool"] = {{"name", "ppsaudit"}, {"version", PPSAUDIT_VERSION}};
  report["due_within_days"] = context.due_within_days;
  Json list = Json::array();
  for (const auto& [audit, profile, upcoming] : context.services) {
    Json service;
    service["file"] = *audit.file->path;
    service["name"] = audit.file->name();
    service["profile"] = profile != nullptr ? Json(std::string(profile->id)) : Json(nullptr);
    service["as_of"] = audit.as_of.to_string();
    std::vector<const rules::Finding*> all;
    for (const auto& finding : audit.findings) {
      all.push_back(&finding);
    }
    const auto frameworks = findings_by_framework(audit);
    service["counts"] = counts(all);
    Json summaries = Json::array();
    for (const auto& [name, findings] : frameworks) {
      Json summary;
      summary["framework"] = name;
      summary["counts"] = counts(findings);
      const std::string level = practice_level_reached(findings);
      summary["practice_level"] = level.empty() ? Json(nullptr) : Json(level);
      summaries.push_back(std::move(summary));
    }
    service["frameworks"] = std::move(summaries);
    Json results = Json::array();
    for (const auto& finding : audit.findings) {
      results.push_back(result(finding));
    }
    service["results"] = std::move(results);
    Json deadlines = Json::array();
    for (const auto& deadline : upcoming) {
      Json item;
      item["due"] = deadline.due.to_string();
      item["kind"] = deadline.kind;
      item["what"] = deadline.what;
      item["location"] = location(deadline.where);
      deadlines.push_back(std::move(item));
    }
    service["upcoming"] = std::move(deadlines);
    list.push_back(std::move(service));
  }
  report["services"] = std::move(list);
  return report.dump(2) + "\n";
}

}  // namespace ppsaudit
