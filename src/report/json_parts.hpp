#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "diag/location.hpp"
#include "rules/readings.hpp"

// Parts the JSON report and the JSON comparison write alike, so that the two schemas describe
// them once (schema/ppsaudit-report.schema.json's `readings`).
namespace ppsaudit::report {

// {file, line, column}; line and column 0 mean the file as a whole.
nlohmann::ordered_json location_json(const Location& where);

// Each value read from words that mean two things: the source's words, the two readings, the
// values and the results the other reading would change.
nlohmann::ordered_json readings_json(const std::vector<rules::OtherReading>& readings);

}  // namespace ppsaudit::report
