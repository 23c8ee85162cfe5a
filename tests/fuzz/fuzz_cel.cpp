// libFuzzer target: a CEL expression compiled against the rule environment, evaluated against an
// example service as `rules eval --service` does, and its value printed; an expression that does
// not type-check is also evaluated unchecked, as the conformance suite does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "calendar/date.hpp"
#include "cel/program.hpp"
#include "diag/diagnostics.hpp"
#include "fuzz_check.hpp"
#include "rules/domain_functions.hpp"
#include "rules/pack_loader.hpp"
#include "rules/service_binding.hpp"
#include "service/loader.hpp"
#include "text/printable.hpp"

namespace {

using namespace ppsaudit;

// examples/cambridgeshire-pps.yaml as an expression sees it, read once for every input.
struct Bound {
  service::ServiceFile file;
  Date as_of;
  cel::Activation activation;
};

const Bound& bound() {
  static const Bound k_bound = [] {
    Diagnostics diagnostics;
    auto file = service::load_service(PPSAUDIT_SOURCE_DIR "/examples/cambridgeshire-pps.yaml", diagnostics);
    fuzz::require(file.has_value() && !diagnostics.has_errors(), "the example service does not load");
    const Date as_of = *Date::from_ymd(2025, 6, 1);
    Bound made{std::move(*file), as_of, {}};
    made.activation = rules::bind_service(made.file, as_of);
    return made;
  }();
  return k_bound;
}

void evaluate(const cel::Program& program) {
  const Bound& service = bound();
  const rules::AuditContext context{&service.file, service.as_of};
  cel::EvalOptions options;
  options.host = &context;
  const cel::Value result = program.evaluate(service.activation, options);
  if (const auto* error = result.as_error()) {
    (void)printable(error->message);
    return;
  }
  const std::string literal = cel::to_cel_literal(result);
  fuzz::require(literal.size() <= cel::k_print_limit + 8, "a printed value is longer than its limit");
  (void)printable(literal);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)bound();
  const std::string_view expression(reinterpret_cast<const char*>(data), size);
  auto compiled = cel::compile(rules::rule_env(), expression);
  if (const auto* program = std::get_if<cel::Program>(&compiled)) {
    evaluate(*program);
    return 0;
  }
  for (const auto& error : std::get<std::vector<cel::CompileError>>(compiled)) {
    (void)cel::position_in(expression, error.offset);
  }
  cel::CompileOptions unchecked;
  unchecked.check = false;
  auto parsed = cel::compile(rules::rule_env(), expression, unchecked);
  if (const auto* program = std::get_if<cel::Program>(&parsed)) {
    evaluate(*program);
  }
  return 0;
}
