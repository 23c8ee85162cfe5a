#include "rules/missing_evidence.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "service/schema.hpp"

namespace ppsaudit::rules {

namespace {

struct KeyPath {
  std::string path;         // "arms_length.own_website", "policies[].shared_with"
  std::string_view record;  // the type of the record that holds it: "ArmsLength", "Policy"
  std::string_view field;   // "own_website"
  std::string_view doc;
};

const yaml::TypeSpec& record_of(const yaml::TypeSpec& type) {
  return type.kind == yaml::Kind::list && type.element != nullptr ? *type.element : type;
}

// Every key of the service file schema with its full path, depth first; records reached twice
// (a type used in two places) are listed under each, but never inside themselves.
void collect(const yaml::TypeSpec& type, const std::string& prefix, std::vector<const yaml::TypeSpec*>& open,
             std::vector<KeyPath>& out) {
  const yaml::TypeSpec& record = record_of(type);
  if (record.kind != yaml::Kind::record || std::find(open.begin(), open.end(), &record) != open.end()) {
    return;
  }
  open.push_back(&record);
  for (const auto& field : record.fields) {
    const std::string path = prefix.empty() ? std::string(field.name) : fmt::format("{}.{}", prefix, field.name);
    out.push_back({path, record.name, field.name, field.doc});
    const bool list = field.type->kind == yaml::Kind::list;
    collect(*field.type, list ? path + "[]" : path, open, out);
  }
  open.pop_back();
}

const std::vector<KeyPath>& key_paths() {
  static const std::vector<KeyPath> paths = [] {
    std::vector<KeyPath> out;
    std::vector<const yaml::TypeSpec*> open;
    collect(service::service_file_schema(), "", open, out);
    return out;
  }();
  return paths;
}

const KeyPath* find_key(std::string_view path) {
  const auto& paths = key_paths();
  const auto found = std::find_if(paths.begin(), paths.end(), [path](const KeyPath& key) { return key.path == path; });
  return found != paths.end() ? &*found : nullptr;
}

// The paths in the file of the key a missing field stands for: the one under the record the
// expression reached, when the record knows where it sits; else every path at which a record
// of its type has the key (more than one only if the schema uses that record type twice).
std::vector<std::string> paths_of(const cel::MissingField& missing) {
  if (missing.record_path) {
    const std::string& record = *missing.record_path;
    return {record.empty() ? missing.field : fmt::format("{}.{}", record, missing.field)};
  }
  std::vector<std::string> paths;
  for (const auto& key : key_paths()) {
    if (key.record == missing.type_name && key.field == missing.field) {
      paths.push_back(key.path);
    }
  }
  return paths;
}

// "the file does not record DOC (`PATHS`)", where `first` is the first of the paths.
std::string sentence(std::string_view first, std::string_view paths) {
  const KeyPath* key = find_key(first);
  if (key == nullptr || key->doc.empty()) {
    return fmt::format("the file does not record `{}`", paths);
  }
  return fmt::format("the file does not record {} (`{}`)", key->doc, paths);
}

}  // namespace

std::string missing_key_sentence(std::string_view path) {
  return sentence(path, path);
}

std::string evaluation_error_in_prose(const cel::Error& error) {
  if (!error.missing) {
    return error.message;
  }
  const std::vector<std::string> paths = paths_of(*error.missing);
  if (paths.empty()) {
    return error.message;  // a field of a record the service file does not have (a school term)
  }
  if (paths.size() == 1) {
    return missing_key_sentence(paths.front());
  }
  // One record type at several places, and a record that does not say which: name them all.
  return sentence(paths.front(), fmt::format("{}", fmt::join(paths, "` or `")));
}

}  // namespace ppsaudit::rules
