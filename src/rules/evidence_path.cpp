#include "rules/evidence_path.hpp"

#include <utility>
#include <vector>

#include <fmt/format.h>

#include "service/schema.hpp"
#include "text/did_you_mean.hpp"

namespace ppsaudit::rules {

namespace {

struct Step {
  std::string key;
  std::string field;  // with a filter: the item's field…
  std::string value;  // …and the value it must have
};

std::optional<std::vector<Step>> split(std::string_view path) {
  std::vector<Step> steps;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    std::string_view part = path.substr(0, dot);
    Step step;
    const std::size_t bracket = part.find('[');
    step.key = std::string(part.substr(0, bracket));
    if (bracket != std::string_view::npos) {
      const std::string_view filter = part.substr(bracket + 1);
      const std::size_t equals = filter.find('=');
      if (!filter.ends_with(']') || equals == std::string_view::npos || equals == 0) {
        return std::nullopt;
      }
      step.field = std::string(filter.substr(0, equals));
      step.value = std::string(filter.substr(equals + 1, filter.size() - equals - 2));
    }
    if (step.key.empty()) {
      return std::nullopt;
    }
    steps.push_back(std::move(step));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return steps;
}

const yaml::TypeSpec& record_of(const yaml::TypeSpec& type) {
  return type.kind == yaml::Kind::list ? *type.element : type;
}

std::string unknown_key(std::string_view key, const yaml::TypeSpec& record) {
  std::vector<std::string_view> names;
  for (const auto& field : record.fields) {
    names.push_back(field.name);
  }
  return fmt::format("'{}' is not a key of {}{}", key, record.name, did_you_mean_suffix(closest_match(key, names)));
}

}  // namespace

std::optional<std::string> check_evidence_path(std::string_view path) {
  auto steps = split(path);
  if (!steps || steps->empty()) {
    return "write it as key.key or key[field=value].key";
  }
  const yaml::TypeSpec* type = &service::service_file_schema();
  for (const auto& step : *steps) {
    const yaml::TypeSpec& record = record_of(*type);
    const yaml::FieldSpec* field = record.field(step.key);
    if (field == nullptr) {
      return unknown_key(step.key, record);
    }
    if (!step.field.empty()) {
      if (field->type->kind != yaml::Kind::list) {
        return fmt::format("'{}' is not a list, so it cannot be filtered", step.key);
      }
      if (record_of(*field->type).field(step.field) == nullptr) {
        return unknown_key(step.field, record_of(*field->type));
      }
    }
    type = field->type;
  }
  return std::nullopt;
}

namespace {

// Whether a list item's field reads as `value`: text as written, a date as YYYY-MM-DD.
bool field_is(const yaml::Node& item, const std::string& name, const std::string& value) {
  const yaml::Node* field = item.find(name);
  if (field == nullptr) {
    return false;
  }
  if (const auto* text = field->as_text()) {
    return *text == value;
  }
  if (const auto* date = field->as_date()) {
    return date->to_string() == value;
  }
  return false;
}

// Follows the path as far as the file goes: where it stopped, and whether it got to the end.
std::pair<Location, bool> follow(const service::ServiceFile& file, std::string_view path) {
  Location where = make_location(file.path, 0, 0);
  auto steps = split(path);
  if (!steps) {
    return {where, false};
  }
  const yaml::Node* node = &file.root;
  for (const auto& step : *steps) {
    const yaml::Node* next = node->find(step.key);
    if (next == nullptr) {
      return {node == &file.root ? where : node->where, false};
    }
    where = node->key_location(step.key);
    if (!step.field.empty() && next->as_list() != nullptr) {
      const yaml::Node* chosen = nullptr;
      for (const auto& item : *next->as_list()) {
        if (field_is(item, step.field, step.value)) {
          chosen = &item;
          break;
        }
      }
      if (chosen == nullptr) {
        return {where, false};
      }
      next = chosen;
      where = chosen->where;
    }
    node = next;
  }
  return {where, true};
}

}  // namespace

Location locate_evidence(const service::ServiceFile& file, std::string_view path) {
  return follow(file, path).first;
}

std::optional<Location> find_evidence(const service::ServiceFile& file, std::string_view path) {
  auto [where, whole] = follow(file, path);
  return whole ? std::optional<Location>(std::move(where)) : std::nullopt;
}

}  // namespace ppsaudit::rules
