// The SARIF 2.1.0 log: one run for each service, each with the rules applied to it, one result
// for each rule in report order, and the service file as its artifact; man/ppsaudit.1 has the details.
#include "report/sarif.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_parts.hpp"
#include "report/labels.hpp"
#include "report/model.hpp"
#include "text/printable.hpp"

namespace ppsaudit::report {

namespace {

using Json = nlohmann::ordered_json;
using rules::Outcome;
using rules::Strength;

Json text(std::string_view value) {
  return Json{{"text", printable(value)}};
}

// A result's identity across runs: service id, rule id and records at fault, as a JSON array
// (unambiguous whatever the names hold, and free of control characters).
std::string fingerprint(std::string_view service, std::string_view rule, const std::vector<std::string>& elements) {
  Json parts = Json::array({service, rule});
  for (const auto& element : elements) {
    parts.push_back(element);
  }
  return parts.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// SARIF's word for a state is ppsaudit's, except that a fixed result is the same result, matched,
// with what matters changed: it passes now (SARIF 2.1.0 §3.27.24, "updated").
std::string_view sarif_baseline_state(BaselineState state) {
  return state == BaselineState::fixed ? std::string_view("updated") : token(state);
}

// A rule's help: its citations, then how to put it right.
std::string help(const rules::Rule& rule) {
  std::string out = "Why:";
  for (const auto& citation : rule.citations) {
    out += fmt::format("\n- {}{}", printable(citation.to_string()), legal_duty_note(rule, citation));
  }
  if (rule.citations.empty()) {
    out += " no citation is recorded.";
  }
  if (!rule.fix.empty()) {
    out += fmt::format("\nFix: {}", printable(rule.fix));
  }
  return out;
}

Json rule_descriptor(const rules::Rule& rule) {
  Json json;
  json["id"] = rule.id;
  json["shortDescription"] = text(rule.title);
  json["fullDescription"] = text(rule.rationale.empty() ? rule.title : rule.rationale);
  json["defaultConfiguration"] = {{"level", sarif_level(rule.strength)}};
  json["help"] = Json{{"text", help(rule)}};
  Json properties;
  properties["pack"] = rule.pack->id;
  properties["framework"] = printable(rule.pack->framework);
  properties["strength"] = token(rule.strength);
  properties["legal_duty"] = rules::states_legal_duty(rule);
  properties["area"] = rule.area;
  if (!rule.level.empty()) {
    properties["level"] = rule.level;
  }
  Json citations = Json::array();
  for (const auto& citation : rule.citations) {
    citations.push_back(printable(citation.to_string()));
  }
  properties["citations"] = std::move(citations);
  json["properties"] = std::move(properties);
  return json;
}

Json physical_location(const Location& where, const std::string& service_file) {
  const std::string& file = where.file ? where.file_name() : service_file;
  Json physical;
  physical["artifactLocation"] = {{"uri", uri_reference(file)}};
  if (file == service_file) {
    physical["artifactLocation"]["index"] = 0;
  }
  // Line 0 means the whole file, which SARIF says by leaving the region out.
  if (where.line > 0) {
    physical["region"]["startLine"] = where.line;
    if (where.column > 0) {
      physical["region"]["startColumn"] = where.column;
    }
  }
  return physical;
}

Json result(const AuditedService& service, const rules::Finding& finding, std::size_t index,
            const std::string& service_file) {
  const rules::Rule& rule = *finding.rule;
  const auto [kind, level] = sarif_classification(finding.outcome, rule.strength);
  Json json;
  json["ruleId"] = rule.id;
  json["ruleIndex"] = index;
  json["kind"] = kind;
  json["level"] = level;
  const std::string_view outcome = rules::to_string(finding.outcome);
  json["message"] = text(finding.message.empty() ? fmt::format("{}: {}", outcome, rule.title)
                                                 : fmt::format("{}: {}", outcome, finding.message));
  json["locations"] = Json::array({Json{{"physicalLocation", physical_location(finding.where, service_file)}}});
  // The other records at fault (a second untrained person), each with its own id.
  if (!finding.also_at.empty()) {
    Json related = Json::array();
    for (const auto& where : finding.also_at) {
      related.push_back({{"id", related.size()},
                         {"physicalLocation", physical_location(where, service_file)},
                         {"message", text("also at fault")}});
    }
    json["relatedLocations"] = std::move(related);
  }
  // What a baseline matches a result by: the service's id, the rule and the records at fault,
  // never a line number (SARIF 2.1.0 §3.27.17).
  json["partialFingerprints"] = {{"ppsaudit/v1", fingerprint(service.audit.file->id(), rule.id, finding.elements)}};
  if (const auto state = baseline_state(service, finding)) {
    json["baselineState"] = sarif_baseline_state(*state);
  }
  // A waiver in force is a suppression kept outside the analysed code, accepted (SARIF 2.1.0
  // §3.27.23, §3.35); one expired or not yet granted suppresses nothing, and is only told.
  if (finding.waiver) {
    const rules::Waiver& waiver = *finding.waiver;
    Json about;
    about["state"] = rules::waiver_state_word(finding.waiver_state);
    about["scope"] = waiver.scope.empty() ? Json(nullptr) : Json(waiver.scope);
    about["approved_by"] = printable(waiver.approved_by);
    about["granted"] = waiver.granted.to_string();
    about["expires"] = waiver.expires.to_string();
    if (rules::is_waived(finding)) {
      Json suppression;
      suppression["kind"] = "external";
      suppression["status"] = "accepted";
      suppression["justification"] = printable(waiver.justification);
      suppression["location"] = {{"physicalLocation", physical_location(waiver.where, service_file)}};
      suppression["properties"] = std::move(about);
      json["suppressions"] = Json::array({std::move(suppression)});
    } else {
      about["justification"] = printable(waiver.justification);
      json["properties"] = {{"waiver", std::move(about)}};
    }
  }
  return json;
}

// A result of the baseline that this run does not have (SARIF 2.1.0 §3.27.24, "absent"): its
// rule is not among this run's rules, so it names the rule by id only.
Json absent_result(const AbsentResult& absent, const std::string& service_file) {
  Json json;
  json["ruleId"] = absent.result.rule;
  Outcome outcome = Outcome::not_assessable;
  for (const auto candidate : counted_outcomes()) {
    outcome = token(candidate) == absent.result.result ? candidate : outcome;
  }
  Strength strength = Strength::should;
  for (const auto candidate : {Strength::must, Strength::must_have_regard, Strength::should, Strength::commitment,
                               Strength::minimum_standard, Strength::good_practice, Strength::best_practice}) {
    strength = token(candidate) == absent.result.strength ? candidate : strength;
  }
  const auto [kind, level] = sarif_classification(outcome, strength);
  json["kind"] = kind;
  json["level"] = level;
  json["message"] = text(fmt::format("absent: was {} in the baseline{}", absent.result.result,
                                     absent.result.message.empty() ? "" : ": " + absent.result.message));
  Json physical;
  physical["artifactLocation"] = {{"uri", uri_reference(service_file)}, {"index", 0}};
  json["locations"] = Json::array({Json{{"physicalLocation", std::move(physical)}}});
  json["partialFingerprints"] = {
      {"ppsaudit/v1", fingerprint(absent.service_id, absent.result.rule, absent.result.elements)}};
  json["baselineState"] = "absent";
  return json;
}

Json run(const AuditedService& service) {
  const rules::ServiceAudit& audit = service.audit;
  const ServiceSummary summary = summarize(service);
  const std::string& service_file = *audit.file->path;
  Json driver;
  driver["name"] = "ppsaudit";
  driver["version"] = PPSAUDIT_VERSION;
  driver["semanticVersion"] = PPSAUDIT_VERSION;
  Json descriptors = Json::array();
  Json results = Json::array();
  // Each finding has its own rule, in the order applied, so a result's ruleIndex is its own.
  for (const auto* finding : summary.findings) {
    results.push_back(result(service, *finding, static_cast<std::size_t>(descriptors.size()), service_file));
    descriptors.push_back(rule_descriptor(*finding->rule));
  }
  for (const auto& absent : service.baseline_absent) {
    results.push_back(absent_result(absent, service_file));
  }
  driver["rules"] = std::move(descriptors);
  Json json;
  json["tool"] = {{"driver", std::move(driver)}};
  Json artifact;
  artifact["location"] = {{"uri", uri_reference(service_file)}};
  artifact["roles"] = Json::array({"analysisTarget"});
  artifact["mimeType"] = "application/yaml";
  json["artifacts"] = Json::array({std::move(artifact)});
  json["results"] = std::move(results);
  json["columnKind"] = "unicodeCodePoints";
  // Where the profile, the audit date and the service's framework disagree: a warning of the
  // run itself (SARIF 2.1.0 §3.20.21, toolExecutionNotifications), for the audit still ran.
  // Notes for the reader (advocacy across eras, values read from words that mean two things)
  // go the same way, at level "note".
  Json notifications = Json::array();
  const auto physical = [&](const Location& where) {
    Json located;
    located["artifactLocation"] = {{"uri", uri_reference(where.file_name())}};
    if (where.file_name() == service_file) {
      located["artifactLocation"]["index"] = 0;
    }
    located["region"] = {{"startLine", where.line}, {"startColumn", where.column}};
    return Json{{"physicalLocation", std::move(located)}};
  };
  const auto notify = [&](std::string_view id, std::string_view level, const std::string& message, Json locations) {
    Json notification;
    notification["descriptor"] = {{"id", id}};
    notification["message"] = text(message);
    notification["level"] = level;
    notification["locations"] = std::move(locations);
    notifications.push_back(std::move(notification));
  };
  for (const auto& note : service.era_notes) {
    notify("era", "warning", note.message, Json::array({physical(note.where)}));
  }
  for (const auto& note : service.era_conflicts) {
    notify("era_conflict", "note", note.message, Json::array({physical(note.where)}));
  }
  for (const auto& reading : service.readings) {
    std::string message = reading_sentence(reading);
    for (const auto& change : reading.changes) {
      message += fmt::format("; {}", change_sentence(change));
    }
    Json locations = Json::array();
    for (const auto& value : reading.values) {
      locations.push_back(physical(value.where));
    }
    notify("other_reading", "note", message, std::move(locations));
  }
  for (const auto& waiver : service.stale_waivers) {
    notify("stale_waiver", "warning", rules::stale_waiver_message(waiver), Json::array({physical(waiver.where)}));
  }
  if (!notifications.empty()) {
    Json invocation;
    invocation["executionSuccessful"] = true;
    invocation["toolExecutionNotifications"] = std::move(notifications);
    json["invocations"] = Json::array({std::move(invocation)});
  }
  Json properties;
  properties["service"] = printable(audit.file->name());
  properties["service_file"] = service_file;
  properties["profile"] = service.profile != nullptr ? Json(std::string(service.profile->id)) : Json(nullptr);
  properties["as_of"] = audit.as_of.to_string();
  // What falls due after the audit date (--due-within): SARIF has no place for it but a property bag.
  Json upcoming = Json::array();
  for (const auto& deadline : service.upcoming) {
    Json item;
    item["due"] = deadline.due.to_string();
    item["kind"] = deadline.kind;
    item["what"] = printable(deadline.what);
    item["location"] = {{"uri", uri_reference(deadline.where.file_name())},
                        {"line", deadline.where.line},
                        {"column", deadline.where.column}};
    upcoming.push_back(std::move(item));
  }
  properties["upcoming"] = std::move(upcoming);
  json["properties"] = std::move(properties);
  return json;
}

// A file that could not be audited: a run with no results whose invocation failed, with one
// notification per diagnostic (errors at level error), each located where it was found.
Json broken_run(const BrokenFile& broken) {
  Json driver;
  driver["name"] = "ppsaudit";
  driver["version"] = PPSAUDIT_VERSION;
  driver["semanticVersion"] = PPSAUDIT_VERSION;
  driver["rules"] = Json::array();
  Json json;
  json["tool"] = {{"driver", std::move(driver)}};
  Json artifact;
  artifact["location"] = {{"uri", uri_reference(broken.file)}};
  artifact["roles"] = Json::array({"analysisTarget"});
  artifact["mimeType"] = "application/yaml";
  json["artifacts"] = Json::array({std::move(artifact)});
  json["results"] = Json::array();
  json["columnKind"] = "unicodeCodePoints";
  Json notifications = Json::array();
  for (const auto& diagnostic : broken.diagnostics) {
    Json notification;
    notification["descriptor"] = {{"id", "input_error"}};
    notification["message"] = text(diagnostic.message);
    notification["level"] = diagnostic.severity == Severity::error     ? "error"
                            : diagnostic.severity == Severity::warning ? "warning"
                                                                       : "note";
    const std::string& file = diagnostic.where.file ? diagnostic.where.file_name() : broken.file;
    Json physical;
    physical["artifactLocation"] = {{"uri", uri_reference(file)}};
    if (file == broken.file) {
      physical["artifactLocation"]["index"] = 0;
    }
    if (diagnostic.where.line > 0) {
      physical["region"]["startLine"] = diagnostic.where.line;
      if (diagnostic.where.column > 0) {
        physical["region"]["startColumn"] = diagnostic.where.column;
      }
    }
    notification["locations"] = Json::array({Json{{"physicalLocation", std::move(physical)}}});
    notifications.push_back(std::move(notification));
  }
  Json invocation;
  invocation["executionSuccessful"] = false;
  invocation["toolExecutionNotifications"] = std::move(notifications);
  json["invocations"] = Json::array({std::move(invocation)});
  json["properties"] = {{"service_file", broken.file}, {"audited", false}};
  return json;
}

// The roll-up, in the log's property bag: one entry per service file.
Json rollup(const ReportFrame& frame) {
  Json rows = Json::array();
  for (const auto& service : frame.services) {
    Json frameworks = Json::array();
    for (const auto& framework : service.frameworks) {
      Json counts;
      for (const auto outcome : counted_outcomes()) {
        counts[token(outcome)] = framework.counts.of(outcome);
      }
      frameworks.push_back(
          {{"framework", printable(framework.framework)},
           {"counts", std::move(counts)},
           {"practice_level", framework.practice_level.empty() ? Json(nullptr) : Json(framework.practice_level)}});
    }
    rows.push_back({{"service_file", service.file},
                    {"service", printable(service.name)},
                    {"audited", true},
                    {"frameworks", std::move(frameworks)},
                    {"worst", printable(worst_label(service.worst))}});
  }
  for (const auto& broken : frame.broken) {
    rows.push_back({{"service_file", broken.file},
                    {"audited", false},
                    {"error", printable(format_diagnostic(broken.first_error()))}});
  }
  return rows;
}

std::string dump(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string_view sarif_level(Strength strength) {
  return failure_severity(strength);
}

SarifClassification sarif_classification(Outcome outcome, Strength strength) {
  switch (outcome) {
    case Outcome::met:
      return {"pass", "none"};
    case Outcome::not_met:
      return {"fail", sarif_level(strength)};
    case Outcome::needs_attestation:
      return {"review", "none"};
    case Outcome::not_assessable:
      return {"open", "none"};
    case Outcome::not_applicable:
      return {"notApplicable", "none"};
  }
  return {"open", "none"};
}

std::string uri_reference(std::string_view path) {
  std::string out;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' || byte == '~' ||
                            byte == '/';
    if (unreserved) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

FrameParts sarif_frame(const ReportFrame& frame) {
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  if (frame.statutory_waivers_allowed) {
    log["properties"]["statutory_waivers_allowed"] = true;
  }
  if (frame.several()) {
    log["properties"]["rollup"] = rollup(frame);
  }
  // A service of the baseline that this run does not audit has no run to put its absent
  // results in: they are listed in the log's property bag.
  if (frame.baseline) {
    const BaselineComparison& baseline = *frame.baseline;
    Json gone = Json::array();
    for (const auto& absent : baseline.absent) {
      if (!absent.service_audited) {
        gone.push_back({{"service", absent.service_id},
                        {"rule", absent.result.rule},
                        {"result", absent.result.result},
                        {"fingerprint", fingerprint(absent.service_id, absent.result.rule, absent.result.elements)}});
      }
    }
    log["properties"]["baseline"] = {{"file", baseline.file},
                                     {"counts",
                                      {{"new", baseline.count(BaselineState::new_result)},
                                       {"unchanged", baseline.count(BaselineState::unchanged)},
                                       {"fixed", baseline.count(BaselineState::fixed)},
                                       {"absent", baseline.count(BaselineState::absent)}}},
                                     {"absent_services", std::move(gone)}};
  }
  // One run per service, then one per file that could not be audited.
  Json runs = Json::array();
  if (!frame.services.empty()) {
    runs.push_back(services_placeholder());
  }
  for (const auto& broken : frame.broken) {
    runs.push_back(broken_run(broken));
  }
  log["runs"] = std::move(runs);
  return split_at_services(dump(log) + "\n");
}

// A service's run: an element of the list "runs", two levels deep.
std::string sarif_section(const AuditedService& service, const SectionContext& /*context*/) {
  return indent_element(dump(run(service)), 2);
}

}  // namespace ppsaudit::report
