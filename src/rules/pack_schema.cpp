#include "rules/pack_schema.hpp"

#include "yaml/schema_builder.hpp"

namespace ppsaudit::rules {

namespace {

using yaml::FieldSpec;
using yaml::k_optional;
using yaml::k_required;
using yaml::Kind;
using yaml::SchemaBuilder;
using yaml::TypeSpec;

const TypeSpec* build(SchemaBuilder& b, PackText pack_text) {
  const auto* text = b.scalar(Kind::text, "text");
  const auto* texts = b.list(text);
  const auto* date = b.scalar(Kind::date, "date");
  const auto* expression = b.scalar(Kind::expression, "expression");
  const auto* outcome = b.choice("result", {"met", "not_met", "not_applicable", "needs_attestation", "not_assessable"});

  const auto* pack = b.record(
      "Pack", {{"id", text, k_required, "the pack's id, which prefixes every rule id ('sen-cop-2001')"},
               {"title", text, k_required, "the source's title"},
               {"publisher", text, k_required, "who issued the source"},
               {"edition", text, k_optional, "its edition or reference"},
               {"year", b.bounded(Kind::integer, "year", 1900, 2100), k_required, "the year it was issued"},
               {"jurisdiction", text, k_required, "where it applies ('England')"},
               {"effective_from", date, k_optional, "when it came into force"},
               {"effective_until", date, k_optional, "the last day it applied"},
               {"transitional_until", date, k_optional, "the day cases begun under it before effective_until ended"},
               {"framework", text, k_required, "the heading its results are grouped under in reports"},
               {"description", text, k_optional, "what the pack encodes and what it cannot"}});
  const auto* citation = b.record(
      "Citation", {{"source", text, k_required, "the document cited"},
                   {"locator", text, k_required, "the paragraph, page or section"},
                   {"confidence", b.choice("confidence", {"high", "medium", "low"}), k_required,
                    "how sure the locator is: low prints as approximate (domain.md: I is low, P medium, V high)"},
                   {"verification", b.choice("verification", {"V", "P", "I"}), k_required,
                    "domain.md's marker: verified, partly verified, inferred"},
                   {"note", text, k_optional, "what the citation rests on"},
                   {"kind", b.choice("source kind", {"statute", "code", "guidance", "standard", "policy"}), k_required,
                    "what the source is: only 'statute' (an Act or Regulations) is cited as a legal duty"}});
  const auto* attestation = b.record("AttestationSpec", {{"statement", text, k_required, "what a person must confirm"},
                                                         {"valid_for", b.scalar(Kind::cadence, "cadence"), k_optional,
                                                          "how long a confirmation lasts (none: it does not expire)"}});
  const auto* fixture = b.record(
      "FixtureSpec", {{"name", text, k_required, "what the fixture shows"},
                      {"expect", outcome, k_required, "the result the rule must give"},
                      {"as_of", date, k_required, "the audit date"},
                      {"service", b.scalar(Kind::yaml, "service data"), k_required,
                       "top-level keys of a service file, laid over the pack's fixture_base"},
                      {"at", text, k_optional, "an evidence path the finding must point at ('people[id=volunteer]')"}});
  const auto* rule = b.record(
      "RuleSpec",
      {{"id", text, k_required, "a stable id, '<pack id>/<name>'"},
       {"title", text, k_required, "what the rule requires, as a short sentence"},
       {"area",
        b.choice("area",
                 {"legal_basis", "arms_length", "impartiality", "policies", "governance", "staffing", "information",
                  "publicity", "strategic", "monitoring", "reporting", "access", "confidentiality", "commitments"}),
        k_required, "the part of the service it concerns"},
       {"strength",
        b.choice("strength", {"must", "must_have_regard", "should", "commitment", "minimum_standard", "good_practice",
                              "best_practice"}),
        k_required, "the obligation's strength, as its source words it ('commitment': the service's own promise)"},
       {"level", b.choice("level", {"minimum_standard", "good_practice", "best_practice"}), k_optional,
        "the NPPN practice level the rule evidences"},
       {"citations", b.list(citation), k_required, "where the obligation comes from"},
       {"rationale", text, k_required, "why it matters"},
       {"criteria", texts, k_optional, "the criterion ids of domain.md it encodes"},
       {"when", expression, k_optional, "when the rule applies (CEL, bool); otherwise not applicable"},
       {"when_not", text, k_optional, "the reason shown when it does not apply"},
       {"check", expression, k_optional, "the check (CEL, bool); met when true"},
       {"attestation", attestation, k_optional, "instead of a check: what only a person can confirm"},
       {"message", b.scalar(Kind::expression, "message"), k_optional,
        "what is wrong when not met; ${expression} parts are evaluated"},
       {"at", expression, k_optional,
        "the service record(s) at fault when not met (CEL: a record or a list of records)"},
       {"fix", text, k_optional, "how to put it right"},
       {"evidence", texts, k_optional, "service file paths to point at ('policies[kind=impartiality].last_reviewed')"},
       {"fixtures", b.list(fixture), pack_text == PackText::whole ? k_required : k_optional,
        "small service files with the result the rule must give"}});
  return b.record("PackFile", {{"ppsaudit-rules", b.format_version(k_pack_format_version), k_required,
                                "the rule pack format version: 1"},
                               {"pack", pack, k_required, "what the pack encodes"},
                               {"fixture_base", b.scalar(Kind::yaml, "service data"), k_optional,
                                "a service file that fixtures lay their keys over"},
                               {"rules", b.list(rule, "id"), k_required, "the rules"}});
}

}  // namespace

const yaml::TypeSpec& pack_file_schema(PackText text) {
  static SchemaBuilder builder;
  static const TypeSpec* whole = build(builder, PackText::whole);
  static SchemaBuilder lean_builder;
  static const TypeSpec* without_fixtures = build(lean_builder, PackText::without_fixtures);
  return text == PackText::whole ? *whole : *without_fixtures;
}

}  // namespace ppsaudit::rules
