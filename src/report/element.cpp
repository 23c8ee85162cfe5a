#include "report/element.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/evidence_path.hpp"

namespace ppsaudit::report {

namespace {

// One item of a list, named by its key: "policies" is "policy", "people" is "person".
std::string singular(std::string_view key) {
  std::string words = key_in_words(key);
  if (words == "people") {
    return "person";
  }
  if (words.ends_with("ies")) {
    return words.substr(0, words.size() - 3) + "y";
  }
  if (words.ends_with("s") && !words.ends_with("ss")) {
    return words.substr(0, words.size() - 1);
  }
  return words;
}

// The fields that name an item well enough to be left unsaid: "policy 'impartiality'".
bool names_item(std::string_view field) {
  return field == "id" || field == "kind" || field == "type" || field == "name" || field == "title" || field == "role";
}

}  // namespace

std::string key_in_words(std::string_view key) {
  if (key == "arms_length") {
    return "arm's length";
  }
  std::string words(key);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::string evidence_path_in_words(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at < path.size()) {
    // A step is a key with an optional [filter]; a filter's value may hold a '.'.
    const std::size_t bracket = path.find('[', at);
    const std::size_t dot = path.find('.', at);
    if (bracket != std::string_view::npos && (dot == std::string_view::npos || bracket < dot)) {
      const std::size_t close = path.find(']', bracket);
      const std::string_view key = path.substr(at, bracket - at);
      const std::string_view filter =
          path.substr(bracket + 1, (close == std::string_view::npos ? path.size() : close) - bracket - 1);
      const std::size_t equals = filter.find('=');
      if (filter.starts_with('#')) {
        parts.push_back(fmt::format("{} {}", singular(key), filter.substr(1)));
      } else if (equals == std::string_view::npos) {
        parts.push_back(fmt::format("{} '{}'", singular(key), filter));
      } else if (names_item(filter.substr(0, equals))) {
        parts.push_back(fmt::format("{} '{}'", singular(key), filter.substr(equals + 1)));
      } else {
        parts.push_back(fmt::format("{} with {} {}", singular(key), key_in_words(filter.substr(0, equals)),
                                    filter.substr(equals + 1)));
      }
      at = close == std::string_view::npos ? path.size() : close + 1;
      if (at < path.size() && path[at] == '.') {
        ++at;
      }
      continue;
    }
    const std::size_t end = dot == std::string_view::npos ? path.size() : dot;
    parts.push_back(key_in_words(path.substr(at, end - at)));
    at = end == path.size() ? end : end + 1;
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<std::string> elements_in_words(const service::ServiceFile& file, const rules::ServiceAudit& audit) {
  std::vector<std::string> out;
  out.reserve(audit.findings.size());
  for (const auto& finding : audit.findings) {
    if (!finding.elements.empty()) {
      const std::size_t others = finding.elements.size() - 1;
      out.push_back(evidence_path_in_words(finding.elements.front()) +
                    (others == 0 ? std::string() : fmt::format(" and {} other{}", others, others == 1 ? "" : "s")));
      continue;
    }
    if (finding.rule->evidence.empty()) {
      out.emplace_back("the service file as a whole");
      continue;
    }
    const std::string& path = finding.rule->evidence.front();
    const bool recorded = rules::find_evidence(file, path).has_value();
    out.push_back(evidence_path_in_words(path) + (recorded ? "" : " (not recorded)"));
  }
  return out;
}

}  // namespace ppsaudit::report
