#pragma once

#include <string>
#include <string_view>

#include "rules/pack.hpp"

namespace ppsaudit::report {

// How a SARIF result reads: `kind` says whether the rule passed, failed or needs a person;
// `level` is the severity of a failure and "none" for every other kind, as SARIF 2.1.0
// (3.27.9, 3.27.10) requires.
struct SarifClassification {
  std::string_view kind;
  std::string_view level;
};

// met: pass; not met: fail; needs attestation: review (a person must confirm it); not
// assessable: open (the evidence to decide is missing); not applicable: notApplicable.
SarifClassification sarif_classification(rules::Outcome outcome, rules::Strength strength);

// The level a failure of a rule of this strength has: error for a legal duty (must, must have
// regard), warning for should and minimum standard, note for good and best practice.
std::string_view sarif_level(rules::Strength strength);

// A file path as a relative URI reference: every byte outside RFC 3986's unreserved characters
// and "/" is percent-encoded.
std::string uri_reference(std::string_view path);

}  // namespace ppsaudit::report
