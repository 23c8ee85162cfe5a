#include "rules/missing_evidence.hpp"

#include <doctest/doctest.h>

using ppsaudit::rules::evaluation_error_in_prose;
using ppsaudit::rules::missing_key_sentence;

TEST_CASE("names a missing nested key by its full path and what it records") {
  CHECK(evaluation_error_in_prose("no such field 'own_website'", "arms_length.own_website") ==
        "the file does not record own website, or a clearly separate section (`arms_length.own_website`)");
}

TEST_CASE("names a missing top-level key by what it records") {
  CHECK(missing_key_sentence("publicity") == "the file does not record how it is made known (`publicity`)");
}

TEST_CASE("finds the record of a key asked for through a comprehension variable") {
  CHECK(evaluation_error_in_prose("no such field 'line_management'",
                                  "has(arms_length.relationship_document) && arms_length.line_management != 'x'")
            .find("(`arms_length.line_management`)") != std::string::npos);
}

TEST_CASE("leaves an error that is not a missing key as it is") {
  CHECK(evaluation_error_in_prose("division by zero", "1 / 0 == 1") == "division by zero");
}

TEST_CASE("never shows CEL's own wording for a missing key") {
  const std::string sentence = evaluation_error_in_prose("no such field 'includes'", "monitoring.includes.size() > 0");
  CHECK(sentence.find("no such field") == std::string::npos);
  CHECK(sentence.starts_with("the file does not record"));
}
