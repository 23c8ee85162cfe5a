#include "report/labels.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/catalog.hpp"

namespace ppsaudit::report {

namespace {

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

std::string_view legal_duty_note(rules::Strength strength) {
  return rules::is_legal_duty(strength) ? " (a legal duty)" : "";
}

std::string strength_label(rules::Strength strength) {
  return fmt::format("{}{}", rules::to_string(strength), legal_duty_note(strength));
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

}  // namespace ppsaudit::report
