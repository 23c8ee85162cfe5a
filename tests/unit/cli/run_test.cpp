#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cli/run.hpp"

namespace {

struct Result {
  int status = 0;
  std::string out;
  std::string err;
};

// Runs the whole command line in-process, from the source tree.
Result run(std::vector<std::string> args) {
  for (auto& arg : args) {
    if (arg.starts_with("examples/")) {
      arg.insert(0, "/").insert(0, PPSAUDIT_SOURCE_DIR);
    }
  }
  std::ostringstream out;
  std::ostringstream err;
  const int status = ppsaudit::run(args, out, err);
  return {status, out.str(), err.str()};
}

std::size_t count(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("takes one pack per --rules, so the service files after it are still audited") {
  const auto result =
      run({"check", "--rules", "examples/cambridgeshire-pps.rules.yaml", "examples/cambridgeshire-pps.yaml",
           "examples/east-sussex-parent-link.yaml", "--as-of", "2009-01-01", "--format", "json", "--fail-on", "none"});
  CHECK(result.err.empty());
  CHECK(result.status == 0);
  CHECK(count(result.out, "\"as_of\": \"2009-01-01\"") == 2);
}

TEST_CASE("adds every pack given with a repeated --rules") {
  const auto result = run({"rules", "list", "--rules", "examples/cambridgeshire-pps.rules.yaml", "--rules",
                           "examples/east-sussex-parent-link.rules.yaml"});
  CHECK(result.status == 0);
  CHECK(count(result.out, "\ncambridgeshire-pps/") > 10);
  CHECK(count(result.out, "\neast-sussex-parent-link/") > 10);
}

TEST_CASE("fails the run on a should-level miss by default and not with --fail-on none") {
  const std::vector<std::string> base{"check", "examples/cambridgeshire-pps.yaml", "--as-of", "2008-07-31", "--color",
                                      "never"};
  CHECK(run(base).status == 1);
  auto lenient = base;
  lenient.insert(lenient.end(), {"--fail-on", "none"});
  CHECK(run(lenient).status == 0);
}

TEST_CASE("refuses an impossible audit date with exit status 2") {
  const auto result = run({"check", "examples/cambridgeshire-pps.yaml", "--as-of", "2008-02-30"});
  CHECK(result.status == 2);
  CHECK(result.err == "ppsaudit: error: --as-of: '2008-02-30' is not a date: 2008-02 has no day 30\n");
}

TEST_CASE("rules eval prints a list shared 2^40 times over up to the print limit, and says so") {
  // Issue 12, finding 1: 40 levels, each the one below twice over, cost a few steps each.
  std::string expression = "[1]";
  for (int i = 0; i < 40; ++i) {
    expression += ".map(a, [a, a])";
  }
  const Result result = run({"rules", "eval", expression});
  CHECK(result.status == 0);
  CHECK(result.out.size() <= 64 * 1024 + 1);
  CHECK(result.out.starts_with("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1, 1], [1, 1]], "));
  CHECK(result.out.ends_with("…\n"));
  CHECK(result.err == "expression:1:1: note: the value is cut at 65536 bytes\n");
}

TEST_CASE("rules eval stops comparing a list shared 2^40 times over at the cost budget") {
  std::string expression = "[1]";
  for (int i = 0; i < 40; ++i) {
    expression += ".map(a, [a, a])";
  }
  const Result result = run({"rules", "eval", expression + "[0] == " + expression + "[0]"});
  CHECK(result.status == 1);
  CHECK(result.out.empty());
  CHECK(result.err.ends_with(": error: evaluation cost budget of 1000000 exceeded\n"));
}
