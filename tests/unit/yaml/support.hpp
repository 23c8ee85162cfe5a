#pragma once

// Helpers shared by the yaml unit tests: a made-up kind of document, so that nothing the
// tests see can come from the service or rule pack formats, and messages as the user sees them.

#include <string>
#include <vector>

#include "diag/diagnostics.hpp"
#include "yaml/document_kind.hpp"

namespace ppsaudit::yaml::testing {

inline constexpr DocumentKind k_meeting_log{"meeting log", "'format' and 'group'"};

// Every diagnostic, formatted as the user sees it.
inline std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const auto& item : diagnostics.all()) {
    lines.push_back(format_diagnostic(item));
  }
  return lines;
}

// Lines joined by newlines: doctest prints a string, not a vector, when a check fails.
inline std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    text += (text.empty() ? "" : "\n") + line;
  }
  return text;
}

}  // namespace ppsaudit::yaml::testing
