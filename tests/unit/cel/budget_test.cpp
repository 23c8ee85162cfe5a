// Issue 12, finding 1: lists are shared, so a value can hold far more than it cost to build.
// Every operation that walks a value must charge the budget by the walk, or stop at a size.
#include <string>

#include <doctest/doctest.h>

#include "support.hpp"
#include "text/bounded_text.hpp"

namespace ppsaudit::cel {

namespace {

// A one-element list whose element is a tree of 2^levels leaves, each level the one below
// twice over: building it costs a few steps a level, walking it visits every leaf.
std::string doubled(int levels, const std::string& wrap = "[a, a]") {
  std::string text = "[1]";
  for (int i = 0; i < levels; ++i) {
    text += ".map(a, " + wrap + ")";
  }
  return text;
}

// A string of `bytes` bytes, written out.
std::string long_text(std::size_t bytes, char fill = 'a') {
  return "'" + std::string(bytes, fill) + "'";
}

bool over_budget(const std::string& outcome) {
  return outcome.starts_with("eval error at ") && outcome.ends_with(": evaluation cost budget of 1000000 exceeded");
}

bool over_budget(const std::string& outcome, std::uint64_t budget) {
  return outcome.ends_with(": evaluation cost budget of " + std::to_string(budget) + " exceeded");
}

std::string run_with_budget(const std::string& text, std::uint64_t budget) {
  EvalOptions options;
  options.cost_budget = budget;
  return testing::run(testing::standard_env(), text, {}, options);
}

}  // namespace

TEST_CASE("comparing a list shared 2^40 times over runs out of budget") {
  CHECK(over_budget(testing::run(doubled(40) + ".map(a, a == a)")));
  CHECK(over_budget(testing::run(doubled(40) + ".map(a, a != a)")));
}

TEST_CASE("comparing a map shared 2^40 times over runs out of budget") {
  CHECK(over_budget(testing::run(doubled(40, "{'l': a, 'r': a}") + ".map(a, a == a)")));
}

TEST_CASE("looking for a list shared 2^40 times over in a list runs out of budget") {
  CHECK(over_budget(testing::run(doubled(40) + ".map(a, a in [0, a])")));
}

TEST_CASE("small values still compare, and a shared list compares equal to itself") {
  CHECK(testing::run(doubled(10) + ".map(a, a == a)") == "value: [true]");
  CHECK(testing::run(doubled(3) + "[0] == [[[1, 1], [1, 1]], [[1, 1], [1, 1]]]") == "value: true");
  CHECK(testing::run("[1, 2] in [[0], [1, 2]]") == "value: true");
  CHECK(testing::run("[double('NaN')] == [double('NaN')]") == "value: false");
}

TEST_CASE("comparing, ordering and measuring long strings costs their bytes") {
  // 1600 bytes at 16 a unit are 100 units, past a budget of 50; a few steps are not.
  const std::string text = long_text(1600);
  CHECK(over_budget(run_with_budget(text + " == " + text, 50), 50));
  CHECK(over_budget(run_with_budget(text + " < " + text, 50), 50));
  CHECK(over_budget(run_with_budget("size(" + text + ")", 50), 50));
  CHECK(over_budget(run_with_budget(text + " in {'a': 1}", 50), 50));
  CHECK(over_budget(run_with_budget(text + ".contains('b')", 50), 50));
  CHECK(run_with_budget("'abc' < 'abd' && size('abc') == 3 && 'abc' == 'abc'", 50) == "value: true");
}

TEST_CASE("every copy of a long string costs its bytes") {
  // A literal, a variable and an iteration over strings each copy 1600 bytes: 100 units.
  const std::string text = long_text(1600);
  CHECK(over_budget(run_with_budget("[1, 2, 3].all(x, size([" + text + "]) == 1)", 50), 50));
  CHECK(over_budget(run_with_budget("[" + text + "].all(s, [1, 2, 3].all(x, size([s]) == 1))", 150), 150));
  CHECK(over_budget(run_with_budget("[" + text + ", " + text + "].exists(s, false)", 150), 150));
  CHECK(run_with_budget("['abc', 'def'].all(s, size([s]) == 1)", 50) == "value: true");
}

TEST_CASE("concatenating lists and strings charges what it copies") {
  // Each `+` copies both sides: doubling a list 40 times over copies 2^40 elements.
  std::string list = "[1]";
  std::string text = "'a'";
  for (int i = 0; i < 40; ++i) {
    list.insert(0, "[").append("].map(l, l + l)[0]");
    text.insert(0, "[").append("].map(s, s + s)[0]");
  }
  CHECK(over_budget(testing::run("size(" + list + ")")));
  CHECK(over_budget(testing::run("size(" + text + ")")));
}

TEST_CASE("printing a list shared 2^40 times over stops at the print limit") {
  auto compiled = compile(testing::standard_env(), doubled(40));
  REQUIRE(std::holds_alternative<Program>(compiled));
  const Value value = std::get<Program>(compiled).evaluate({});
  REQUIRE(!value.is_error());
  const std::string printed = to_cel_literal(value);
  CHECK(printed.size() <= k_print_limit);
  CHECK(printed.starts_with("[[[[[[[[[["));
  CHECK(printed.ends_with(text::k_ellipsis));
}

TEST_CASE("a printed value is cut at a code point, and one that fits is whole") {
  // "é" is two bytes: 10 bytes hold the quote, three of them and the three-byte ellipsis.
  CHECK(to_cel_literal(Value::string("éééééééé"), 10) == "\"ééé…");
  CHECK(to_cel_literal(Value::string("éééééééé"), 11) == "\"ééé…");
  CHECK(to_cel_literal(Value::string("éé"), 6) == "\"éé\"");
  CHECK(to_cel_literal(Value::list({Value::integer(1), Value::integer(2)}), 6) == "[1, 2]");
  CHECK(to_cel_literal(Value::list({Value::integer(1), Value::integer(2)}), 5) == "[1…");
}

}  // namespace ppsaudit::cel
