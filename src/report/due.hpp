#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/date.hpp"
#include "rules/deadlines.hpp"

// What `ppsaudit due` writes: each service's dated obligations, the overdue ones first, as
// text, JSON ("ppsaudit-due", schema/ppsaudit-due.schema.json) or an iCalendar file.
namespace ppsaudit::report {

// One service's obligations, earliest first (so the overdue ones come first).
struct DueService {
  std::string id;  // ServiceFile::id(), which the calendar's UIDs are made from
  std::string name;
  std::string file;
  std::vector<rules::Deadline> items;
};

struct DueList {
  Date as_of;
  std::optional<int> within_days;  // --within; nothing: every obligation, however far ahead
  std::vector<DueService> services;
};

enum class DueFormat { text, json, ics };

// The --format words, in the order --help lists them.
const std::vector<std::pair<std::string_view, DueFormat>>& due_format_words();

// A calendar UID for the obligation that stays the same when its date or its line in the file
// changes, so that importing a newer calendar updates the event: a hash of the service id, the
// rule, the kind and the element (never of the date or the location).
std::string due_uid(std::string_view service_id, const rules::Deadline& item);

std::string render_due(const DueList& list, DueFormat format);

}  // namespace ppsaudit::report
