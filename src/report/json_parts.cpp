#include "report/json_parts.hpp"

#include "report/labels.hpp"

namespace ppsaudit::report {

using Json = nlohmann::ordered_json;

Json location_json(const Location& where) {
  Json json;
  json["file"] = where.file_name();
  json["line"] = where.line;
  json["column"] = where.column;
  return json;
}

Json waiver_json(const rules::Waiver& waiver) {
  Json json;
  json["rule"] = waiver.rule;
  json["scope"] = waiver.scope.empty() ? Json(nullptr) : Json(waiver.scope);
  json["justification"] = waiver.justification;
  json["approved_by"] = waiver.approved_by;
  json["granted"] = waiver.granted.to_string();
  json["expires"] = waiver.expires.to_string();
  json["location"] = location_json(waiver.where);
  return json;
}

Json finding_waiver_json(const rules::Finding& finding) {
  // The result is what the service was found to do; the waiver says what was accepted.
  Json json = waiver_json(*finding.waiver);
  json["state"] = rules::waiver_state_word(finding.waiver_state);
  return json;
}

Json readings_json(const std::vector<rules::OtherReading>& readings) {
  Json items = Json::array();
  for (const auto& reading : readings) {
    Json item;
    item["source"] = reading.source;
    item["reading"] = reading.reading;
    item["alternative"] = reading.alternative;
    Json values = Json::array();
    for (const auto& value : reading.values) {
      values.push_back({{"path", value.path}, {"location", location_json(value.where)}});
    }
    item["values"] = std::move(values);
    Json changes = Json::array();
    for (const auto& change : reading.changes) {
      changes.push_back({{"rule", change.rule->id},
                         {"result", token(change.reading)},
                         {"alternative_result", token(change.alternative)},
                         {"alternative_message", change.message}});
    }
    item["changes"] = std::move(changes);
    items.push_back(std::move(item));
  }
  return items;
}

namespace {
// A string no report holds: a JSON dump writes the control characters as \u0001.
constexpr std::string_view k_placeholder = "\x01ppsaudit services\x01";
}  // namespace

nlohmann::ordered_json services_placeholder() {
  return std::string(k_placeholder);
}

FrameParts split_at_services(const std::string& dump) {
  const std::string quoted = nlohmann::ordered_json(std::string(k_placeholder)).dump();
  const auto at = dump.find(quoted);
  if (at == std::string::npos) {
    return {dump, {}};
  }
  const auto line = dump.rfind('\n', at);
  const auto line_start = line == std::string::npos ? 0 : line + 1;
  return {dump.substr(0, line_start), dump.substr(at + quoted.size())};
}

std::string indent_element(const std::string& element, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  std::string out = indent;
  for (const char c : element) {
    out += c;
    if (c == '\n') {
      out += indent;
    }
  }
  return out;
}

}  // namespace ppsaudit::report
