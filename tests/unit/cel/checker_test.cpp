#include <doctest/doctest.h>

#include "support.hpp"

namespace ppsaudit::cel {

namespace {

// A small stand-in for the product's schema: a list of policies with declared fields.
std::shared_ptr<const Env> policy_env() {
  auto env = std::make_shared<Env>(Env::standard());
  env->declare_object_type(
      {"Policy", {{"name", Type::string()}, {"last_reviewed", Type::timestamp()}, {"review_months", Type::integer()}}});
  env->declare_variable("policies", Type::list(Type::object("Policy")));
  env->declare_variable("policy", Type::object("Policy"));
  return env;
}

}  // namespace

TEST_CASE("an unknown variable is a check error with a suggestion at its offset") {
  CHECK(testing::run(policy_env(), "size(polcies) > 0") ==
        "compile error at 5: undeclared reference to 'polcies' (did you mean 'policies'?)");
}

TEST_CASE("an unknown variable far from any declared name gets no suggestion") {
  CHECK(testing::run(policy_env(), "zzzzzz") == "compile error at 0: undeclared reference to 'zzzzzz'");
}

TEST_CASE("an undeclared field of an object type is a check error with a suggestion") {
  CHECK(testing::run(policy_env(), "policies.all(p, p.last_reveiwed < timestamp('2024-01-01T00:00:00Z'))") ==
        "compile error at 18: no field 'last_reveiwed' on type 'Policy' (did you mean 'last_reviewed'?)");
}

TEST_CASE("has() of an undeclared field is a check error too") {
  CHECK(testing::run(policy_env(), "has(policy.nmae)") ==
        "compile error at 11: no field 'nmae' on type 'Policy' (did you mean 'name'?)");
}

TEST_CASE("an operator applied to the wrong types reports the argument types") {
  CHECK(testing::run("1 + 'a'") ==
        "compile error at 2: found no matching overload for '_+_' applied to '(int, string)'");
}

TEST_CASE("a declared field used with the wrong type is a check error") {
  CHECK(testing::run(policy_env(), "policy.review_months + policy.name") ==
        "compile error at 21: found no matching overload for '_+_' applied to '(int, string)'");
}

TEST_CASE("a misspelt function is an undeclared reference with a suggestion") {
  CHECK(testing::run("'abc'.startswith('a')") ==
        "compile error at 6: undeclared reference to 'startswith' (did you mean 'startsWith'?)");
}

TEST_CASE("a function called with the wrong argument type reports the receiver and argument") {
  CHECK(testing::run("'abc'.contains(1)") ==
        "compile error at 6: found no matching overload for 'contains' applied to '(string, int)'");
}

TEST_CASE("the checker infers the type of a well-typed expression") {
  auto compiled = compile(policy_env(), "policies.map(p, p.review_months)");
  REQUIRE(std::holds_alternative<Program>(compiled));
  CHECK(std::get<Program>(compiled).result_type().to_string() == "list(int)");
}

TEST_CASE("comprehension variables are in scope only inside the macro") {
  CHECK(testing::run("[1].all(x, x > 0) && x > 0") == "compile error at 21: undeclared reference to 'x'");
}

TEST_CASE("a non-bool condition of a ternary is a check error") {
  CHECK(testing::run("1 ? 2 : 3") ==
        "compile error at 2: found no matching overload for '_?_:_' applied to '(int, int, int)'");
}

}  // namespace ppsaudit::cel

namespace ppsaudit::cel {

TEST_CASE("the checker reports every independent error once") {
  // The unknown variable makes its operand dyn, so the comparison is not blamed as well.
  CHECK(testing::run(policy_env(), "polcies.size() > 0 && policy.nmae == 'x' && 1 + 'a' == 2") ==
        "compile error at 0: undeclared reference to 'polcies' (did you mean 'policies'?); "
        "compile error at 29: no field 'nmae' on type 'Policy' (did you mean 'name'?); "
        "compile error at 46: found no matching overload for '_+_' applied to '(int, string)'");
}

}  // namespace ppsaudit::cel

namespace ppsaudit::cel {

TEST_CASE("an error inside a macro's body is reported once, not once per place the expansion uses it") {
  CHECK(testing::run(policy_env(), "policies.all(p, p.nme == 'x')") ==
        "compile error at 18: no field 'nme' on type 'Policy' (did you mean 'name'?)");
  CHECK(testing::run(policy_env(), "policies.map(p, p.nme)") ==
        "compile error at 18: no field 'nme' on type 'Policy' (did you mean 'name'?)");
}

}  // namespace ppsaudit::cel
