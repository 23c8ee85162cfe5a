// libFuzzer target: the service loader on the input's bytes, and for a service that loads, the
// audit against the built-in packs and every report format. JSON and SARIF must parse, and the
// text, GitHub and JUnit (XML) reports must hold no raw control bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "fuzz_check.hpp"
#include "report/formats.hpp"
#include "report/model.hpp"
#include "rules/catalog.hpp"
#include "rules/deadlines.hpp"
#include "rules/engine.hpp"
#include "rules/era.hpp"
#include "rules/readings.hpp"
#include "service/loader.hpp"

namespace {

using namespace ppsaudit;

// The built-in packs, read once for every input.
const rules::Catalog& catalog() {
  static const rules::Catalog k_catalog = [] {
    Diagnostics diagnostics;
    auto built = rules::Catalog::builtin(diagnostics);
    fuzz::require(!diagnostics.has_errors(), "the built-in packs do not load");
    return built;
  }();
  return k_catalog;
}

void check_output(std::string_view format, const std::string& output) {
  if (format == "json" || format == "sarif") {
    fuzz::require(nlohmann::json::accept(output), fmt::format("the {} report is not JSON", format), output);
  }
  if (format == "text" || format == "github" || format == "junit") {
    const std::size_t at = fuzz::raw_control_at(output);
    fuzz::require(at == std::string_view::npos,
                  fmt::format("the {} report has a raw control byte 0x{:02x} at byte {}", format,
                              at == std::string_view::npos ? 0 : static_cast<unsigned char>(output[at]), at),
                  output);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const rules::Catalog& rules_catalog = catalog();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  auto file = service::parse_service(text, "fuzz.yaml", diagnostics);
  for (const auto& diagnostic : diagnostics.all()) {
    (void)format_diagnostic(diagnostic);
  }
  if (!file || diagnostics.has_errors()) {
    return 0;
  }

  // As `check` does for one service without local packs (which would be read from disk).
  const Date as_of = *Date::from_ymd(2025, 6, 1);
  report::AuditedService audited;
  audited.number = 1;
  audited.profile = rules::profile_for_framework(*file->root.find("service")->find("framework")->as_text());
  audited.era_notes = rules::era_mismatches(*file, audited.profile, rules_catalog, as_of);
  const auto rules = rules_catalog.rules_for(audited.profile, {});
  audited.audit = rules::audit_service(*file, rules, as_of);
  audited.upcoming = rules::upcoming_deadlines(*file, rules, as_of, 60);
  audited.era_conflicts = rules::era_conflicts(*file);
  audited.readings = rules::other_readings(*file, rules, as_of, audited.audit);

  // A report of the one service, and a register's of it twice (its roll-up and sections).
  report::Report one;
  one.services.push_back(audited);
  report::Report two = one;
  audited.number = 2;
  two.services.push_back(audited);
  for (const auto& format : report::formats()) {
    check_output(format.name, format.render(one));
    check_output(format.name, format.render(two));
  }
  return 0;
}
