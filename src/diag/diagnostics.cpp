#include "diag/diagnostics.hpp"

#include <ostream>

#include "text/printable.hpp"

namespace ppsaudit {

namespace {

std::string_view severity_word(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

}  // namespace

std::string Location::to_string() const {
  if (!file) {
    return {};
  }
  if (line <= 0) {
    return *file;
  }
  if (column <= 0) {
    return fmt::format("{}:{}", *file, line);
  }
  return fmt::format("{}:{}:{}", *file, line, column);
}

const std::string& Location::file_name() const {
  static const std::string k_none;
  return file ? *file : k_none;
}

Location make_location(const std::shared_ptr<const std::string>& file, int line, int column) {
  return Location{file, line, column};
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  const std::string where = diagnostic.where.to_string();
  // Messages quote input values; a control character in one must not split the line or reach
  // the terminal as an escape sequence.
  return fmt::format("{}: {}: {}", where.empty() ? std::string("ppsaudit") : printable(where),
                     severity_word(diagnostic.severity), printable(diagnostic.message));
}

void Diagnostics::add(Severity severity, Location where, std::string message) {
  if (severity == Severity::error) {
    ++m_error_count;
  }
  m_items.push_back(Diagnostic{severity, std::move(where), std::move(message)});
}

void Diagnostics::merge(const Diagnostics& other) {
  for (const auto& item : other.m_items) {
    add(item.severity, item.where, item.message);
  }
}

void Diagnostics::print(std::ostream& out) const {
  for (const auto& item : m_items) {
    out << format_diagnostic(item) << '\n';
  }
}

}  // namespace ppsaudit
