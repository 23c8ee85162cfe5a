#include "rules/engine.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/domain_functions.hpp"
#include "rules/era.hpp"
#include "rules/evidence_path.hpp"
#include "rules/missing_evidence.hpp"
#include "rules/service_binding.hpp"
#include "text/bounded_text.hpp"

namespace ppsaudit::rules {

namespace {

// How a value reads inside a sentence: text without quotes, dates as YYYY-MM-DD, lists
// joined with commas. The walk stops when `out` is full, however often a list is shared.
void write_prose(const cel::Value& value, text::BoundedText& out) {
  if (!out.visit()) {
    return;
  }
  if (const auto* words = value.get<std::string>()) {
    out.append(*words);
    return;
  }
  if (auto date = date_of(value)) {
    const auto* timestamp = value.get<cel::Timestamp>();
    if (timestamp->seconds % 86400 == 0 && timestamp->nanos == 0) {
      out.append(date->to_string());
      return;
    }
  }
  if (const auto* list = value.as_list()) {
    const char* separator = "";
    for (const auto& item : *list) {
      if (out.full()) {
        return;
      }
      out.append(separator);
      write_prose(item, out);
      separator = ", ";
    }
    return;
  }
  out.append(cel::to_cel_literal(value, k_message_limit));
}

// A message no longer than k_message_limit.
std::string capped(std::string message) {
  if (message.size() <= k_message_limit) {
    return message;
  }
  text::BoundedText out(k_message_limit);
  out.append(message);
  return std::move(out).take();
}

class RuleEvaluator {
 public:
  RuleEvaluator(const service::ServiceFile& file, Date as_of)
      : m_file(file), m_context{&file, as_of}, m_activation(bind_service(file, as_of)) {
    m_options.host = &m_context;
  }

  Finding evaluate(const Rule& rule) {
    Finding finding;
    finding.rule = &rule;
    finding.where =
        rule.evidence.empty() ? make_location(m_file.path, 0, 0) : locate_evidence(m_file, rule.evidence.front());
    // A framework is never applied outside its time (domain.md §15.2).
    if (auto why = rule.pack != nullptr ? outside_era(*rule.pack, m_context.as_of) : std::nullopt) {
      finding.outside_era = true;
      return with(finding, Outcome::not_applicable, std::move(*why));
    }
    if (rule.when) {
      const cel::Value applies = run(*rule.when);
      if (const auto* error = applies.as_error()) {
        return with(finding, Outcome::not_assessable,
                    fmt::format("cannot tell whether the rule applies: {}", evaluation_error_in_prose(*error)));
      }
      if (!*applies.get<bool>()) {
        return with(finding, Outcome::not_applicable,
                    rule.when_not.empty() ? fmt::format("applies only when {}", rule.when->text) : rule.when_not);
      }
    }
    if (rule.attestation) {
      return attest(rule, finding);
    }
    const cel::Value result = run(*rule.check);
    if (const auto* error = result.as_error()) {
      return with(finding, Outcome::not_assessable, evaluation_error_in_prose(*error));
    }
    if (*result.get<bool>()) {
      return with(finding, Outcome::met, "");
    }
    if (rule.at) {
      point_at_records(*rule.at, finding);
    }
    return with(finding, Outcome::not_met, render(rule.message));
  }

 private:
  cel::Value run(const Expression& expression) {
    cel::Value value = expression.program->evaluate(m_activation, m_options);
    if (!value.is_error() && value.get<bool>() == nullptr) {
      return cel::Value::error(fmt::format("the expression gave {}, not true or false", value.type_name()));
    }
    return value;
  }

  // Points a not-met finding at the first record `at` gives, and keeps the others as related
  // places. An error, an empty list or values that are not located records leave it at the
  // evidence: the finding is never lost for want of a better place.
  void point_at_records(const Expression& at, Finding& finding) {
    const cel::Value value = at.program->evaluate(m_activation, m_options);
    const cel::List single{value};
    const cel::List& records = value.as_list() != nullptr ? *value.as_list() : single;
    std::vector<Location> places;
    for (const auto& record : records) {
      const cel::Object* object = record.as_object();
      if (object == nullptr || !object->location()) {
        continue;
      }
      const Location& place = *object->location();
      const bool seen = std::any_of(places.begin(), places.end(), [&place](const Location& other) {
        return other.line == place.line && other.column == place.column && other.file_name() == place.file_name();
      });
      if (!seen) {
        places.push_back(place);
      }
    }
    if (!places.empty()) {
      finding.where = places.front();
      finding.also_at.assign(places.begin() + 1, places.end());
    }
    for (const auto& place : places) {
      if (auto path = evidence_path_of(m_file, place)) {
        finding.elements.push_back(std::move(*path));
      }
    }
  }

  // The message's expressions share one cost budget, and its text stops at k_message_limit.
  std::string render(const MessageTemplate& message) {
    text::BoundedText out(k_message_limit);
    cel::EvalContext context(m_options.cost_budget, m_options.host);
    for (const auto& part : message.parts) {
      if (out.full()) {
        break;
      }
      if (const auto* literal = std::get_if<std::string>(&part)) {
        // A folded YAML message keeps the line breaks of more-indented lines: a message is one line.
        std::string line = *literal;
        std::replace(line.begin(), line.end(), '\n', ' ');
        out.append(line);
        continue;
      }
      const Expression& expression = std::get<Expression>(part);
      const cel::Value value = expression.program->evaluate(m_activation, context);
      if (const auto* error = value.as_error()) {
        out.append(fmt::format("[{}]", evaluation_error_in_prose(*error)));
      } else {
        write_prose(value, out);
      }
    }
    return std::move(out).take();
  }

  Finding attest(const Rule& rule, Finding finding) {
    const yaml::Node* latest = latest_attestation(m_file, rule.id, m_context.as_of);
    if (m_file.root.find("attestations") != nullptr) {
      finding.where = m_file.root.key_location("attestations");  // where an attestation is added
    }
    if (latest == nullptr) {
      return with(finding, Outcome::needs_attestation, fmt::format("not attested: {}", rule.attestation->statement));
    }
    finding.where = latest->where;
    const Date date = *latest->find("date")->as_date();
    const std::string& by = *latest->find("by")->as_text();
    if (rule.attestation->valid_for) {
      const Date expires = m_file.calendar.due_after(date, *rule.attestation->valid_for);
      if (expires < m_context.as_of) {
        return with(finding, Outcome::needs_attestation,
                    fmt::format("attested by {} on {}, which expired on {}: {}", by, date.to_string(),
                                expires.to_string(), rule.attestation->statement));
      }
    }
    return with(finding, Outcome::met, fmt::format("attested by {} on {}", by, date.to_string()));
  }

  static Finding with(Finding finding, Outcome outcome, std::string message) {
    finding.outcome = outcome;
    finding.message = capped(std::move(message));
    return finding;
  }

  const service::ServiceFile& m_file;
  AuditContext m_context;
  cel::Activation m_activation;
  cel::EvalOptions m_options;
};

}  // namespace

const std::string& attested_rule_id(const yaml::Node& attestation) {
  return attestation.find("rule") != nullptr ? attestation.text_of("rule") : attestation.text_of("criterion");
}

const yaml::Node* latest_attestation(const service::ServiceFile& file, std::string_view rule_id, Date as_of) {
  const yaml::Node* attestations = file.root.find("attestations");
  const yaml::Node* latest = nullptr;
  if (attestations != nullptr) {
    for (const auto& item : *attestations->as_list()) {
      const Date date = *item.find("date")->as_date();
      if (attested_rule_id(item) == rule_id && date <= as_of &&
          (latest == nullptr || *latest->find("date")->as_date() < date)) {
        latest = &item;
      }
    }
  }
  return latest;
}

ServiceAudit audit_service(const service::ServiceFile& file, const std::vector<const Rule*>& rules, Date as_of) {
  ServiceAudit audit{&file, as_of, {}};
  RuleEvaluator evaluator(file, as_of);
  audit.findings.reserve(rules.size());
  for (const Rule* rule : rules) {
    audit.findings.push_back(evaluator.evaluate(*rule));
  }
  return audit;
}

}  // namespace ppsaudit::rules
