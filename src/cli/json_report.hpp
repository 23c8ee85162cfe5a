#pragma once

#include <string>
#include <vector>

#include "cli/report.hpp"

namespace ppsaudit {

// The machine-readable report, format "ppsaudit-report" version 1 (schema:
// schema/ppsaudit-report.schema.json): every result with its rule's metadata, citations,
// evidence location and message, and what falls due next, keys in a fixed order.
std::string json_report(const ReportContext& context);

}  // namespace ppsaudit
