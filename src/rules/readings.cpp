#include "rules/readings.hpp"

#include <fmt/format.h>

namespace ppsaudit::rules {

namespace {

using yaml::Node;

bool same_place(const Location& a, const Location& b) {
  return a.line == b.line && a.column == b.column;
}

// A value read from ambiguous words, found in the file.
struct Found {
  std::string path;
  const Node* node = nullptr;
};

void find_alternatives(const Node& node, const std::string& path, std::vector<Found>& out) {
  if (node.alternative != nullptr) {
    out.push_back({path, &node});
  }
  if (const auto* record = node.as_record()) {
    for (const auto& field : *record) {
      find_alternatives(*field.value, path.empty() ? field.name : fmt::format("{}.{}", path, field.name), out);
    }
  } else if (const auto* list = node.as_list()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const Node& item = (*list)[i];
      const std::string& id = item.text_of("id");
      find_alternatives(item, id.empty() ? fmt::format("{}[{}]", path, i) : fmt::format("{}[id={}]", path, id), out);
    }
  }
}

// A copy of `node` in which each value at one of `places` reads the other way. Records share
// their untouched fields with the original.
Node read_otherwise(const Node& node, const std::vector<Location>& places) {
  if (node.alternative != nullptr) {
    for (const auto& place : places) {
      if (same_place(node.where, place)) {
        Node other = node;
        other.value = node.alternative->value.value;
        other.alternative = nullptr;
        return other;
      }
    }
  }
  Node copy = node;
  if (auto* record = std::get_if<yaml::Record>(&copy.value)) {
    for (auto& field : *record) {
      field.value = std::make_shared<const Node>(read_otherwise(*field.value, places));
    }
  } else if (auto* list = std::get_if<yaml::List>(&copy.value)) {
    for (auto& item : *list) {
      item = read_otherwise(item, places);
    }
  }
  return copy;
}

}  // namespace

std::vector<OtherReading> other_readings(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                         Date as_of, const ServiceAudit& audit) {
  std::vector<Found> found;
  find_alternatives(file.root, "", found);
  std::vector<OtherReading> readings;
  std::vector<std::vector<Location>> places;
  for (const auto& value : found) {
    const Cadence* reading = std::get_if<Cadence>(&value.node->value);
    const Cadence* alternative = std::get_if<Cadence>(&value.node->alternative->value.value);
    if (reading == nullptr || alternative == nullptr) {
      continue;  // only cadences are written with two readings
    }
    OtherReading key{value.node->alternative->source, reading->to_string(), alternative->to_string(), {}, {}};
    std::size_t i = 0;
    while (i < readings.size() && !(readings[i].source == key.source && readings[i].reading == key.reading &&
                                    readings[i].alternative == key.alternative)) {
      ++i;
    }
    if (i == readings.size()) {
      readings.push_back(std::move(key));
      places.emplace_back();
    }
    readings[i].values.push_back({value.path, value.node->where});
    places[i].push_back(value.node->where);
  }
  for (std::size_t i = 0; i < readings.size(); ++i) {
    const service::ServiceFile otherwise{file.path, read_otherwise(file.root, places[i]), file.calendar, file.sha256};
    const ServiceAudit other = audit_service(otherwise, rules, as_of);
    for (std::size_t r = 0; r < audit.findings.size() && r < other.findings.size(); ++r) {
      const Finding& was = audit.findings[r];
      const Finding& would = other.findings[r];
      if (was.outcome != would.outcome) {
        readings[i].changes.push_back({was.rule, was.outcome, would.outcome, would.message});
      }
    }
  }
  return readings;
}

}  // namespace ppsaudit::rules
