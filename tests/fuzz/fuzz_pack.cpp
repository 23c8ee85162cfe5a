// libFuzzer target: the rule-pack loader on the input's bytes, and for a pack that loads, its
// fixtures run as `rules test` runs them, and its rules applied to an example service, which
// evaluates their checks and messages.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "fuzz_check.hpp"
#include "rules/engine.hpp"
#include "rules/pack_loader.hpp"
#include "service/loader.hpp"
#include "text/printable.hpp"

namespace {

using namespace ppsaudit;

// examples/cambridgeshire-pps.yaml, read once for every input.
const service::ServiceFile& example_service() {
  static const service::ServiceFile k_service = [] {
    Diagnostics diagnostics;
    auto file = service::load_service(PPSAUDIT_SOURCE_DIR "/examples/cambridgeshire-pps.yaml", diagnostics);
    fuzz::require(file.has_value() && !diagnostics.has_errors(), "the example service does not load");
    return std::move(*file);
  }();
  return k_service;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const service::ServiceFile& example = example_service();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  const auto pack = rules::parse_pack(text, "fuzz-pack.yaml", diagnostics);
  for (const auto& diagnostic : diagnostics.all()) {
    (void)format_diagnostic(diagnostic);
  }
  if (!pack || diagnostics.has_errors()) {
    return 0;
  }

  std::vector<const rules::Rule*> all;
  for (const auto& rule : pack->rules) {
    all.push_back(&rule);
    for (const auto& fixture : rule.fixtures) {
      const auto audit = rules::audit_service(*fixture.service, {&rule}, fixture.as_of);
      fuzz::require(audit.findings.size() == 1, "a fixture's audit of one rule has not one finding");
      (void)printable(audit.findings.front().message);
    }
  }
  const auto audit = rules::audit_service(example, all, *Date::from_ymd(2025, 6, 1));
  fuzz::require(audit.findings.size() == all.size(), "an audit has not one finding per rule");
  for (const auto& finding : audit.findings) {
    fuzz::require(finding.message.size() <= rules::k_message_limit + 8, "a message is longer than its limit");
  }
  return 0;
}
