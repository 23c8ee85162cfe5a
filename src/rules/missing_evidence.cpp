#include "rules/missing_evidence.hpp"

#include <algorithm>
#include <regex>
#include <vector>

#include <fmt/format.h>

#include "service/schema.hpp"

namespace ppsaudit::rules {

namespace {

struct KeyPath {
  std::string path;    // "arms_length.own_website", "policies[].shared_with"
  std::string parent;  // the key that holds it: "arms_length", "policies"; empty at the top
  std::string_view doc;
};

const yaml::TypeSpec& record_of(const yaml::TypeSpec& type) {
  return type.kind == yaml::Kind::list && type.element != nullptr ? *type.element : type;
}

// Every key of the service file schema with its full path, depth first; records reached twice
// (a type used in two places) are listed under each, but never inside themselves.
void collect(const yaml::TypeSpec& type, const std::string& prefix, const std::string& parent,
             std::vector<const yaml::TypeSpec*>& open, std::vector<KeyPath>& out) {
  const yaml::TypeSpec& record = record_of(type);
  if (record.kind != yaml::Kind::record || std::find(open.begin(), open.end(), &record) != open.end()) {
    return;
  }
  open.push_back(&record);
  for (const auto& field : record.fields) {
    const std::string path = prefix.empty() ? std::string(field.name) : fmt::format("{}.{}", prefix, field.name);
    out.push_back({path, parent, field.doc});
    const bool list = field.type->kind == yaml::Kind::list;
    collect(*field.type, list ? path + "[]" : path, std::string(field.name), open, out);
  }
  open.pop_back();
}

const std::vector<KeyPath>& key_paths() {
  static const std::vector<KeyPath> paths = [] {
    std::vector<KeyPath> out;
    std::vector<const yaml::TypeSpec*> open;
    collect(service::service_file_schema(), "", "", open, out);
    return out;
  }();
  return paths;
}

std::string_view last_key(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

// Whether `word` appears in the expression as a name of its own, not inside a longer one.
bool names(std::string_view expression, std::string_view word) {
  if (word.empty()) {
    return false;
  }
  const auto is_name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t at = expression.find(word); at != std::string_view::npos; at = expression.find(word, at + 1)) {
    const bool starts = at == 0 || !is_name_char(expression[at - 1]);
    const bool ends = at + word.size() == expression.size() || !is_name_char(expression[at + word.size()]);
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

// The full path of a key the expression asked for: among the schema's keys of that name, those
// whose parent the expression writes as "parent.key", else those whose parent it names at all.
std::string full_path(std::string_view key, std::string_view expression) {
  std::vector<const KeyPath*> candidates;
  for (const auto& path : key_paths()) {
    if (last_key(path.path) == key) {
      candidates.push_back(&path);
    }
  }
  if (candidates.size() <= 1) {
    return candidates.empty() ? std::string(key) : candidates.front()->path;
  }
  for (const auto& test :
       {+[](std::string_view text, const KeyPath&path, std::string_view name) {
          return names(text, path.parent + "." + std::string(name));
        },
        +[](std::string_view text, const KeyPath&path, std::string_view) { return names(text, path.parent); }}) {
    std::vector<std::string> chosen;
    for (const auto* candidate : candidates) {
      if (test(expression, *candidate, key)) {
        chosen.push_back(candidate->path);
      }
    }
    if (!chosen.empty()) {
      return fmt::format("{}", fmt::join(chosen, "` or `"));
    }
  }
  return candidates.front()->path;
}

}  // namespace

std::string missing_key_sentence(std::string_view path) {
  std::string_view doc;
  for (const auto& known : key_paths()) {
    if (known.path == path) {
      doc = known.doc;
      break;
    }
  }
  if (doc.empty()) {
    return fmt::format("the file does not record `{}`", path);
  }
  return fmt::format("the file does not record {} (`{}`)", doc, path);
}

std::string evaluation_error_in_prose(std::string_view error, std::string_view expression) {
  static const std::regex k_missing(R"(^(?:no such field|no such key|the service file has no) '([A-Za-z0-9_]+)'$)");
  std::match_results<std::string_view::const_iterator> match;
  if (!std::regex_match(error.begin(), error.end(), match, k_missing)) {
    return std::string(error);
  }
  const std::string key = match[1].str();
  if (error.starts_with("the service file has no")) {
    return missing_key_sentence(key);
  }
  const std::string path = full_path(key, expression);
  return path.find('`') != std::string::npos ? fmt::format("the file does not record `{}`", path)
                                             : missing_key_sentence(path);
}

}  // namespace ppsaudit::rules
