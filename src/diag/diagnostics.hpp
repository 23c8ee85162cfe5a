#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "diag/location.hpp"

namespace ppsaudit {

enum class Severity { error, warning, note };

// A problem with the input (never with the service being audited: those are findings).
struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;
};

// Formats one diagnostic the way a compiler does:
// "file:line:col: error: message", or "ppsaudit: error: message" when it has no file.
std::string format_diagnostic(const Diagnostic& diagnostic);

// Collects input problems so that the user sees all of them at once.
class Diagnostics {
 public:
  void add(Severity severity, Location where, std::string message);

  template <typename... Args>
  void error(const Location& where, fmt::format_string<Args...> format, Args&&... args) {
    add(Severity::error, where, fmt::format(format, std::forward<Args>(args)...));
  }

  template <typename... Args>
  void warning(const Location& where, fmt::format_string<Args...> format, Args&&... args) {
    add(Severity::warning, where, fmt::format(format, std::forward<Args>(args)...));
  }

  template <typename... Args>
  void note(const Location& where, fmt::format_string<Args...> format, Args&&... args) {
    add(Severity::note, where, fmt::format(format, std::forward<Args>(args)...));
  }

  [[nodiscard]] bool has_errors() const { return m_error_count > 0; }
  [[nodiscard]] std::size_t error_count() const { return m_error_count; }
  [[nodiscard]] const std::vector<Diagnostic>& all() const { return m_items; }
  [[nodiscard]] bool empty() const { return m_items.empty(); }

  // Appends another collection's diagnostics, in order.
  void merge(const Diagnostics& other);

  // Writes every diagnostic, one per line, in the order they were found.
  void print(std::ostream& out) const;

 private:
  std::vector<Diagnostic> m_items;
  std::size_t m_error_count = 0;
};

}  // namespace ppsaudit
