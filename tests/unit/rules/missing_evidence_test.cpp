#include "rules/missing_evidence.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include <doctest/doctest.h>

#include "cel/program.hpp"
#include "rules/domain_functions.hpp"
#include "rules/pack_loader.hpp"
#include "rules/service_binding.hpp"
#include "service/loader.hpp"

namespace {

using ppsaudit::cel::Error;
using ppsaudit::cel::MissingField;
using ppsaudit::rules::evaluation_error_in_prose;
using ppsaudit::rules::missing_key_sentence;

// A file that leaves out `publicity`, `arms_length.own_website`, the policy's `shared_with`
// and `last_reviewed`, and has the group's terms of reference with their `last_reviewed`.
constexpr std::string_view k_service =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: Test Service\n"
    "  local_authority: Test Council\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n"
    "arms_length:\n"
    "  own_identity: true\n"
    "policies:\n"
    "  - {id: imp, kind: impartiality, title: Impartiality}\n"
    "groups:\n"
    "  - id: pag\n"
    "    name: PAG\n"
    "    type: advisory\n"
    "    terms_of_reference: {title: Terms, last_reviewed: 2007-09-01}\n";

// What a rule whose check is `expression` says when it cannot be assessed, or "value: ..." when
// the expression has a value.
std::string not_assessable_because(std::string_view expression) {
  ppsaudit::Diagnostics diagnostics;
  auto file = ppsaudit::service::parse_service(k_service, "t.yaml", diagnostics);
  REQUIRE(file.has_value());
  const ppsaudit::Date as_of = std::get<ppsaudit::Date>(ppsaudit::parse_date("2008-07-31"));
  ppsaudit::rules::AuditContext context{&*file, as_of};
  auto compiled = ppsaudit::cel::compile(ppsaudit::rules::rule_env(), expression);
  REQUIRE(std::holds_alternative<ppsaudit::cel::Program>(compiled));
  ppsaudit::cel::EvalOptions options;
  options.host = &context;
  const auto value =
      std::get<ppsaudit::cel::Program>(compiled).evaluate(ppsaudit::rules::bind_service(*file, as_of), options);
  if (const auto* error = value.as_error()) {
    return evaluation_error_in_prose(*error);
  }
  return "value: " + ppsaudit::cel::to_cel_literal(value);
}

}  // namespace

TEST_CASE("names a missing nested key by its full path and what it records") {
  CHECK(not_assessable_because("arms_length.own_identity && arms_length.own_website") ==
        "the file does not record own website, or a clearly separate section (`arms_length.own_website`)");
}

TEST_CASE("names a missing top-level key by what it records") {
  CHECK(missing_key_sentence("publicity") == "the file does not record how it is made known (`publicity`)");
  CHECK(not_assessable_because("publicity.channels.size() > 0") ==
        "the file does not record how it is made known (`publicity`)");
  CHECK(not_assessable_because("file.publicity.channels.size() > 0") ==
        "the file does not record how it is made known (`publicity`)");
}

TEST_CASE("names a key missing from an element of a list by the list's path") {
  CHECK(not_assessable_because("policies.all(p, p.shared_with.exists(s, s.with == 'public'))") ==
        "the file does not record who it was shared with, and when (`policies[].shared_with`)");
}

TEST_CASE("tells apart two record types with a key of the same name by the record reached") {
  // Policy and TermsOfReference both have `last_reviewed`; the text names the terms of reference's.
  CHECK(not_assessable_because("groups[0].terms_of_reference.last_reviewed <= policies[0].last_reviewed") ==
        "the file does not record when it was last reviewed (`policies[].last_reviewed`)");
  CHECK(not_assessable_because("groups.all(g, g.terms_of_reference.last_reviewed < as_of)") == "value: true");
  // A record that does not know where it sits is found by its type.
  CHECK(evaluation_error_in_prose(Error{"no such field 'last_reviewed'", 0,
                                        MissingField{"TermsOfReference", std::nullopt, "last_reviewed"}}) ==
        "the file does not record when last reviewed (`groups[].terms_of_reference.last_reviewed`)");
  CHECK(evaluation_error_in_prose(
            Error{"no such field 'last_reviewed'", 0, MissingField{"Policy", std::nullopt, "last_reviewed"}}) ==
        "the file does not record when it was last reviewed (`policies[].last_reviewed`)");
}

TEST_CASE("leaves an error that is not a missing key as it is") {
  CHECK(not_assessable_because("1 / 0 == 1") == "division by zero");
  CHECK(not_assessable_because("{'a': 1}['b'] == 1") == "no such key 'b'");
  // Only the structured part counts: CEL's wording alone is never parsed.
  CHECK(evaluation_error_in_prose(Error{"no such field 'own_website'", 0, std::nullopt}) ==
        "no such field 'own_website'");
}

TEST_CASE("leaves a missing field of a record the service file does not have as it is") {
  CHECK(evaluation_error_in_prose(Error{"no such field 'label'", 0,
                                        MissingField{"SchoolTerm", std::nullopt, "label"}}) == "no such field 'label'");
}
