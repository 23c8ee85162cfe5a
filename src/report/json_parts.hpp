#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "diag/location.hpp"
#include "report/formats.hpp"
#include "rules/engine.hpp"
#include "rules/readings.hpp"
#include "rules/waiver.hpp"

// Parts the JSON report and the JSON comparison write alike, so that the two schemas describe
// them once (schema/ppsaudit-report.schema.json's `readings`).
namespace ppsaudit::report {

// {file, line, column}; line and column 0 mean the file as a whole.
nlohmann::ordered_json location_json(const Location& where);

// Each value read from words that mean two things: the source's words, the two readings, the
// values and the results the other reading would change.
nlohmann::ordered_json readings_json(const std::vector<rules::OtherReading>& readings);

// A waiver as the service file records it, and where (schema/ppsaudit-report.schema.json's
// `waiver`).
nlohmann::ordered_json waiver_json(const rules::Waiver& waiver);
// The waiver that matches a failing result, with its `state` (applied, expired, pending); the
// finding must have one.
nlohmann::ordered_json finding_waiver_json(const rules::Finding& finding);

// Where a document's list of services goes: a placeholder for the list's one element, which
// split_at_services takes out. A JSON writer puts it as the only service in the list, dumps
// the document and splits it there: the services' sections are written in between, each dumped
// on its own and indented as the list's elements are (indent_element).
nlohmann::ordered_json services_placeholder();
// `dump` (indented by two) split at the placeholder: before it, the text up to the start of its
// line; after it, the rest (a comma and the list's other elements, or the list's end).
FrameParts split_at_services(const std::string& dump);
// `element` dumped with an indent of two, indented as an element of a list `depth` levels deep
// (the comma and line break between two elements are the format's separator).
std::string indent_element(const std::string& element, int depth);

}  // namespace ppsaudit::report
