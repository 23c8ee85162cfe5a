#include <doctest/doctest.h>

#include "support.hpp"

namespace ppsaudit::cel {

namespace {

// A fake domain value: a review cadence of N months.
class Cadence : public Opaque {
 public:
  explicit Cadence(int months) : m_months(months) {}
  [[nodiscard]] std::string_view type_name() const override { return "Cadence"; }
  [[nodiscard]] bool equals(const Opaque& other) const override {
    return m_months == static_cast<const Cadence&>(other).m_months;
  }
  [[nodiscard]] std::string debug_string() const override { return "cadence(" + std::to_string(m_months) + ")"; }
  [[nodiscard]] int months() const { return m_months; }

 private:
  int m_months;
};

std::shared_ptr<const Env> fake_env() {
  auto env = std::make_shared<Env>(Env::standard());
  env->declare_opaque_type("Cadence");
  env->declare_object_type({"Policy", {{"name", Type::string()}, {"owner", Type::string()}}});
  env->declare_variable("policy", Type::object("Policy"));
  env->declare_function(
      "cadence",
      {"cadence_int", {Type::integer()}, Type::opaque("Cadence"), [](std::span<const Value> args, EvalContext&) {
         const std::int64_t months = *args[0].get<std::int64_t>();
         if (months <= 0) {
           return Value::error("a cadence needs a positive number of months");
         }
         return Value::opaque(std::make_shared<Cadence>(static_cast<int>(months)));
       }});
  env->declare_receiver_function(
      "months",
      {"cadence_months", {Type::opaque("Cadence")}, Type::integer(), [](std::span<const Value> args, EvalContext&) {
         const auto& cadence = static_cast<const Cadence&>(*args[0].as_opaque());
         return Value::integer(cadence.months());
       }});
  return env;
}

Activation policy_without_owner() {
  auto policy = std::make_shared<Object>("Policy");
  const auto file = std::make_shared<const std::string>("service.yaml");
  policy->set("name", Value::string("Complaints"), make_location(file, 12, 9));
  Activation activation;
  activation.bind("policy", Value::object(policy));
  return activation;
}

}  // namespace

TEST_CASE("a declared but absent object field fails to select and has() says false") {
  const auto activation = policy_without_owner();
  CHECK(testing::run(fake_env(), "has(policy.owner)", activation) == "value: false");
  CHECK(testing::run(fake_env(), "has(policy.name)", activation) == "value: true");
  CHECK(testing::run(fake_env(), "policy.owner == 'x'", activation) == "eval error at 7: no such field 'owner'");
  CHECK(testing::run(fake_env(), "policy.name", activation) == "value: \"Complaints\"");
}

TEST_CASE("an object field keeps the location it came from") {
  const auto activation = policy_without_owner();
  const Object& policy = *activation.find("policy")->as_object();
  REQUIRE(policy.find("name") != nullptr);
  REQUIRE(policy.find("name")->location.has_value());
  CHECK(policy.find("name")->location->to_string() == "service.yaml:12:9");
}

TEST_CASE("a host function and an opaque type work through check and evaluation") {
  CHECK(testing::run(fake_env(), "cadence(6).months()") == "value: 6");
  CHECK(testing::run(fake_env(), "cadence(6) == cadence(6) && cadence(6) != cadence(12)") == "value: true");
  CHECK(testing::run(fake_env(), "cadence(3)") == "value: cadence(3)");
}

TEST_CASE("a host function's error value carries the offset of the call") {
  CHECK(testing::run(fake_env(), "1 < 2 && cadence(0).months() > 1") ==
        "eval error at 9: a cadence needs a positive number of months");
}

TEST_CASE("host functions are type-checked against their overloads") {
  CHECK(testing::run(fake_env(), "cadence('six')") ==
        "compile error at 0: found no matching overload for 'cadence' applied to '(string)'");
  CHECK(testing::run(fake_env(), "cadence(1) + 1") ==
        "compile error at 11: found no matching overload for '_+_' applied to '(Cadence, int)'");
  CHECK(testing::run(fake_env(), "cadance(1)") ==
        "compile error at 0: undeclared reference to 'cadance' (did you mean 'cadence'?)");
}

}  // namespace ppsaudit::cel
