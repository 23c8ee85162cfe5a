#include "cli/junit_report.hpp"

#include <algorithm>
#include <array>
#include <map>

#include <fmt/format.h>

#include "cli/text_report.hpp"
#include "text/printable.hpp"

namespace ppsaudit {

namespace {

using rules::Outcome;

constexpr std::string_view k_replacement = "\xef\xbf\xbd";  // U+FFFD

// The length of the well-formed UTF-8 sequence at the start of `text`, or 0 when it is not one
// (overlong forms, surrogates and values above U+10FFFF are not).
std::size_t utf8_length(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    low = lead == 0xe0 ? 0xa0 : 0x80;
    high = lead == 0xed ? 0x9f : 0xbf;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    low = lead == 0xf0 ? 0x90 : 0x80;
    high = lead == 0xf4 ? 0x8f : 0xbf;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) {
    return 0;
  }
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xbf) {
      return 0;
    }
  }
  return length;
}

std::string word(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

// One line of input text for an attribute or a line of a block: control characters visible.
std::string attribute(std::string_view text) {
  return xml_escape(printable(text), XmlPlace::attribute);
}

struct Counts {
  int tests = 0;
  int failures = 0;
  int errors = 0;
  int skipped = 0;

  void add(Outcome outcome) {
    ++tests;
    failures += outcome == Outcome::not_met || outcome == Outcome::needs_attestation ? 1 : 0;
    errors += outcome == Outcome::not_assessable ? 1 : 0;
    skipped += outcome == Outcome::not_applicable ? 1 : 0;
  }

  [[nodiscard]] std::string attributes() const {
    return fmt::format(R"(tests="{}" failures="{}" errors="{}" skipped="{}")", tests, failures, errors, skipped);
  }
};

// The body of a failure or an error: the rule's title, citations, evidence and fix, one per line.
std::string details(const rules::Finding& finding) {
  const rules::Rule& rule = *finding.rule;
  std::string text = fmt::format("title: {}\n", printable(rule.title));
  for (const auto& citation : rule.citations) {
    text += fmt::format("why:   {}{}\n", printable(citation.to_string()),
                        rules::is_legal_duty(rule.strength) ? " (a legal duty)" : "");
  }
  text += fmt::format("where: {}\n", printable(finding.where.to_string()));
  if (!rule.fix.empty() && finding.outcome != Outcome::needs_attestation) {
    text += fmt::format("fix:   {}\n", printable(rule.fix));
  }
  return xml_escape(text, XmlPlace::content);
}

void write_testcase(const rules::Finding& finding, std::string& out) {
  const rules::Rule& rule = *finding.rule;
  out += fmt::format(R"(    <testcase name="{}" classname="{}")", attribute(rule.id), attribute(rule.pack->id));
  const std::string message = attribute(finding.message);
  switch (finding.outcome) {
    case Outcome::met:
      out += "/>\n";
      return;
    case Outcome::not_applicable:
      out += fmt::format(">\n      <skipped message=\"{}\"/>\n", message);
      break;
    case Outcome::not_met:
      out += fmt::format(">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n", message,
                         word(rules::to_string(rule.strength)), details(finding));
      break;
    case Outcome::needs_attestation:
      out += fmt::format(">\n      <failure message=\"{}\" type=\"needs_attestation\">{}</failure>\n", message,
                         details(finding));
      break;
    case Outcome::not_assessable:
      out += fmt::format(">\n      <error message=\"{}\" type=\"not_assessable\">{}</error>\n", message,
                         details(finding));
      break;
  }
  out += "    </testcase>\n";
}

}  // namespace

std::string xml_escape(std::string_view text, XmlPlace place) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      const bool in_attribute = place == XmlPlace::attribute;
      if (byte == '&') {
        out += "&amp;";
      } else if (byte == '<') {
        out += "&lt;";
      } else if (byte == '>') {
        out += "&gt;";  // so that "]]>" never appears either
      } else if (byte == '"' && in_attribute) {
        out += "&quot;";
      } else if (byte == '\'' && in_attribute) {
        out += "&apos;";
      } else if (byte == '\r' || (in_attribute && (byte == '\t' || byte == '\n'))) {
        out += fmt::format("&#{};", byte);
      } else if (byte < 0x20 && byte != '\t' && byte != '\n') {
        out += fmt::format("\\x{:02x}", byte);
      } else {
        out += static_cast<char>(byte);
      }
      ++i;
      continue;
    }
    const std::size_t length = utf8_length(text.substr(i));
    const std::string_view sequence = text.substr(i, std::max<std::size_t>(length, 1));
    if (length == 0 || sequence == "\xef\xbf\xbe" || sequence == "\xef\xbf\xbf") {
      out += k_replacement;
    } else {
      out += sequence;
    }
    i += sequence.size();
  }
  return out;
}

std::string junit_report(const ReportContext& context) {
  // Suites first, so that <testsuites> can carry the totals.
  std::string suites;
  Counts total;
  for (const auto& [audit, profile, upcoming] : context.services) {
    const auto frameworks = findings_by_framework(audit);
    bool first_suite = true;
    for (const auto& [framework, findings] : frameworks) {
      Counts counts;
      std::string cases;
      for (const auto* finding : findings) {
        counts.add(finding->outcome);
        total.add(finding->outcome);
        write_testcase(*finding, cases);
      }
      suites += fmt::format("  <testsuite name=\"{} \xe2\x80\x94 {}\" {}>\n", attribute(audit.file->name()),
                            attribute(framework), counts.attributes());
      suites += "    <properties>\n";
      const auto property = [&](std::string_view name, std::string_view value) {
        suites += fmt::format("      <property name=\"{}\" value=\"{}\"/>\n", name, attribute(value));
      };
      property("service_file", *audit.file->path);
      property("service", audit.file->name());
      property("framework", framework);
      property("profile", profile != nullptr ? profile->id : std::string_view("none"));
      property("as_of", audit.as_of.to_string());
      const std::string level = practice_level_reached(findings);
      if (!level.empty()) {
        property("practice_level", level);
      }
      // What falls due is the service's, not a framework's: it goes with the service's first suite.
      if (first_suite) {
        property("due_within_days", std::to_string(context.due_within_days));
        for (const auto& deadline : upcoming) {
          property("falls_due", fmt::format("{} {}: {} ({})", deadline.due.to_string(), deadline.kind, deadline.what,
                                            deadline.where.to_string()));
        }
        first_suite = false;
      }
      suites += "    </properties>\n";
      suites += cases;
      suites += "  </testsuite>\n";
    }
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ppsaudit\" {}>\n{}</testsuites>\n",
                     total.attributes(), suites);
}

}  // namespace ppsaudit
