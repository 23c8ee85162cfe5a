#include <string>

#include <doctest/doctest.h>

#include "support.hpp"

namespace ppsaudit::cel {

TEST_CASE("integer overflow is an evaluation error at the operator") {
  CHECK(testing::run("9223372036854775807 + 1") == "eval error at 20: integer overflow");
  CHECK(testing::run("-9223372036854775808 - 1") == "eval error at 21: integer overflow");
  CHECK(testing::run("-(-9223372036854775808)") == "eval error at 0: integer overflow");
}

TEST_CASE("division and modulo by zero are errors but doubles follow IEEE") {
  CHECK(testing::run("1 / 0") == "eval error at 2: division by zero");
  CHECK(testing::run("1 % 0") == "eval error at 2: modulus by zero");
  CHECK(testing::run("1.0 / 0.0") == "value: double(\"Infinity\")");
}

TEST_CASE("&& and || absorb an error on either side when the other side decides") {
  CHECK(testing::run("1 / 0 == 1 && false") == "value: false");
  CHECK(testing::run("false && 1 / 0 == 1") == "value: false");
  CHECK(testing::run("1 / 0 == 1 || true") == "value: true");
  CHECK(testing::run("true || 1 / 0 == 1") == "value: true");
}

TEST_CASE("&& and || keep the error when the other side does not decide") {
  CHECK(testing::run("1 / 0 == 1 && true") == "eval error at 2: division by zero");
  CHECK(testing::run("false || 1 / 0 == 1") == "eval error at 11: division by zero");
}

TEST_CASE("all() is false when any element is false, even if another errs") {
  CHECK(testing::run("[1, 2, 3].all(e, 6 / (2 - e) == 6)") == "value: false");
  CHECK(testing::run("[1, 2].exists(e, 6 / (2 - e) == 6)") == "value: true");
}

TEST_CASE("the macros compute what CEL says") {
  CHECK(testing::run("[1, 2, 3].exists(x, x > 2)") == "value: true");
  CHECK(testing::run("[1, 2, 3].exists_one(x, x > 1)") == "value: false");
  CHECK(testing::run("[1, 2, 3].map(x, x * 2)") == "value: [2, 4, 6]");
  CHECK(testing::run("[1, 2, 3].map(x, x > 1, x * 2)") == "value: [4, 6]");
  CHECK(testing::run("[1, 2, 3].filter(x, x != 2)") == "value: [1, 3]");
  CHECK(testing::run("{'a': 1, 'b': 2}.filter(k, k == 'b')") == "value: [\"b\"]");
  CHECK(testing::run("has({'a': 1}.a) && !has({'a': 1}.b)") == "value: true");
}

TEST_CASE("a missing map key and an index out of range are evaluation errors") {
  CHECK(testing::run("{'a': 1}['b']") == "eval error at 8: no such key 'b'");
  CHECK(testing::run("[1, 2][2]") == "eval error at 6: index out of range: 2");
}

TEST_CASE("the cost budget stops nested comprehensions over a big range") {
  // 1000 x 1000 iterations, each several steps: far more than the default budget.
  std::string range = "[";
  for (int i = 0; i < 1000; ++i) {
    range += (i == 0 ? "" : ",") + std::to_string(i);
  }
  range += "]";
  const std::string text = range + ".all(x, " + range + ".all(y, x + y >= 0))";
  CHECK(testing::run(text).ends_with(": evaluation cost budget of 1000000 exceeded"));
}

TEST_CASE("the cost budget is configurable per evaluation") {
  EvalOptions options;
  options.cost_budget = 10;
  CHECK(testing::run(testing::standard_env(), "[1, 2, 3, 4, 5, 6].map(x, x * 2)", {}, options) ==
        "eval error at 19: evaluation cost budget of 10 exceeded");
  options.cost_budget = 100;
  CHECK(testing::run(testing::standard_env(), "[1, 2, 3, 4, 5, 6].map(x, x * 2)", {}, options) ==
        "value: [2, 4, 6, 8, 10, 12]");
}

TEST_CASE("the cost budget counts the bytes of strings built") {
  EvalOptions options;
  options.cost_budget = 500;
  const std::string few_steps = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(i, ";
  // About 70 steps either way; only the 78-byte strings push it past 500.
  CHECK(testing::run(testing::standard_env(), few_steps + "'a' + 'b').size() == 10", {}, options) == "value: true");
  CHECK(testing::run(testing::standard_env(),
                     few_steps +
                         "'abcdefghijklmnopqrstuvwxyz' + 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz')"
                         ".size() == 10 || true",
                     {}, options)
            .ends_with("evaluation cost budget of 500 exceeded"));
}

TEST_CASE("deep nesting is a clear parse error, not a stack overflow") {
  const std::string deep(100000, '(');
  ParseLimits limits;
  limits.max_length = 1 << 20;
  auto parsed = parse(deep, limits);
  REQUIRE(std::holds_alternative<CompileError>(parsed));
  CHECK(std::get<CompileError>(parsed).message == "expression is too deeply nested (more than 200 levels)");
  CHECK(std::get<CompileError>(parsed).offset == 200);
}

TEST_CASE("a long flat chain is bounded by the tree height limit") {
  std::string chain = "1";
  for (int i = 0; i < 1500; ++i) {
    chain += "+1";
  }
  CHECK(testing::run(chain) == "compile error at 1999: expression is too deeply nested (more than 1000 levels)");
}

TEST_CASE("an expression over the length limit is rejected") {
  const std::string text(70000, ' ');
  CHECK(testing::run(text) == "compile error at 0: expression is too long (70000 bytes; the limit is 65536)");
}

TEST_CASE("an expression that is not UTF-8 is rejected where the bad byte is") {
  CHECK(testing::run("\"a\xff\"") == "compile error at 2: invalid UTF-8 (byte 0xff): an expression is UTF-8 text");
  CHECK(testing::run("'\xed\xa0\x80'") ==
        "compile error at 1: invalid UTF-8 (byte 0xed): an expression is UTF-8 text");  // a surrogate
  CHECK(testing::run("\"caf\xc3\xa9\" == \"caf\xc3\xa9\"") == "value: true");
}

TEST_CASE("offsets turn into 1-based lines and columns within the expression") {
  const std::string text = "a &&\n  b";
  CHECK(position_in(text, 0).line == 1);
  CHECK(position_in(text, 7).line == 2);
  CHECK(position_in(text, 7).column == 3);
}

}  // namespace ppsaudit::cel

namespace ppsaudit::cel {

TEST_CASE("expressions just inside the limits check and evaluate without exhausting the stack") {
  std::string chain = "1";
  for (int i = 0; i < 998; ++i) {
    chain += "+1";
  }
  CHECK(testing::run(chain) == "value: 999");
  // The whole expression, the argument of size() and 198 list elements: 200 levels.
  const std::string nested = std::string(198, '[') + "1" + std::string(198, ']');
  CHECK(testing::run("size(" + nested + ")") == "value: 1");
  CHECK(testing::run("size([" + nested + "])").ends_with("expression is too deeply nested (more than 200 levels)"));
}

}  // namespace ppsaudit::cel

namespace ppsaudit::cel {

TEST_CASE("string extensions count code points and report bad indexes") {
  const auto env = std::make_shared<const Env>(Env::standard());
  CHECK(testing::run(env, "'2009-09-01T00:00:00Z'.substring(0, 10)") == "value: \"2009-09-01\"");
  CHECK(testing::run(env, "'café!'.substring(3)") == "value: \"é!\"");
  CHECK(testing::run(env, "'abc'.substring(2, 5)") ==
        "eval error at 6: substring: index out of range: [2, 5) of a string of length 3");
  CHECK(testing::run(env, "'é-x'.indexOf('x')") == "value: 2");
  CHECK(testing::run(env, "['spring', 'summer'].join(', ')") == "value: \"spring, summer\"");
  CHECK(testing::run(env, "' A b '.trim().lowerAscii().upperAscii()") == "value: \"A B\"");
  CHECK(testing::run(env, "'a-b-c'.split('-')") == "value: [\"a\", \"b\", \"c\"]");
  CHECK(testing::run(env, "'a-b'.replace('-', '+')") == "value: \"a+b\"");
}

}  // namespace ppsaudit::cel
