#include "tagged_value.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

#include "cel/env.hpp"

namespace ppsaudit::conformance {

namespace {

std::optional<double> tagged_double(const nlohmann::json& json) {
  if (json.is_number()) {
    return json.get<double>();
  }
  if (json.is_string()) {
    const auto text = json.get<std::string>();
    if (text == "NaN") {
      return std::numeric_limits<double>::quiet_NaN();
    }
    if (text == "Infinity") {
      return std::numeric_limits<double>::infinity();
    }
    if (text == "-Infinity") {
      return -std::numeric_limits<double>::infinity();
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<cel::Value> from_tagged(const nlohmann::json& json, std::string& unsupported) {
  if (!json.is_object() || json.size() != 1) {
    unsupported = "malformed value";
    return std::nullopt;
  }
  const std::string tag = json.begin().key();
  const nlohmann::json& body = json.begin().value();
  if (tag == "null") {
    return cel::Value::null();
  }
  if (tag == "bool") {
    return cel::Value::boolean(body.get<bool>());
  }
  if (tag == "int") {
    return cel::Value::integer(std::stoll(body.get<std::string>()));
  }
  if (tag == "double") {
    if (const auto value = tagged_double(body)) {
      return cel::Value::floating(*value);
    }
  }
  if (tag == "string") {
    return cel::Value::string(body.get<std::string>());
  }
  if (tag == "timestamp") {
    auto parsed = cel::parse_timestamp(body.get<std::string>());
    if (auto* timestamp = std::get_if<cel::Timestamp>(&parsed)) {
      return cel::Value::timestamp(*timestamp);
    }
  }
  if (tag == "duration") {
    auto parsed = cel::parse_duration(body.get<std::string>());
    if (auto* duration = std::get_if<cel::Duration>(&parsed)) {
      return cel::Value::duration(*duration);
    }
  }
  if (tag == "list") {
    cel::List elements;
    for (const auto& element : body) {
      auto value = from_tagged(element, unsupported);
      if (!value) {
        return std::nullopt;
      }
      elements.push_back(std::move(*value));
    }
    return cel::Value::list(std::move(elements));
  }
  if (tag == "map") {
    cel::Map entries;
    for (const auto& entry : body) {
      auto key = from_tagged(entry.at(0), unsupported);
      auto value = from_tagged(entry.at(1), unsupported);
      if (!key || !value || !entries.insert(std::move(*key), std::move(*value))) {
        return std::nullopt;
      }
    }
    return cel::Value::map(std::move(entries));
  }
  unsupported = tag;
  return std::nullopt;
}

bool same_value(const cel::Value& expected, const cel::Value& actual) {
  if (expected.kind() != actual.kind()) {
    return false;
  }
  if (const auto* e = expected.get<double>()) {
    const double a = *actual.get<double>();
    if (std::isnan(*e) || std::isnan(a)) {
      return std::isnan(*e) && std::isnan(a);
    }
    return *e == a && std::signbit(*e) == std::signbit(a);
  }
  if (const auto* list = expected.as_list()) {
    const auto& other = *actual.as_list();
    if (list->size() != other.size()) {
      return false;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!same_value((*list)[i], other[i])) {
        return false;
      }
    }
    return true;
  }
  if (const auto* map = expected.as_map()) {
    const auto& other = *actual.as_map();
    if (map->size() != other.size()) {
      return false;
    }
    for (const auto& [key, value] : map->entries()) {
      const cel::Value* found = other.find(key);
      if (found == nullptr || !same_value(value, *found)) {
        return false;
      }
    }
    return true;
  }
  // Expected values are small and written out: no budget to speak of.
  cel::EvalContext unlimited(std::numeric_limits<std::uint64_t>::max());
  return cel::equals(expected, actual, unlimited).value_or(false);
}

}  // namespace ppsaudit::conformance
