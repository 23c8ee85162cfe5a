#include "report/labels.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/catalog.hpp"

namespace ppsaudit::report {

namespace {

constexpr std::string_view k_legal_duty = " (a legal duty)";

std::string underscored(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

}  // namespace

std::string token(rules::Strength strength) {
  return underscored(rules::to_string(strength));
}

std::string token(rules::Outcome outcome) {
  return underscored(rules::to_string(outcome));
}

std::string_view legal_duty_note(const rules::Rule& rule, const rules::Citation& citation) {
  return rules::states_legal_duty(rule, citation) ? k_legal_duty : "";
}

std::string strength_label(const rules::Rule& rule) {
  return fmt::format("{}{}", rules::to_string(rule.strength), rules::states_legal_duty(rule) ? k_legal_duty : "");
}

std::string_view failure_severity(rules::Strength strength) {
  switch (strength) {
    case rules::Strength::must:
    case rules::Strength::must_have_regard:
      return "error";
    case rules::Strength::should:
    case rules::Strength::commitment:
    case rules::Strength::minimum_standard:
      return "warning";
    case rules::Strength::good_practice:
    case rules::Strength::best_practice:
      return "note";
  }
  return "warning";
}

std::string outcome_heading(rules::Outcome outcome) {
  std::string text(rules::to_string(outcome));
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  return text;
}

std::string profile_label(const rules::Profile* profile) {
  return profile != nullptr ? fmt::format("{} ({})", profile->id, profile->title) : "none (local packs only)";
}

std::string reading_sentence(const rules::OtherReading& reading) {
  const std::size_t changed = reading.changes.size();
  return fmt::format("\u201c{}\u201d is read as {}; read as {}, {}", reading.source, reading.reading,
                     reading.alternative,
                     changed == 0   ? std::string("no result would change")
                     : changed == 1 ? std::string("1 result would change")
                                    : fmt::format("{} results would change", changed));
}

std::string change_sentence(const rules::ChangedResult& change) {
  return fmt::format("{}: {}, but {} under the other reading{}{}", change.rule->id, rules::to_string(change.reading),
                     rules::to_string(change.alternative), change.message.empty() ? "" : ": ", change.message);
}

}  // namespace ppsaudit::report
