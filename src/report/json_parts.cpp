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

}  // namespace ppsaudit::report
