#include <string>

#include <doctest/doctest.h>

#include "report/sarif.hpp"

namespace {

using ppsaudit::report::sarif_classification;
using ppsaudit::rules::Outcome;
using ppsaudit::rules::Strength;

std::string classify(Outcome outcome, Strength strength) {
  const auto [kind, level] = sarif_classification(outcome, strength);
  return std::string(kind) + "/" + std::string(level);
}

}  // namespace

TEST_CASE("sarif gives a failure the level of its obligation's strength") {
  CHECK(classify(Outcome::not_met, Strength::must) == "fail/error");
  CHECK(classify(Outcome::not_met, Strength::must_have_regard) == "fail/error");
  CHECK(classify(Outcome::not_met, Strength::should) == "fail/warning");
  CHECK(classify(Outcome::not_met, Strength::commitment) == "fail/warning");
  CHECK(classify(Outcome::not_met, Strength::minimum_standard) == "fail/warning");
  CHECK(classify(Outcome::not_met, Strength::good_practice) == "fail/note");
  CHECK(classify(Outcome::not_met, Strength::best_practice) == "fail/note");
}

TEST_CASE("sarif gives every result that is not a failure level none, whatever the strength") {
  for (const auto strength : {Strength::must, Strength::should, Strength::best_practice}) {
    CHECK(classify(Outcome::met, strength) == "pass/none");
    CHECK(classify(Outcome::needs_attestation, strength) == "review/none");
    CHECK(classify(Outcome::not_assessable, strength) == "open/none");
    CHECK(classify(Outcome::not_applicable, strength) == "notApplicable/none");
  }
}

TEST_CASE("sarif percent-encodes a path that is not plain URI characters") {
  CHECK(ppsaudit::report::uri_reference("examples/cambridgeshire-pps.yaml") == "examples/cambridgeshire-pps.yaml");
  CHECK(ppsaudit::report::uri_reference("my services/a#1%.yaml") == "my%20services/a%231%25.yaml");
  CHECK(ppsaudit::report::uri_reference("caf\xc3\xa9.yaml") == "caf%C3%A9.yaml");
}
