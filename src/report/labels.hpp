#pragma once

#include <string>
#include <string_view>

#include "rules/catalog.hpp"

// The words reports use for strengths and outcomes, each written in one place.
namespace ppsaudit::report {

// An enumerator as machine-readable formats spell it: "must_have_regard", "not_met".
std::string token(rules::Strength strength);
std::string token(rules::Outcome outcome);

// " (a legal duty)" for a must or must have regard, otherwise nothing: what every format
// appends to a legal duty's strength or citations, so a missed "should" never reads as a breach.
std::string_view legal_duty_note(rules::Strength strength);

// A strength as people read it, with its legal-duty note: "must (a legal duty)", "should".
std::string strength_label(rules::Strength strength);

// An outcome as the text report heads it: "NOT MET".
std::string outcome_heading(rules::Outcome outcome);

// A profile as reports name it: "pps (SEN Code of Practice 2001 era)", or "none (local packs only)".
std::string profile_label(const rules::Profile* profile);

}  // namespace ppsaudit::report
