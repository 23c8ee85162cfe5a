#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cli/report.hpp"

namespace ppsaudit {

// Results counted by outcome, indexed by rules::Outcome's value.
using OutcomeCounts = std::array<int, 5>;

// One area of a framework (the `area` its rules give) and how its rules came out.
struct AreaSummary {
  std::string area;
  OutcomeCounts counts{};
};

// One framework's results: by area in order of first appearance, in total, and the practice
// level reached (empty when the framework has no levels).
struct FrameworkSummary {
  std::string framework;
  std::vector<AreaSummary> areas;
  OutcomeCounts counts{};
  std::string practice_level;
};

// What an inspection pack says about one service, in the order it says it. The HTML report
// renders this same model, so that the Markdown and the HTML never disagree.
struct InspectionSummary {
  const AuditedService* service = nullptr;
  OutcomeCounts counts{};
  std::vector<FrameworkSummary> frameworks;
  std::vector<const rules::Finding*> not_met;  // legal duties first, then by strength, framework, area
  std::vector<const rules::Finding*> not_assessable;
  std::vector<const rules::Finding*> needs_attestation;
  std::vector<const rules::Finding*> met;
  std::vector<const rules::Finding*> not_applicable;
};

// Groups and orders one service's findings for the inspection pack.
InspectionSummary summarize(const AuditedService& service);

// The number of results with `outcome`.
int count_of(const OutcomeCounts& counts, rules::Outcome outcome);

// The inspection-pack summary in Markdown, clean under markdownlint's default rules apart
// from the length of headings and table rows, which Markdown cannot wrap.
std::string markdown_report(const ReportContext& context);

// Text from an input file made inert in Markdown: characters that would format or link
// are backslash-escaped, `<`, `>` and `&` become character references (so `<script>`
// never becomes raw HTML), line breaks and tabs become spaces and other control characters
// visible escapes such as "\x1b". Safe in a paragraph, a list item and a table cell.
std::string markdown_escape(std::string_view text);

// `prefix` followed by `text` (already escaped), wrapped at spaces to 80 columns; lines
// after the first start with `indent`. A word that would begin a line and could start a
// list, a heading underline or a thematic break there is escaped.
std::string markdown_wrap(std::string_view prefix, std::string_view text, std::string_view indent);

}  // namespace ppsaudit
