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

namespace {

// A field's value as an evidence path's filter writes it: text as written, a date as
// YYYY-MM-DD; nothing for other kinds of value, or text a filter cannot hold.
std::optional<std::string> filter_text(const yaml::Node* field) {
  if (field == nullptr) {
    return std::nullopt;
  }
  std::string text;
  if (const auto* value = field->as_text()) {
    text = *value;
  } else if (const auto* date = field->as_date()) {
    text = date->to_string();
  } else {
    return std::nullopt;
  }
  if (text.empty() || text.find_first_of("[]\n") != std::string::npos) {
    return std::nullopt;
  }
  return text;
}

// How an evidence path picks `list[index]`: by id, by the first field whose value no sibling
// shares, or by position.
std::string item_filter(const yaml::List& list, std::size_t index) {
  const yaml::Node& item = list[index];
  std::vector<std::string_view> keys{"id"};
  if (item.type != nullptr) {
    for (const auto& field : item.type->fields) {
      if (field.name != "id") {
        keys.push_back(field.name);
      }
    }
  }
  for (const auto key : keys) {
    const auto value = filter_text(item.find(key));
    if (!value) {
      continue;
    }
    bool shared = false;
    for (std::size_t other = 0; other < list.size() && !shared; ++other) {
      shared = other != index && filter_text(list[other].find(key)) == value;
    }
    if (!shared) {
      return fmt::format("[{}={}]", key, *value);
    }
  }
  return fmt::format("[#{}]", index + 1);
}

bool starts_at(const yaml::Node& node, const Location& where) {
  return node.where.line == where.line && node.where.column == where.column;
}

bool path_to(const yaml::Node& node, const Location& where, std::string& path) {
  if (const auto* record = node.as_record()) {
    for (const auto& field : *record) {
      const std::size_t before = path.size();
      path += path.empty() ? field.name : "." + field.name;
      const bool at_key = field.key_where.line == where.line && field.key_where.column == where.column;
      if (at_key || starts_at(*field.value, where) || path_to(*field.value, where, path)) {
        return true;
      }
      path.resize(before);
    }
  } else if (const auto* list = node.as_list()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::size_t before = path.size();
      path += item_filter(*list, i);
      if (starts_at((*list)[i], where) || path_to((*list)[i], where, path)) {
        return true;
      }
      path.resize(before);
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> evidence_path_of(const service::ServiceFile& file, const Location& where) {
  if (where.line == 0 || where.file_name() != *file.path) {
    return std::nullopt;
  }
  std::string path;
  if (path_to(file.root, where, path)) {
    return path;
  }
  return std::nullopt;
}

Location locate_evidence(const service::ServiceFile& file, std::string_view path) {
  return follow(file, path).first;
}

std::optional<Location> find_evidence(const service::ServiceFile& file, std::string_view path) {
  auto [where, whole] = follow(file, path);
  return whole ? std::optional<Location>(std::move(where)) : std::nullopt;
}

}  // namespace ppsaudit::rules
