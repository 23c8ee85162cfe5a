#include "calendar/school_calendar.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace ppsaudit {

namespace {

// The calendar year in which a boundary of the given academic year falls: September to
// December belong to the academic year's first calendar year, the rest to its second.
int calendar_year_of(const TermBoundary& boundary, int academic_year) {
  if (boundary.easter) {
    return academic_year + 1;
  }
  return boundary.month >= 9 ? academic_year : academic_year + 1;
}

Date resolve(const TermBoundary& boundary, int academic_year, bool is_end) {
  const int year = calendar_year_of(boundary, academic_year);
  if (boundary.easter) {
    const Date sunday = easter_sunday(year);
    return is_end ? sunday.add_days(-1) : sunday;
  }
  // 02-29 in a common year means the last day of February.
  auto date = Date::from_ymd(year, boundary.month, boundary.day);
  return date ? *date : Date::from_ymd(year, boundary.month, 1)->add_months(1).add_days(-1);
}

}  // namespace

std::variant<TermBoundary, std::string> parse_term_boundary(std::string_view text) {
  std::string lower;
  for (char c : text) {
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (lower == "easter") {
    return TermBoundary{true, 0, 0};
  }
  const auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])) != 0; };
  if (text.size() != 5 || text[2] != '-' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return fmt::format("'{}' is not a term boundary: write MM-DD (e.g. '09-01') or 'easter'", text);
  }
  const int month = (text[0] - '0') * 10 + (text[1] - '0');
  const int day = (text[3] - '0') * 10 + (text[4] - '0');
  // 2000 is a leap year, so 02-29 is accepted as a boundary.
  if (!Date::from_ymd(2000, month, day)) {
    return fmt::format("'{}' is not a term boundary: there is no such day in the year", text);
  }
  return TermBoundary{false, month, day};
}

std::string SchoolTerm::label() const {
  return fmt::format("{} {}", name, SchoolCalendar::academic_year_label(academic_year));
}

SchoolCalendar SchoolCalendar::english_default() {
  return SchoolCalendar({{"autumn", {false, 9, 1}, {false, 12, 31}},
                         {"spring", {false, 1, 1}, {true, 0, 0}},
                         {"summer", {true, 0, 0}, {false, 7, 31}}},
                        {});
}

SchoolCalendar::SchoolCalendar(std::vector<TermWindow> windows, std::vector<SchoolTerm> dated_terms)
    : m_windows(std::move(windows)), m_dated_terms(std::move(dated_terms)) {}

int SchoolCalendar::academic_year_of(Date date) {
  return date.month() >= 9 ? date.year() : date.year() - 1;
}

std::string SchoolCalendar::academic_year_label(int academic_year) {
  return fmt::format("{}/{:02}", academic_year, (academic_year + 1) % 100);
}

std::vector<SchoolTerm> SchoolCalendar::terms_of(int academic_year) const {
  std::vector<SchoolTerm> terms;
  for (const auto& window : m_windows) {
    terms.push_back(SchoolTerm{window.name, academic_year, resolve(window.starts, academic_year, false),
                               resolve(window.ends, academic_year, true)});
  }
  for (const auto& dated : m_dated_terms) {
    if (dated.academic_year != academic_year) {
      continue;
    }
    auto same = std::find_if(terms.begin(), terms.end(), [&](const SchoolTerm& t) { return t.name == dated.name; });
    if (same != terms.end()) {
      *same = dated;
    } else {
      terms.push_back(dated);
    }
  }
  std::sort(terms.begin(), terms.end(), [](const SchoolTerm& a, const SchoolTerm& b) { return a.starts < b.starts; });
  return terms;
}

std::optional<SchoolTerm> SchoolCalendar::term_containing(Date date) const {
  for (const auto& term : terms_of(academic_year_of(date))) {
    if (term.starts <= date && date <= term.ends) {
      return term;
    }
  }
  return std::nullopt;
}

SchoolTerm SchoolCalendar::latest_term_started_by(Date date) const {
  // Look back up to three academic years, enough for any calendar with at least one term.
  for (int year = academic_year_of(date); year >= academic_year_of(date) - 3; --year) {
    const auto terms = terms_of(year);
    const auto begun =
        std::find_if(terms.rbegin(), terms.rend(), [date](const auto& term) { return term.starts <= date; });
    if (begun != terms.rend()) {
      return *begun;
    }
  }
  return SchoolTerm{};  // a calendar with no terms: the loader refuses one, so this is not reached
}

std::vector<SchoolTerm> SchoolCalendar::terms_between(Date from, Date to) const {
  std::vector<SchoolTerm> result;
  for (int year = academic_year_of(from) - 1; year <= academic_year_of(to); ++year) {
    for (const auto& term : terms_of(year)) {
      if (from <= term.starts && term.starts <= to) {
        result.push_back(term);
      }
    }
  }
  return result;
}

Date SchoolCalendar::due_after(Date done, const Cadence& cadence) const {
  if (cadence.unit != Cadence::Unit::term) {
    return cadence.next_due(done);
  }
  const SchoolTerm current = latest_term_started_by(done);
  const auto later = terms_between(current.starts.add_days(1), current.starts.add_months(24));
  return later.empty() ? done : later.front().ends;
}

}  // namespace ppsaudit
