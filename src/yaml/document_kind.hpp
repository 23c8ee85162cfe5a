#pragma once

#include <string_view>

namespace ppsaudit::yaml {

// Which kind of document the reader and the walker read, so that their messages name it:
// "a rule pack is exactly one YAML document", not a service file. Each format defines its own.
struct DocumentKind {
  std::string_view noun;   // "service file"
  std::string_view needs;  // the keys an empty one lacks: "'ppsaudit' and 'service'"
};

}  // namespace ppsaudit::yaml
