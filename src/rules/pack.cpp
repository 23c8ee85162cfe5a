#include "rules/pack.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace ppsaudit::rules {

std::string_view to_string(Strength strength) {
  switch (strength) {
    case Strength::must:
      return "must";
    case Strength::must_have_regard:
      return "must have regard";
    case Strength::should:
      return "should";
    case Strength::commitment:
      return "commitment";
    case Strength::minimum_standard:
      return "minimum standard";
    case Strength::good_practice:
      return "good practice";
    case Strength::best_practice:
      return "best practice";
  }
  return "should";
}

std::string_view to_string(Confidence confidence) {
  switch (confidence) {
    case Confidence::high:
      return "high";
    case Confidence::medium:
      return "medium";
    case Confidence::low:
      return "low";
  }
  return "low";
}

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::met:
      return "met";
    case Outcome::not_met:
      return "not met";
    case Outcome::not_applicable:
      return "not applicable";
    case Outcome::needs_attestation:
      return "needs attestation";
    case Outcome::not_assessable:
      return "not assessable";
  }
  return "not assessable";
}

std::string_view to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::unstated:
      return "unstated";
    case SourceKind::statute:
      return "statute";
    case SourceKind::code:
      return "code";
    case SourceKind::guidance:
      return "guidance";
    case SourceKind::standard:
      return "standard";
    case SourceKind::policy:
      return "policy";
  }
  return "unstated";
}

bool is_legal_duty(Strength strength) {
  return strength == Strength::must || strength == Strength::must_have_regard;
}

bool states_legal_duty(const Rule& rule, const Citation& citation) {
  return is_legal_duty(rule.strength) && citation.kind == SourceKind::statute;
}

bool states_legal_duty(const Rule& rule) {
  return std::any_of(rule.citations.begin(), rule.citations.end(),
                     [&rule](const Citation& citation) { return states_legal_duty(rule, citation); });
}

std::string Citation::to_string() const {
  // Low-confidence locators print as approximate, unless the locator already says so.
  const bool says_so = locator.find("approx") != std::string::npos;
  const std::string_view approximate = confidence == Confidence::low && !says_so ? " (approx.)" : "";
  return fmt::format("{}, {}{}", source, locator, approximate);
}

}  // namespace ppsaudit::rules
