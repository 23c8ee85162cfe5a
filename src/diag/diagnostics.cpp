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
  if (severity == Severity::note) {
    // A note belongs to the error or warning before it (whatever its file): kept with it, or
    // left out with it.
    if (!m_leaving_out) {
      m_items.push_back(Diagnostic{severity, std::move(where), std::move(message)});
    }
    return;
  }
  m_leaving_out = false;
  if (!where.file) {
    // Unlocated messages come from the command line and the run, never from a file's contents.
    m_items.push_back(Diagnostic{severity, std::move(where), std::move(message)});
    return;
  }
  auto found = m_tallies.find(*where.file);
  if (found == m_tallies.end()) {
    found = m_tallies.emplace(*where.file, Tally{}).first;
  }
  Tally& tally = found->second;
  if (tally.kept < k_max_diagnostics_per_file) {
    ++tally.kept;
    m_items.push_back(Diagnostic{severity, std::move(where), std::move(message)});
    return;
  }
  leave_out(where, tally, severity == Severity::error ? 1 : 0, severity == Severity::warning ? 1 : 0);
}

void Diagnostics::leave_out(const Location& where, Tally& tally, std::size_t errors, std::size_t warnings) {
  if (tally.errors_left_out + tally.warnings_left_out == 0) {
    tally.summary = m_items.size();
    m_items.push_back(Diagnostic{Severity::note, make_location(where.file, 0, 0), {}});
  }
  m_leaving_out = true;
  tally.errors_left_out += errors;
  tally.warnings_left_out += warnings;
  const auto plural = [](std::size_t count, std::string_view noun) {
    return fmt::format("{} more {}{}", count, noun, count == 1 ? "" : "s");
  };
  const std::string counted = tally.warnings_left_out == 0 ? plural(tally.errors_left_out, "error")
                              : tally.errors_left_out == 0
                                  ? plural(tally.warnings_left_out, "warning")
                                  : fmt::format("{} and {}", plural(tally.errors_left_out, "error"),
                                                plural(tally.warnings_left_out, "warning"));
  m_items[tally.summary].message = fmt::format("{} not shown (only the first {} errors and warnings of a file are)",
                                               counted, k_max_diagnostics_per_file);
}

void Diagnostics::merge(const Diagnostics& other) {
  // The other's summary notes are counts, added to this collection's own.
  std::map<std::size_t, const Tally*> summaries;
  for (const auto& [file, tally] : other.m_tallies) {
    if (tally.errors_left_out + tally.warnings_left_out > 0) {
      summaries.emplace(tally.summary, &tally);
    }
  }
  for (std::size_t i = 0; i < other.m_items.size(); ++i) {
    const auto& item = other.m_items[i];
    const auto summary = summaries.find(i);
    if (summary == summaries.end()) {
      add(item.severity, item.where, item.message);
      continue;
    }
    m_error_count += summary->second->errors_left_out;
    Tally& tally = m_tallies[*item.where.file];
    leave_out(item.where, tally, summary->second->errors_left_out, summary->second->warnings_left_out);
  }
}

void Diagnostics::print(std::ostream& out) const {
  for (const auto& item : m_items) {
    out << format_diagnostic(item) << '\n';
  }
}

}  // namespace ppsaudit
