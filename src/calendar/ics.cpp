// RFC 5545 (iCalendar) output: escaping, folding and all-day events.
#include "calendar/ics.hpp"

#include <fmt/format.h>

namespace ppsaudit::ics {

namespace {

constexpr std::size_t k_max_octets = 75;

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// A DATE value: 20080731.
std::string date_value(Date day) {
  return fmt::format("{:04}{:02}{:02}", day.year(), day.month(), day.day());
}

void add_line(std::string& out, std::string_view line) {
  out += fold(line);
}

}  // namespace

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        // CRLF is one line break; a lone CR is one too.
        if (i + 1 >= text.size() || text[i + 1] != '\n') {
          out += "\\n";
        }
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20U && c != '\t') || c == '\x7f') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string fold(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  std::size_t limit = k_max_octets;  // the first line's; a continuation's space takes one octet
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && is_continuation_byte(line[cut])) {
      --cut;
    }
    if (cut == 0) {
      cut = limit;  // not UTF-8: any cut is as good as another
    }
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = k_max_octets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string calendar(const std::vector<Event>& events, std::string_view name, Date stamp) {
  std::string out;
  add_line(out, "BEGIN:VCALENDAR");
  add_line(out, "VERSION:2.0");
  add_line(out, "PRODID:-//ppsaudit//due//EN");
  add_line(out, "CALSCALE:GREGORIAN");
  add_line(out, "METHOD:PUBLISH");
  add_line(out, "X-WR-CALNAME:" + escape_text(name));
  const std::string dtstamp = date_value(stamp) + "T000000Z";
  for (const auto& event : events) {
    add_line(out, "BEGIN:VEVENT");
    add_line(out, "UID:" + escape_text(event.uid));
    add_line(out, "DTSTAMP:" + dtstamp);
    add_line(out, "DTSTART;VALUE=DATE:" + date_value(event.day));
    add_line(out, "DTEND;VALUE=DATE:" + date_value(event.day.add_days(1)));
    add_line(out, "SUMMARY:" + escape_text(event.summary));
    add_line(out, "DESCRIPTION:" + escape_text(event.description));
    add_line(out, "TRANSP:TRANSPARENT");
    add_line(out, "BEGIN:VALARM");
    add_line(out, "ACTION:DISPLAY");
    add_line(out, "DESCRIPTION:" + escape_text(event.summary));
    add_line(out, fmt::format("TRIGGER:-P{}D", event.alarm_days));
    add_line(out, "END:VALARM");
    add_line(out, "END:VEVENT");
  }
  add_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace ppsaudit::ics
