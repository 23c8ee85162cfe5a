#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "calendar/cadence.hpp"
#include "calendar/date.hpp"

namespace ppsaudit {

// A start or end of a term in any year: a fixed month and day, or Easter, which moves.
// As an end, "easter" means the day before Easter Sunday; as a start, Easter Sunday itself.
struct TermBoundary {
  bool easter = false;
  int month = 1;
  int day = 1;

  bool operator==(const TermBoundary&) const = default;
};

// Parses "MM-DD" or "easter"; on failure returns a message fit for "error: <message>".
std::variant<TermBoundary, std::string> parse_term_boundary(std::string_view text);

// A term's place in every academic year, e.g. spring: 01-01 to easter.
struct TermWindow {
  std::string name;
  TermBoundary starts;
  TermBoundary ends;
};

// One real term, with its dates. `academic_year` is the year the academic year starts in
// (2007 for 2007/08).
struct SchoolTerm {
  std::string name;
  int academic_year = 0;
  Date starts;
  Date ends;

  // "autumn 2007/08"
  [[nodiscard]] std::string label() const;
  bool operator==(const SchoolTerm&) const = default;
};

// The school year a service's "termly" means. Academic years run 1 September to 31 August.
class SchoolCalendar {
 public:
  // The English three-term year: autumn 09-01..12-31, spring 01-01..easter, summer easter..07-31.
  static SchoolCalendar english_default();

  SchoolCalendar(std::vector<TermWindow> windows, std::vector<SchoolTerm> dated_terms);

  // The year an academic year containing `date` starts in: 2007 for 2008-03-01.
  static int academic_year_of(Date date);
  // "2007/08"
  static std::string academic_year_label(int academic_year);

  // The terms of one academic year in date order; dated terms replace windows of the same name.
  [[nodiscard]] std::vector<SchoolTerm> terms_of(int academic_year) const;
  // The term that contains `date`, if it is not a holiday.
  [[nodiscard]] std::optional<SchoolTerm> term_containing(Date date) const;
  // The latest term that has started on or before `date` (the current term, or the last one
  // before a holiday).
  [[nodiscard]] SchoolTerm latest_term_started_by(Date date) const;
  // Every term that starts on or after `from` and on or before `to`, in order.
  [[nodiscard]] std::vector<SchoolTerm> terms_between(Date from, Date to) const;

  // When something done on `done` is next due: a month or day cadence counts from the date;
  // "termly" is due by the end of the term after the one it was done in.
  [[nodiscard]] Date due_after(Date done, const Cadence& cadence) const;

  [[nodiscard]] const std::vector<TermWindow>& windows() const { return m_windows; }

 private:
  std::vector<TermWindow> m_windows;
  std::vector<SchoolTerm> m_dated_terms;
};

}  // namespace ppsaudit
