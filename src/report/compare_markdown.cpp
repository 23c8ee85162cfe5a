// The comparison in Markdown, clean under markdownlint's default rules apart from the length
// of table rows (tests/.markdownlint-cli2.jsonc). Headings are fixed words: names go in lists.
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "report/compare.hpp"
#include "report/labels.hpp"
#include "report/markdown.hpp"

namespace ppsaudit::report {

namespace {

using rules::Outcome;

std::string cells(const std::vector<std::string>& row) {
  return fmt::format("| {} |\n", fmt::join(row, " | "));
}

std::string framework_row(const std::string& name, std::string_view side,
                          const std::optional<FrameworkSummary>& framework) {
  std::vector<std::string> row{name, std::string(side)};
  for (const auto outcome : counted_outcomes()) {
    row.push_back(framework ? std::to_string(framework->counts.of(outcome)) : std::string("-"));
  }
  row.push_back(!framework                          ? std::string("no rule of this framework")
                : framework->practice_level.empty() ? std::string("-")
                                                    : framework->practice_level);
  return cells(row);
}

std::string service_facts(std::string_view side, const AuditedService& service) {
  std::string out = markdown_wrap(fmt::format("- {}: ", side),
                                  fmt::format("**{}**", markdown_escape(service.audit.file->name())), "  ");
  out += markdown_wrap("  - Service file: ", markdown_escape(*service.audit.file->path), "    ");
  out += markdown_wrap("  - Profile: ", markdown_escape(profile_label(service.profile)), "    ");
  for (const auto& note : service.era_notes) {
    out += markdown_wrap(
        "  - ",
        fmt::format("**Warning:** {} (at {})", markdown_escape(note.message), markdown_escape(note.where.to_string())),
        "    ");
  }
  for (const auto& note : service.era_conflicts) {
    out += markdown_wrap(
        "  - ",
        fmt::format("**Note:** {} (at {})", markdown_escape(note.message), markdown_escape(note.where.to_string())),
        "    ");
  }
  for (const auto& reading : service.readings) {
    std::vector<std::string> values;
    for (const auto& value : reading.values) {
      values.push_back(fmt::format("{} at {}", markdown_escape(value.path), markdown_escape(value.where.to_string())));
    }
    out += markdown_wrap(
        "  - ",
        fmt::format("**Two readings:** {} ({}).", markdown_escape(reading_sentence(reading)), fmt::join(values, ", ")),
        "    ");
    for (const auto& change : reading.changes) {
      out += markdown_wrap("    - ", markdown_escape(change_sentence(change)), "      ");
    }
  }
  return out;
}

std::string side_item(std::string_view side, const rules::Finding& finding) {
  std::string text = fmt::format("{}", rules::to_string(finding.outcome));
  if (!finding.message.empty()) {
    text += ": " + markdown_escape(finding.message);
  }
  text += fmt::format(" (at {})", markdown_escape(finding.where.to_string()));
  if (finding.waiver) {
    text += "; " + markdown_escape(rules::waiver_note(finding));
  }
  return markdown_wrap(fmt::format("  - {}: ", side), text, "    ");
}

std::string rules_list(const std::vector<ComparedRule>& list) {
  if (list.empty()) {
    return "None.\n";
  }
  std::string out;
  for (const auto& compared : list) {
    const rules::Rule& rule = *compared.rule;
    out += markdown_wrap("- ",
                         fmt::format("**{}** ({}): {}", markdown_escape(rule.id), markdown_escape(strength_label(rule)),
                                     markdown_escape(rule.title)),
                         "  ");
    if (compared.a != nullptr) {
      out += side_item("A", *compared.a);
    }
    if (compared.b != nullptr) {
      out += side_item("B", *compared.b);
    }
  }
  return out;
}

}  // namespace

std::string write_compare_markdown(const Comparison& comparison) {
  std::vector<std::string> blocks;
  blocks.emplace_back("# Comparison of two services\n");
  blocks.push_back(fmt::format("Audit date: {}.\n", comparison.a->audit.as_of.to_string()));
  if (comparison.statutory_waivers_allowed) {
    blocks.push_back(markdown_wrap("", fmt::format("**Note:** {}", markdown_escape(k_statutory_waivers_note)), ""));
  }
  blocks.push_back(service_facts("A", *comparison.a) + service_facts("B", *comparison.b));
  if (!comparison.era_directions.empty()) {
    blocks.emplace_back("## Across eras\n");
    std::string list;
    for (const auto& direction : comparison.era_directions) {
      list +=
          markdown_wrap("- ",
                        fmt::format("{} (A at {}; B at {})", markdown_escape(direction.message),
                                    markdown_escape(direction.a.to_string()), markdown_escape(direction.b.to_string())),
                        "  ");
    }
    blocks.push_back(list);
  }
  blocks.emplace_back("## Summary by framework\n");
  std::string table = cells({"Framework", "Side", "Met", "Not met", "Not applicable", "Needs attestation",
                             "Not assessable", "Practice level"});
  table += "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n";
  for (const auto& framework : comparison.frameworks) {
    const std::string name = markdown_escape(framework.framework);
    table += framework_row(name, "A", framework.a);
    table += framework_row(name, "B", framework.b);
  }
  blocks.push_back(table);
  const auto section = [&blocks](std::string_view heading, std::string_view lead,
                                 const std::vector<ComparedRule>& list) {
    blocks.push_back(fmt::format("## {}\n", heading));
    blocks.push_back(markdown_wrap("", fmt::format("{} ({}).", lead, list.size()), ""));
    blocks.push_back(rules_list(list));
  };
  section("Differences", "Rules both services have, with different results", comparison.differences);
  section("Agreements", "Rules both services have, with the same result", comparison.agreements);
  section("Only A has it", "Rules of A that are not among B's rules (its own local packs, or its profile)",
          comparison.only_a);
  section("Only B has it", "Rules of B that are not among A's rules (its own local packs, or its profile)",
          comparison.only_b);
  std::string out;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    out += (i > 0 ? "\n" : "") + blocks[i];
  }
  return out;
}

}  // namespace ppsaudit::report
