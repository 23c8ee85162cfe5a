// The structured description of a missing field (Error::missing) travels with the error value
// through everything that passes errors on, so hosts never need to read the message.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include <doctest/doctest.h>

#include "support.hpp"

namespace ppsaudit::cel {

namespace {

std::shared_ptr<const Env> policy_env() {
  auto env = std::make_shared<Env>(Env::standard());
  env->declare_object_type({"Sharing", {{"with", Type::string()}, {"date", Type::timestamp()}}});
  env->declare_object_type(
      {"Policy",
       {{"name", Type::string()}, {"owner", Type::string()}, {"shared_with", Type::list(Type::object("Sharing"))}}});
  env->declare_variable("policy", Type::object("Policy"));
  env->declare_variable("policies", Type::list(Type::object("Policy")));
  env->declare_function(
      "echo", {"echo_string", {Type::string()}, Type::string(), [](std::span<const Value> args, EvalContext&) {
                 return args[0];
               }});
  // A host function that reports a missing field itself, without an offset.
  env->declare_function(
      "owner_of", {"owner_of_int", {Type::integer()}, Type::string(), [](std::span<const Value>, EvalContext&) {
                     return Value::error(Error{"no owner", k_no_offset, MissingField{"Policy", "policies[]", "owner"}});
                   }});
  return env;
}

Activation policies_without_owner() {
  auto sharing = std::make_shared<Object>("Sharing");
  sharing->set_path("policies[].shared_with[]");
  sharing->set("with", Value::string("parents"));
  auto policy = std::make_shared<Object>("Policy");
  policy->set_path("policies[]");
  policy->set("name", Value::string("Complaints"));
  policy->set("shared_with", Value::list({Value::object(sharing)}));
  auto unplaced = std::make_shared<Object>("Policy");  // a record that does not know its path
  Activation activation;
  activation.bind("policy", Value::object(unplaced));
  activation.bind("policies", Value::list({Value::object(policy)}));
  return activation;
}

// "Type.field under path" for an evaluation error that names a missing field, else what it gave.
std::string missing(std::string_view text) {
  auto compiled = compile(policy_env(), text);
  if (std::holds_alternative<std::vector<CompileError>>(compiled)) {
    return "compile error";
  }
  const Value value = std::get<Program>(compiled).evaluate(policies_without_owner());
  const Error* error = value.as_error();
  if (error == nullptr) {
    return "value: " + to_cel_literal(value);
  }
  if (!error->missing) {
    return "plain error: " + error->message;
  }
  const MissingField& field = *error->missing;
  const std::string where = field.record_path ? "'" + *field.record_path + "'" : "an unknown path";
  return field.type_name + "." + field.field + " under " + where + " at " + std::to_string(error->offset);
}

}  // namespace

TEST_CASE("an absent declared field names its record type, its path and itself") {
  CHECK(missing("policies[0].owner == 'x'") == "Policy.owner under 'policies[]' at 12");
  CHECK(missing("policy.owner == 'x'") == "Policy.owner under an unknown path at 7");
  CHECK(missing("policies[0].shared_with[0].date < timestamp('2008-01-01T00:00:00Z')") ==
        "Sharing.date under 'policies[].shared_with[]' at 27");
}

TEST_CASE("the missing field survives && and || when nothing decides them") {
  CHECK(missing("true && policies[0].owner == 'x'") == "Policy.owner under 'policies[]' at 20");
  CHECK(missing("policies[0].owner == 'x' && true") == "Policy.owner under 'policies[]' at 12");
  CHECK(missing("false || policies[0].owner == 'x'") == "Policy.owner under 'policies[]' at 21");
  CHECK(missing("policies[0].owner == 'x' || false") == "Policy.owner under 'policies[]' at 12");
  CHECK(missing("false && policies[0].owner == 'x'") == "value: false");
}

TEST_CASE("the missing field survives the conditional operator") {
  CHECK(missing("policies[0].owner == 'x' ? 1 : 2") == "Policy.owner under 'policies[]' at 12");
  CHECK(missing("true ? policies[0].owner : 'y'") == "Policy.owner under 'policies[]' at 19");
}

TEST_CASE("the missing field survives the macros") {
  CHECK(missing("policies.all(p, p.owner == 'x')") == "Policy.owner under 'policies[]' at 18");
  CHECK(missing("policies.exists(p, p.owner == 'x')") == "Policy.owner under 'policies[]' at 21");
  CHECK(missing("policies.exists_one(p, p.owner == 'x')") == "Policy.owner under 'policies[]' at 25");
  CHECK(missing("policies.filter(p, p.owner == 'x').size() == 0") == "Policy.owner under 'policies[]' at 21");
  CHECK(missing("policies.map(p, p.owner).size() == 1") == "Policy.owner under 'policies[]' at 18");
  CHECK(missing("policies.all(p, p.shared_with.all(s, s.date < timestamp('2008-01-01T00:00:00Z')))") ==
        "Sharing.date under 'policies[].shared_with[]' at 39");
}

TEST_CASE("the missing field survives function calls, literals and indexing") {
  CHECK(missing("size(policies[0].owner) > 0") == "Policy.owner under 'policies[]' at 17");
  CHECK(missing("policies[0].owner.startsWith('x')") == "Policy.owner under 'policies[]' at 12");
  CHECK(missing("echo(policies[0].owner) == 'x'") == "Policy.owner under 'policies[]' at 17");
  CHECK(missing("[policies[0].owner][0] == 'x'") == "Policy.owner under 'policies[]' at 13");
  CHECK(missing("{'a': policies[0].owner}['a'] == 'x'") == "Policy.owner under 'policies[]' at 18");
}

TEST_CASE("a host function's missing field gets the call's offset and keeps the rest") {
  CHECK(missing("1 < 2 && owner_of(1) == 'x'") == "Policy.owner under 'policies[]' at 9");
}

TEST_CASE("errors other than an absent field say nothing about a missing field") {
  CHECK(missing("{'a': 1}['b'] == 1") == "plain error: no such key 'b'");
  CHECK(missing("policies[1].owner == 'x'") == "plain error: index out of range: 1");
  CHECK(missing("1 / 0 == 1") == "plain error: division by zero");
}

}  // namespace ppsaudit::cel
