#include "calendar/cadence.hpp"
#include "calendar/cadence_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace ppsaudit {

namespace {

struct NamedCadence {
  std::string_view word;
  Cadence cadence;
};

constexpr std::array<NamedCadence, 18> k_named{{
    {"termly", {Cadence::Unit::term, 1}},
    {"once a term", {Cadence::Unit::term, 1}},
    {"every term", {Cadence::Unit::term, 1}},
    {"daily", {Cadence::Unit::day, 1}},
    {"weekly", {Cadence::Unit::day, 7}},
    {"fortnightly", {Cadence::Unit::day, 14}},
    {"monthly", {Cadence::Unit::month, 1}},
    {"quarterly", {Cadence::Unit::month, 3}},
    {"twice-yearly", {Cadence::Unit::month, 6}},
    {"half-yearly", {Cadence::Unit::month, 6}},
    {"six-monthly", {Cadence::Unit::month, 6}},
    {"annually", {Cadence::Unit::month, 12}},
    {"annual", {Cadence::Unit::month, 12}},
    {"yearly", {Cadence::Unit::month, 12}},
    {"biennially", {Cadence::Unit::month, 24}},
    {"biennial", {Cadence::Unit::month, 24}},
    {"triennially", {Cadence::Unit::month, 36}},
    {"triennial", {Cadence::Unit::month, 36}},
}};

constexpr std::array<std::string_view, 6> k_ambiguous{"bi-annual",  "biannual",  "bi-annually",
                                                      "biannually", "bi annual", "bi annually"};

std::string normalise(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value <= 0 || value > 1200) {
    return std::nullopt;
  }
  return value;
}

// "every N months", "every 2 years", "every 4 weeks", "every 10 days" (singular too).
std::optional<Cadence> parse_every(std::string_view text) {
  constexpr std::string_view k_every = "every ";
  if (!text.starts_with(k_every)) {
    return std::nullopt;
  }
  text.remove_prefix(k_every.size());
  const auto space = text.find(' ');
  // "every year", "every month": one of the unit.
  const auto number = space == std::string_view::npos ? std::optional<int>(1) : whole_number(text.substr(0, space));
  std::string_view unit = space == std::string_view::npos ? text : text.substr(space + 1);
  if (space == std::string_view::npos && unit.ends_with('s')) {
    return std::nullopt;  // "every months" is not English
  }
  if (!number) {
    return std::nullopt;
  }
  if (unit.ends_with('s')) {
    unit.remove_suffix(1);
  }
  if (unit == "month") {
    return Cadence{Cadence::Unit::month, *number};
  }
  if (unit == "year") {
    return Cadence{Cadence::Unit::month, *number * 12};
  }
  if (unit == "week") {
    return Cadence{Cadence::Unit::day, *number * 7};
  }
  if (unit == "day") {
    return Cadence{Cadence::Unit::day, *number};
  }
  if (unit == "term" && *number == 1) {
    return Cadence{Cadence::Unit::term, 1};
  }
  return std::nullopt;
}

// ISO 8601 durations with whole years, months, weeks or days: P1Y, P6M, P1Y6M, P2W, P10D.
std::optional<Cadence> parse_iso8601(std::string_view text) {
  if (text.size() < 3 || (text[0] != 'p' && text[0] != 'P')) {
    return std::nullopt;
  }
  text.remove_prefix(1);
  int months = 0;
  int days = 0;
  std::string_view order = "ymwd";
  while (!text.empty()) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) {
      ++digits;
    }
    if (digits == 0 || digits == text.size()) {
      return std::nullopt;
    }
    const auto number = whole_number(text.substr(0, digits));
    const char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text[digits])));
    const auto at = order.find(unit);
    if (!number || at == std::string_view::npos) {
      return std::nullopt;
    }
    order.remove_prefix(at + 1);  // each designator once, in order
    switch (unit) {
      case 'y':
        months += *number * 12;
        break;
      case 'm':
        months += *number;
        break;
      case 'w':
        days += *number * 7;
        break;
      default:
        days += *number;
        break;
    }
    text.remove_prefix(digits + 1);
  }
  if (months > 0 && days > 0) {
    return std::nullopt;  // mixed months and days have no single meaning as a cadence
  }
  return months > 0 ? Cadence{Cadence::Unit::month, months} : Cadence{Cadence::Unit::day, days};
}

}  // namespace

std::string Cadence::to_string() const {
  switch (unit) {
    case Unit::term:
      return "termly";
    case Unit::month:
      for (const auto& named : k_named) {
        if (named.cadence == *this && named.word != "annual" && named.word != "half-yearly" &&
            named.word != "six-monthly" && named.word != "biennial" && named.word != "triennial") {
          return std::string(named.word);
        }
      }
      if (count % 12 == 0) {
        return fmt::format("every {} years", count / 12);
      }
      return fmt::format("every {} months", count);
    case Unit::day:
      if (count == 1) {
        return "daily";
      }
      if (count == 7) {
        return "weekly";
      }
      if (count == 14) {
        return "fortnightly";
      }
      return fmt::format("every {} days", count);
  }
  return {};
}

std::string Cadence::to_iso8601() const {
  switch (unit) {
    case Unit::term:
      return {};
    case Unit::month:
      return count % 12 == 0 ? fmt::format("P{}Y", count / 12) : fmt::format("P{}M", count);
    case Unit::day:
      return fmt::format("P{}D", count);
  }
  return {};
}

Date Cadence::next_due(Date done) const {
  switch (unit) {
    case Unit::month:
      return done.add_months(count);
    case Unit::day:
      return done.add_days(count);
    case Unit::term:
      break;
  }
  return done;
}

std::vector<std::string_view> cadence_names() {
  std::vector<std::string_view> names;
  names.reserve(k_named.size());
  for (const auto& named : k_named) {
    names.push_back(named.word);
  }
  return names;
}

bool is_ambiguous_cadence(std::string_view text) {
  const std::string word = normalise(text);
  return std::find(k_ambiguous.begin(), k_ambiguous.end(), word) != k_ambiguous.end();
}

std::variant<Cadence, std::string> parse_cadence(std::string_view text) {
  const std::string word = normalise(text);
  if (is_ambiguous_cadence(text)) {
    return fmt::format(
        "'{}' is ambiguous: it means both twice a year and every two years; "
        "write 'twice-yearly' (every 6 months) or 'every 2 years' (every 24 months)",
        text);
  }
  for (const auto& named : k_named) {
    if (named.word == word) {
      return named.cadence;
    }
  }
  if (auto every = parse_every(word)) {
    return *every;
  }
  if (auto iso = parse_iso8601(word)) {
    return *iso;
  }
  return fmt::format(
      "'{}' is not a cadence: use termly, weekly, fortnightly, monthly, quarterly, twice-yearly, annually, "
      "biennially, 'every N days|weeks|months|years', or an ISO 8601 duration such as 'P18M'",
      text);
}

}  // namespace ppsaudit
