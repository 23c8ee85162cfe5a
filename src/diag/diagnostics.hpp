#pragma once

#include <cstddef>
#include <map>
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

// How many errors and warnings of one file are kept and printed; those past it are only
// counted, so that a file with millions of errors neither floods the terminal nor fills memory.
// Documented in ppsaudit(1), LIMITS.
constexpr std::size_t k_max_diagnostics_per_file = 100;

// Collects input problems so that the user sees all of them at once: of each file, the first
// k_max_diagnostics_per_file errors and warnings with their notes, then one note that says how
// many more there were. The counts (error_count) include those left out.
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
  // Of one file: what has been kept, and what has been left out past the limit.
  struct Tally {
    std::size_t kept = 0;  // errors and warnings
    std::size_t errors_left_out = 0;
    std::size_t warnings_left_out = 0;
    std::size_t summary = 0;  // the index in m_items of the note that counts them
  };

  // Counts errors and warnings of the file of `where` as left out, in its summary note (added
  // at the first).
  void leave_out(const Location& where, Tally& tally, std::size_t errors, std::size_t warnings);

  std::vector<Diagnostic> m_items;
  std::size_t m_error_count = 0;
  std::map<std::string, Tally, std::less<>> m_tallies;  // by file name; located diagnostics only
  bool m_leaving_out = false;  // the last error or warning was left out: so are the notes after it
};

}  // namespace ppsaudit
