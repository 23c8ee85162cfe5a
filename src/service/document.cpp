#include "service/document.hpp"

namespace ppsaudit::service {

const Node* Node::find(std::string_view key) const {
  if (const auto* record = as_record()) {
    for (const auto& field : *record) {
      if (field.name == key) {
        return field.value.get();
      }
    }
  }
  return nullptr;
}

const std::string& Node::text_of(std::string_view key) const {
  static const std::string k_empty;
  const Node* node = find(key);
  return node != nullptr && node->as_text() != nullptr ? *node->as_text() : k_empty;
}

Location Node::key_location(std::string_view key) const {
  if (const auto* record = as_record()) {
    for (const auto& field : *record) {
      if (field.name == key) {
        return field.key_where;
      }
    }
  }
  return where;
}

std::string ServiceFile::name() const {
  if (const auto* service = root.find("service")) {
    if (const auto* name = service->find("name")) {
      if (const auto* text = name->as_text()) {
        return *text;
      }
    }
  }
  return path ? *path : std::string();
}

}  // namespace ppsaudit::service
