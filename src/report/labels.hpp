#pragma once

#include <string>
#include <string_view>

#include "rules/catalog.hpp"
#include "rules/readings.hpp"

// The words reports use for strengths and outcomes, each written in one place.
namespace ppsaudit::report {

// An enumerator as machine-readable formats spell it: "must_have_regard", "not_met".
std::string token(rules::Strength strength);
std::string token(rules::Outcome outcome);

// " (a legal duty)" for a must or must have regard citing an Act or Regulations, otherwise
// nothing: what every format appends to such a citation, so neither a missed "should" nor a
// Code's paragraph ever reads as a breach of the law.
std::string_view legal_duty_note(const rules::Rule& rule, const rules::Citation& citation);

// A rule's strength as people read it, with the legal-duty note when one of its citations is
// statute: "must (a legal duty)", "must", "should".
std::string strength_label(const rules::Rule& rule);

// How severe a failing rule of this strength is, as the annotating formats (SARIF, GitHub)
// grade it: "error" for a must or must have regard, "warning" for a should, a commitment or a
// minimum standard, "note" for good or best practice.
std::string_view failure_severity(rules::Strength strength);

// An outcome as the text report heads it: "NOT MET".
std::string outcome_heading(rules::Outcome outcome);

// A profile as reports name it: "pps (SEN Code of Practice 2001 era)", or "none (local packs only)".
std::string profile_label(const rules::Profile* profile);

// An other reading in one sentence: `“<words>” is read as every 2 years; read as twice-yearly,
// 3 results would change` (or "no result would change").
std::string reading_sentence(const rules::OtherReading& reading);

// What every format says near its top with --allow-statutory-waivers, in these words.
inline constexpr std::string_view k_statutory_waivers_note =
    "statutory waivers are allowed (--allow-statutory-waivers): a legal duty not met may be shown as waived, and "
    "does not fail the run while its waiver is in force";

// A result the other reading changes: "<rule id>: met, but not met under the other reading: <message>".
std::string change_sentence(const rules::ChangedResult& change);

}  // namespace ppsaudit::report
