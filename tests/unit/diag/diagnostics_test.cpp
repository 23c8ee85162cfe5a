#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "diag/diagnostics.hpp"

using ppsaudit::Diagnostics;
using ppsaudit::k_max_diagnostics_per_file;
using ppsaudit::make_location;
using ppsaudit::Severity;

namespace {

const auto k_file = std::make_shared<const std::string>("t.yaml");
const auto k_other = std::make_shared<const std::string>("u.yaml");

void add_errors(Diagnostics& diagnostics, const std::shared_ptr<const std::string>& file, int count) {
  for (int i = 1; i <= count; ++i) {
    diagnostics.error(make_location(file, i, 1), "error {}", i);
    diagnostics.note(make_location(file, i, 1), "note {}", i);
  }
}

}  // namespace

TEST_CASE("keeps the first 100 errors of a file with their notes, and counts the rest in one note") {
  Diagnostics diagnostics;
  add_errors(diagnostics, k_file, 250);
  CHECK(diagnostics.error_count() == 250);
  const auto& all = diagnostics.all();
  REQUIRE(all.size() == 2 * k_max_diagnostics_per_file + 1);
  CHECK(format_diagnostic(all[198]) == "t.yaml:100:1: error: error 100");
  CHECK(format_diagnostic(all[199]) == "t.yaml:100:1: note: note 100");
  CHECK(format_diagnostic(all.back()) ==
        "t.yaml: note: 150 more errors not shown (only the first 100 errors and warnings of a file are)");
}

TEST_CASE("caps each file on its own and never the unlocated messages") {
  Diagnostics diagnostics;
  add_errors(diagnostics, k_file, 101);
  add_errors(diagnostics, k_other, 100);
  for (int i = 0; i < 150; ++i) {
    diagnostics.error({}, "unlocated {}", i);
  }
  CHECK(diagnostics.error_count() == 351);
  CHECK(diagnostics.all().size() == 201 + 200 + 150);
  CHECK(format_diagnostic(diagnostics.all()[200]) ==
        "t.yaml: note: 1 more error not shown (only the first 100 errors and warnings of a file are)");
}

TEST_CASE("counts warnings left out apart from errors") {
  Diagnostics diagnostics;
  add_errors(diagnostics, k_file, 100);
  diagnostics.warning(make_location(k_file, 200, 1), "a warning");
  diagnostics.error(make_location(k_file, 201, 1), "an error");
  diagnostics.warning(make_location(k_file, 202, 1), "a warning");
  CHECK(format_diagnostic(diagnostics.all().back()) ==
        "t.yaml: note: 1 more error and 2 more warnings not shown (only the first 100 errors and warnings of a file "
        "are)");
}

TEST_CASE("merging keeps the cap and the counts of what was left out") {
  Diagnostics first;
  add_errors(first, k_file, 150);
  Diagnostics second;
  add_errors(second, k_file, 30);
  second.merge(first);
  CHECK(second.error_count() == 180);
  REQUIRE(second.all().size() == 201);
  CHECK(format_diagnostic(second.all().back()) ==
        "t.yaml: note: 80 more errors not shown (only the first 100 errors and warnings of a file are)");
  CHECK(second.all()[199].severity == Severity::note);
}
