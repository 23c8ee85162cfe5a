#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "calendar/cadence.hpp"
#include "calendar/date.hpp"
#include "cel/program.hpp"
#include "diag/location.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::rules {

// How strongly the source words an obligation. Strength is never severity: a missed "should"
// is not a legal breach, and reports say which it is.
// A `commitment` is the service's own published "we will": it sits just below "should", so
// --fail-on should counts a service breaking its own promise.
enum class Strength { must, must_have_regard, should, commitment, minimum_standard, good_practice, best_practice };

// What a cited source is. Only an Act or Regulations (`statute`) makes a duty in law; a Code's
// paragraph restating it does not. A pack must say which; `unstated` is only a Citation built
// in code that was not given one.
enum class SourceKind { unstated, statute, code, guidance, standard, policy };

// How sure we are of a citation's paragraph or page (domain.md's V/P/I markers).
enum class Confidence { high, medium, low };

// What the audit found for one rule.
enum class Outcome { met, not_met, not_applicable, needs_attestation, not_assessable };

std::string_view to_string(Strength strength);
std::string_view to_string(Confidence confidence);
std::string_view to_string(SourceKind kind);
std::string_view to_string(Outcome outcome);
// "must" and "must have regard" are legal duties; everything else is guidance or a standard.
bool is_legal_duty(Strength strength);

struct Citation {
  std::string source;
  std::string locator;
  Confidence confidence = Confidence::low;
  std::string verification;  // V, P or I
  std::string note;
  SourceKind kind = SourceKind::unstated;

  // "SEN Code of Practice 2001, ch.2 (approx.)": low-confidence locators say so.
  [[nodiscard]] std::string to_string() const;
};

// A checked CEL expression with where it is written, to locate its evaluation errors.
struct Expression {
  std::string text;
  std::shared_ptr<const cel::Program> program;
  std::shared_ptr<const yaml::RawNode> written;
};

// A message with ${expression} parts, evaluated only when the rule is not met.
struct MessageTemplate {
  std::vector<std::variant<std::string, Expression>> parts;
};

// A small service file with the result a rule must give for it.
struct Fixture {
  std::string name;
  Outcome expect = Outcome::met;
  Date as_of;
  std::shared_ptr<const service::ServiceFile> service;
  Location where;
  // `at`: an evidence path the finding must point at ("people[id=volunteer]"), and where that
  // path leads in the fixture's service file; empty when the fixture does not say.
  std::string at;
  std::optional<Location> at_location;
};

struct Attestation {
  std::string statement;
  std::optional<Cadence> valid_for;  // none: an attestation never expires
};

struct Pack;

struct Rule {
  std::string id;
  std::string title;
  std::string area;
  Strength strength = Strength::should;
  std::string level;  // NPPN practice level, when the source has levels
  std::vector<Citation> citations;
  std::string rationale;
  std::vector<std::string> criteria;  // domain.md criterion ids this rule encodes
  std::optional<Expression> when;
  std::string when_not;  // why it does not apply, when `when` is false
  std::optional<Expression> check;
  std::optional<Attestation> attestation;
  MessageTemplate message;
  // The service record(s) at fault, evaluated only when the check is not met: the finding
  // points at the first record instead of at the evidence.
  std::optional<Expression> at;
  std::string fix;
  std::vector<std::string> evidence;  // service file paths the finding points at
  std::vector<Fixture> fixtures;
  Location where;
  const Pack* pack = nullptr;
};

// Whether a citation of the rule states a legal duty: a must or must have regard, citing an
// Act or Regulations. A Code's paragraph is never marked as a legal duty, whatever its strength.
bool states_legal_duty(const Rule& rule, const Citation& citation);
// Whether any of the rule's citations does.
bool states_legal_duty(const Rule& rule);

struct Pack {
  std::string id;
  std::string title;
  std::string publisher;
  std::string edition;
  int year = 0;
  std::string jurisdiction;
  std::optional<Date> effective_from;
  std::optional<Date> effective_until;
  // The day cases begun under it before effective_until ended (domain.md §15.2: SEN Code of
  // Practice 2001 cases ran to 1 April 2018): outside its era still, but the reason says so.
  std::optional<Date> transitional_until;
  std::string framework;  // the heading results are grouped under
  std::vector<Rule> rules;
  Location where;
};

}  // namespace ppsaudit::rules
