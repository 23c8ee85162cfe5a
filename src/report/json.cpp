// The machine-readable report, format "ppsaudit-report" version 2 (schema:
// schema/ppsaudit-report.schema.json): every result with its rule's metadata, citations,
// evidence location and message, in report order, and what falls due next, keys in a fixed order.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "report/json_parts.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"

namespace ppsaudit::report {

namespace {

using Json = nlohmann::ordered_json;

Json location(const Location& where) {
  return location_json(where);
}

Json result(const AuditedService& service, const rules::Finding& finding) {
  const rules::Rule& rule = *finding.rule;
  Json json;
  json["rule"] = rule.id;
  json["pack"] = rule.pack->id;
  json["framework"] = rule.pack->framework;
  json["title"] = rule.title;
  json["area"] = rule.area;
  json["strength"] = token(rule.strength);
  json["legal_duty"] = rules::states_legal_duty(rule);
  json["level"] = rule.level.empty() ? Json(nullptr) : Json(rule.level);
  json["result"] = token(finding.outcome);
  json["message"] = finding.message;
  json["location"] = location(finding.where);
  json["elements"] = finding.elements;
  if (const auto state = baseline_state(service, finding)) {
    json["baseline"] = token(*state);
  }
  if (!finding.also_at.empty()) {
    Json also = Json::array();
    for (const auto& where : finding.also_at) {
      also.push_back(location(where));
    }
    json["also_at"] = std::move(also);
  }
  if (finding.waiver) {
    // The result above is what the service was found to do; the waiver says what was accepted.
    json["waiver"] = finding_waiver_json(finding);
  }
  Json citations = Json::array();
  for (const auto& citation : rule.citations) {
    Json item;
    item["source"] = citation.source;
    item["locator"] = citation.locator;
    item["confidence"] = rules::to_string(citation.confidence);
    item["approximate"] = citation.confidence == rules::Confidence::low;
    item["verification"] = citation.verification;
    item["kind"] = rules::to_string(citation.kind);
    citations.push_back(std::move(item));
  }
  json["citations"] = std::move(citations);
  json["fix"] = rule.fix;
  if (const std::string snippet = attestation_snippet(service, finding); !snippet.empty()) {
    json["attestation_yaml"] = snippet;
  }
  return json;
}

Json counts(const OutcomeCounts& tally) {
  Json json;
  for (const auto outcome : counted_outcomes()) {
    json[token(outcome)] = tally.of(outcome);
  }
  return json;
}

// Era warnings or notes: each a kind, a message and a location.
Json era_notes_json(std::string_view kind, const std::vector<rules::EraNote>& notes) {
  Json items = Json::array();
  for (const auto& note : notes) {
    Json item;
    item["kind"] = kind;
    item["message"] = note.message;
    item["location"] = location(note.where);
    items.push_back(std::move(item));
  }
  return items;
}

Json frameworks_json(const std::vector<RollupRow::Framework>& frameworks) {
  Json items = Json::array();
  for (const auto& framework : frameworks) {
    Json item;
    item["framework"] = framework.framework;
    item["counts"] = counts(framework.counts);
    item["waived"] = counts(framework.waived);
    item["practice_level"] = framework.practice_level.empty() ? Json(nullptr) : Json(framework.practice_level);
    items.push_back(std::move(item));
  }
  return items;
}

Json service_json(const AuditedService& audited) {
  const rules::ServiceAudit& audit = audited.audit;
  const ServiceSummary summary = summarize(audited);
  Json service;
  service["id"] = audit.file->id();
  service["file"] = *audit.file->path;
  service["name"] = audit.file->name();
  service["profile"] = audited.profile != nullptr ? Json(std::string(audited.profile->id)) : Json(nullptr);
  service["as_of"] = audit.as_of.to_string();
  service["warnings"] = era_notes_json("era", audited.era_notes);
  service["notes"] = era_notes_json("era_conflict", audited.era_conflicts);
  service["readings"] = readings_json(audited.readings);
  Json stale = Json::array();
  for (const auto& waiver : audited.stale_waivers) {
    stale.push_back(waiver_json(waiver));
  }
  service["stale_waivers"] = std::move(stale);
  service["counts"] = counts(summary.counts);
  service["waived"] = counts(summary.waived);
  service["frameworks"] = frameworks_json(rollup_row(summary).frameworks);
  Json results = Json::array();
  for (const auto* finding : summary.findings) {
    results.push_back(result(audited, *finding));
  }
  service["results"] = std::move(results);
  Json deadlines = Json::array();
  for (const auto& deadline : audited.upcoming) {
    Json item;
    item["due"] = deadline.due.to_string();
    item["kind"] = deadline.kind;
    item["what"] = deadline.what;
    item["location"] = location(deadline.where);
    deadlines.push_back(std::move(item));
  }
  service["upcoming"] = std::move(deadlines);
  return service;
}

// The roll-up: one entry per service file, audited ones first, each with its counts per
// framework and its worst result, then the files that could not be audited.
Json rollup_json(const ReportFrame& frame) {
  Json rows = Json::array();
  for (const auto& service : frame.services) {
    Json row;
    row["file"] = service.file;
    row["name"] = service.name;
    row["status"] = "audited";
    row["frameworks"] = frameworks_json(service.frameworks);
    row["worst"] = !service.worst ? Json(nullptr)
                                  : Json{{"rule", service.worst->rule},
                                         {"result", token(service.worst->outcome)},
                                         {"strength", token(service.worst->strength)}};
    rows.push_back(std::move(row));
  }
  for (const auto& broken : frame.broken) {
    rows.push_back({{"file", broken.file},
                    {"name", nullptr},
                    {"status", "error"},
                    {"frameworks", Json::array()},
                    {"worst", nullptr}});
  }
  return rows;
}

// A file that could not be audited: located at its first error, with every diagnostic.
Json error_json(const BrokenFile& broken) {
  const Diagnostic& first = broken.first_error();
  Json json;
  json["file"] = broken.file;
  // An error without a place in any file (one that cannot be opened) is located at the file.
  json["location"] =
      location(first.where.file ? first.where : make_location(std::make_shared<const std::string>(broken.file), 0, 0));
  json["message"] = first.message;
  Json diagnostics = Json::array();
  for (const auto& item : broken.diagnostics) {
    diagnostics.push_back({{"severity", item.severity == Severity::error     ? "error"
                                        : item.severity == Severity::warning ? "warning"
                                                                             : "note"},
                           {"message", item.message},
                           {"location", location(item.where)}});
  }
  json["diagnostics"] = std::move(diagnostics);
  return json;
}

// What the baseline had that this run has not, with the counts of every state.
Json baseline_json(const BaselineComparison& comparison) {
  Json json;
  json["file"] = comparison.file;
  Json counts;
  for (const auto state :
       {BaselineState::new_result, BaselineState::unchanged, BaselineState::fixed, BaselineState::absent}) {
    counts[std::string(token(state))] = comparison.count(state);
  }
  json["counts"] = std::move(counts);
  Json absent = Json::array();
  for (const auto& item : comparison.absent) {
    Json entry;
    entry["service"] = item.service_id;
    entry["name"] = item.service_name;
    entry["service_audited"] = item.service_audited;
    entry["rule"] = item.result.rule;
    entry["result"] = item.result.result;
    entry["strength"] = item.result.strength;
    entry["message"] = item.result.message;
    entry["elements"] = item.result.elements;
    entry["location"] = {{"file", item.result.file}, {"line", item.result.line}, {"column", item.result.column}};
    absent.push_back(std::move(entry));
  }
  json["absent"] = std::move(absent);
  return json;
}

}  // namespace

FrameParts json_frame(const ReportFrame& frame) {
  Json json;
  json["format"] = "ppsaudit-report";
  json["version"] = 2;
  json["tool"] = {{"name", "ppsaudit"}, {"version", PPSAUDIT_VERSION}};
  json["due_within_days"] = frame.due_within_days;
  json["statutory_waivers_allowed"] = frame.statutory_waivers_allowed;
  if (frame.several()) {
    json["rollup"] = rollup_json(frame);
  }
  if (frame.baseline) {
    json["baseline"] = baseline_json(*frame.baseline);
  }
  json["services"] = frame.services.empty() ? Json::array() : Json::array({services_placeholder()});
  Json errors = Json::array();
  for (const auto& broken : frame.broken) {
    errors.push_back(error_json(broken));
  }
  json["errors"] = std::move(errors);
  return split_at_services(json.dump(2) + "\n");
}

// A service's section: an element of the list "services", two levels deep.
std::string json_section(const AuditedService& service, const SectionContext& /*context*/) {
  return indent_element(service_json(service).dump(2), 2);
}

}  // namespace ppsaudit::report
