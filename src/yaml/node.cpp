#include "yaml/node.hpp"

namespace ppsaudit::yaml {

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

}  // namespace ppsaudit::yaml
