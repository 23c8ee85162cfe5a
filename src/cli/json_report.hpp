#pragma once

#include <string>
#include <vector>

#include "rules/catalog.hpp"
#include "rules/engine.hpp"

namespace ppsaudit {

// One service's audit with the profile it ran under, as every report format needs it.
struct AuditedService {
  rules::ServiceAudit audit;
  const rules::Profile* profile = nullptr;
};

// The machine-readable report, format "ppsaudit-report" version 1: every result with its
// rule's metadata, citations, evidence location and message, keys in a fixed order.
std::string json_report(const std::vector<AuditedService>& services);

}  // namespace ppsaudit
