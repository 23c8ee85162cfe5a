#include "report/baseline.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/labels.hpp"
#include "report/model.hpp"
#include "yaml/input_file.hpp"

namespace ppsaudit::report {

namespace {

using Json = nlohmann::json;

// A register's report can be large; a baseline is refused past this, before it is parsed.
constexpr std::size_t k_max_baseline_bytes = std::size_t{1} << 30;
// No report of ppsaudit nests deeper than this; a deeper text is refused before it is parsed.
constexpr int k_max_baseline_depth = 32;

// The report format version this ppsaudit writes, and the only one it reads as a baseline.
constexpr int k_report_version = 2;

// Where a byte offset of the text stands: 1-based line and column (columns count bytes).
Location at_offset(const std::shared_ptr<const std::string>& file, std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return make_location(file, line, column);
}

// The index just past the JSON string whose opening quote is at `at` (the text's end when it
// has no closing quote): the one way this file steps over a string's escapes.
std::size_t past_string(std::string_view text, std::size_t at) {
  for (++at; at < text.size(); ++at) {
    if (text[at] == '\\') {
      ++at;
    } else if (text[at] == '"') {
      return at + 1;
    }
  }
  return text.size();
}

// The deepest nesting of arrays and objects in a JSON text (strings skipped), to refuse a
// hostile baseline before any recursive step sees it.
int nesting_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') {
      i = past_string(text, i);
      continue;
    }
    if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
    ++i;
  }
  return deepest;
}

// Finds where the value at a JSON pointer ("/services/2/profile") starts in a well-formed
// JSON text, so that a refusal points into the baseline. A small scanner of its own: the JSON
// library keeps no positions. Nesting is bounded by nesting_depth before this runs.
class PointerLocator {
 public:
  PointerLocator(std::string_view text, std::vector<std::string> steps) : m_text(text), m_steps(std::move(steps)) {}

  std::optional<std::size_t> find() {
    skip_space();
    return value(0);
  }

 private:
  // At the start of a value whose path matches the first `depth` steps.
  std::optional<std::size_t> value(std::size_t depth) {
    if (depth == m_steps.size()) {
      return m_at;
    }
    skip_space();
    if (m_at >= m_text.size()) {
      return std::nullopt;
    }
    const char c = m_text[m_at];
    if (c == '{') {
      ++m_at;
      while (true) {
        skip_space();
        if (m_at >= m_text.size() || m_text[m_at] == '}') {
          return std::nullopt;
        }
        const std::string key = string();
        skip_space();
        ++m_at;  // ':'
        skip_space();
        if (key == m_steps[depth]) {
          return value(depth + 1);
        }
        skip_value();
        skip_space();
        if (m_at < m_text.size() && m_text[m_at] == ',') {
          ++m_at;
        }
      }
    }
    if (c == '[') {
      ++m_at;
      std::size_t index = 0;
      while (true) {
        skip_space();
        if (m_at >= m_text.size() || m_text[m_at] == ']') {
          return std::nullopt;
        }
        if (std::to_string(index) == m_steps[depth]) {
          return value(depth + 1);
        }
        skip_value();
        skip_space();
        if (m_at < m_text.size() && m_text[m_at] == ',') {
          ++m_at;
        }
        ++index;
      }
    }
    return std::nullopt;
  }

  void skip_space() {
    while (m_at < m_text.size() &&
           (m_text[m_at] == ' ' || m_text[m_at] == '\n' || m_text[m_at] == '\r' || m_text[m_at] == '\t')) {
      ++m_at;
    }
  }

  // A string's text, escapes kept as written except \" and \\ (keys ppsaudit writes have none).
  std::string string() {
    std::string out;
    ++m_at;  // the opening quote
    while (m_at < m_text.size() && m_text[m_at] != '"') {
      if (m_text[m_at] == '\\' && m_at + 1 < m_text.size()) {
        ++m_at;
      }
      out += m_text[m_at++];
    }
    ++m_at;
    return out;
  }

  void skip_value() {
    skip_space();
    if (m_at >= m_text.size()) {
      return;
    }
    const char c = m_text[m_at];
    if (c == '"') {
      m_at = past_string(m_text, m_at);
      return;
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (m_at < m_text.size()) {
        const char d = m_text[m_at];
        if (d == '"') {
          m_at = past_string(m_text, m_at);
          continue;
        }
        ++m_at;
        if (d == '{' || d == '[') {
          ++depth;
        } else if ((d == '}' || d == ']') && --depth == 0) {
          return;
        }
      }
      return;
    }
    while (m_at < m_text.size() && m_text[m_at] != ',' && m_text[m_at] != '}' && m_text[m_at] != ']' &&
           m_text[m_at] != ' ' && m_text[m_at] != '\n' && m_text[m_at] != '\r' && m_text[m_at] != '\t') {
      ++m_at;
    }
  }

  std::string_view m_text;
  std::vector<std::string> m_steps;
  std::size_t m_at = 0;
};

// Reads the parts of a parsed report a baseline needs, refusing with located errors.
class BaselineReader {
 public:
  BaselineReader(std::string_view text, const std::string& path, Diagnostics& diagnostics)
      : m_text(text), m_file(std::make_shared<const std::string>(path)), m_diagnostics(diagnostics) {}

  std::optional<Baseline> read(const Json& root) {
    if (!root.is_object()) {
      return refuse({}, "a baseline is a JSON report of ppsaudit (--format json), not {}", root.type_name());
    }
    const auto format = root.find("format");
    if (format == root.end() || *format != "ppsaudit-report") {
      return refuse(format == root.end() ? std::vector<std::string>{} : std::vector<std::string>{"format"},
                    "a baseline is a JSON report of ppsaudit (check --format json), whose \"format\" is "
                    "\"ppsaudit-report\"; this one's is {}",
                    format == root.end() ? std::string("missing") : format->dump());
    }
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer() || *version != k_report_version) {
      return refuse(version == root.end() ? std::vector<std::string>{} : std::vector<std::string>{"version"},
                    "it is in version {} of the report format, and this ppsaudit reads only version {}: "
                    "make the baseline again with this ppsaudit (check --format json) before comparing with it",
                    version == root.end() ? "(none)" : version->dump(), k_report_version);
    }
    Baseline baseline;
    baseline.file = *m_file;
    const Json* services = member(root, {}, "services", Json::value_t::array);
    if (services == nullptr) {
      return std::nullopt;
    }
    for (std::size_t i = 0; i < services->size(); ++i) {
      auto service = read_service((*services)[i], {"services", std::to_string(i)});
      if (!service) {
        return std::nullopt;
      }
      baseline.services.push_back(std::move(*service));
    }
    return baseline;
  }

 private:
  std::optional<BaselineService> read_service(const Json& json, const std::vector<std::string>& at) {
    if (!json.is_object()) {
      return refuse(at, "a service of a report is an object, not {}", json.type_name());
    }
    BaselineService service;
    const Json* id = member(json, at, "id", Json::value_t::string);
    const Json* name = member(json, at, "name", Json::value_t::string);
    const Json* file = member(json, at, "file", Json::value_t::string);
    const Json* results = member(json, at, "results", Json::value_t::array);
    if (id == nullptr || name == nullptr || file == nullptr || results == nullptr) {
      return std::nullopt;
    }
    service.id = id->get<std::string>();
    service.name = name->get<std::string>();
    service.file = file->get<std::string>();
    auto profile_at = at;
    profile_at.emplace_back("profile");
    service.profile_where = locate(profile_at);
    if (const auto profile = json.find("profile"); profile != json.end() && profile->is_string()) {
      service.profile = profile->get<std::string>();
    }
    std::set<std::string> rules;
    for (std::size_t i = 0; i < results->size(); ++i) {
      auto result_at = at;
      result_at.emplace_back("results");
      result_at.push_back(std::to_string(i));
      auto result = read_result((*results)[i], result_at);
      if (!result) {
        return std::nullopt;
      }
      if (!rules.insert(result->rule).second) {
        return refuse(result_at, "rule '{}' has two results for service '{}': a report has one", result->rule,
                      service.id);
      }
      service.results.push_back(std::move(*result));
    }
    return service;
  }

  std::optional<BaselineResult> read_result(const Json& json, const std::vector<std::string>& at) {
    if (!json.is_object()) {
      return refuse(at, "a result of a report is an object, not {}", json.type_name());
    }
    const Json* rule = member(json, at, "rule", Json::value_t::string);
    const Json* result = member(json, at, "result", Json::value_t::string);
    const Json* strength = member(json, at, "strength", Json::value_t::string);
    const Json* message = member(json, at, "message", Json::value_t::string);
    const Json* elements = member(json, at, "elements", Json::value_t::array);
    const Json* location = member(json, at, "location", Json::value_t::object);
    if (rule == nullptr || result == nullptr || strength == nullptr || message == nullptr || elements == nullptr ||
        location == nullptr) {
      return std::nullopt;
    }
    BaselineResult out;
    out.rule = rule->get<std::string>();
    out.result = result->get<std::string>();
    out.strength = strength->get<std::string>();
    out.message = message->get<std::string>();
    const auto& outcomes = counted_outcomes();
    if (std::none_of(outcomes.begin(), outcomes.end(),
                     [&out](rules::Outcome outcome) { return token(outcome) == out.result; })) {
      auto result_at = at;
      result_at.emplace_back("result");
      return refuse(result_at, "'{}' is not a result ppsaudit gives", out.result);
    }
    for (std::size_t i = 0; i < elements->size(); ++i) {
      if (!(*elements)[i].is_string()) {
        auto element_at = at;
        element_at.emplace_back("elements");
        element_at.push_back(std::to_string(i));
        return refuse(element_at, "an element is an evidence path, a string, not {}", (*elements)[i].type_name());
      }
      out.elements.push_back((*elements)[i].get<std::string>());
    }
    if (const auto file = location->find("file"); file != location->end() && file->is_string()) {
      out.file = file->get<std::string>();
    }
    if (const auto line = location->find("line"); line != location->end() && line->is_number_integer()) {
      out.line = line->get<int>();
    }
    if (const auto column = location->find("column"); column != location->end() && column->is_number_integer()) {
      out.column = column->get<int>();
    }
    // A result under a waiver in force was accepted, for a time, in that run: it did not fail it.
    if (const auto waiver = json.find("waiver"); waiver != json.end()) {
      auto waiver_at = at;
      waiver_at.emplace_back("waiver");
      if (!waiver->is_object()) {
        return refuse(waiver_at, "a result's waiver is an object, not {}", waiver->type_name());
      }
      const Json* state = member(*waiver, waiver_at, "state", Json::value_t::string);
      if (state == nullptr) {
        return std::nullopt;
      }
      const auto word = state->get<std::string>();
      if (word != rules::waiver_state_word(rules::WaiverState::applied) &&
          word != rules::waiver_state_word(rules::WaiverState::expired) &&
          word != rules::waiver_state_word(rules::WaiverState::pending)) {
        waiver_at.emplace_back("state");
        return refuse(waiver_at, "'{}' is not a waiver's state (applied, expired or pending)", word);
      }
      out.waived = word == rules::waiver_state_word(rules::WaiverState::applied);
    }
    return out;
  }

  // A member of `json` (at `at`) of the given type; refuses and gives nullptr otherwise.
  const Json* member(const Json& json, const std::vector<std::string>& at, const char* key, Json::value_t type) {
    const auto found = json.find(key);
    if (found == json.end()) {
      refuse(at, "'{}' is missing: a baseline is a JSON report of this version of ppsaudit (check --format json)", key);
      return nullptr;
    }
    if (found->type() != type) {
      auto key_at = at;
      key_at.emplace_back(key);
      refuse(key_at, "'{}' is {}, where a report has {}", key, found->type_name(), Json(type).type_name());
      return nullptr;
    }
    return &*found;
  }

  Location locate(const std::vector<std::string>& steps) const {
    const auto offset = PointerLocator(m_text, steps).find();
    return offset ? at_offset(m_file, m_text, *offset) : make_location(m_file, 0, 0);
  }

  template <typename... Args>
  std::nullopt_t refuse(const std::vector<std::string>& at, fmt::format_string<Args...> format, Args&&... args) {
    m_diagnostics.error(locate(at), "baseline: {}", fmt::format(format, std::forward<Args>(args)...));
    return std::nullopt;
  }

  std::string_view m_text;
  std::shared_ptr<const std::string> m_file;
  Diagnostics& m_diagnostics;
};

// Not met or not assessable, and not under a waiver in force: what fails a run.
bool fails_now(const rules::Finding& finding) {
  return (finding.outcome == rules::Outcome::not_met || finding.outcome == rules::Outcome::not_assessable) &&
         !rules::is_waived(finding);
}

}  // namespace

std::string_view token(BaselineState state) {
  switch (state) {
    case BaselineState::new_result:
      return "new";
    case BaselineState::unchanged:
      return "unchanged";
    case BaselineState::fixed:
      return "fixed";
    case BaselineState::absent:
      return "absent";
  }
  return "new";
}

bool BaselineResult::failing_outcome() const {
  return result == token(rules::Outcome::not_met) || result == token(rules::Outcome::not_assessable);
}

bool BaselineResult::failing() const {
  return failing_outcome() && !waived;
}

int BaselineComparison::count(BaselineState state) const {
  switch (state) {
    case BaselineState::new_result:
      return new_count;
    case BaselineState::unchanged:
      return unchanged_count;
    case BaselineState::fixed:
      return fixed_count;
    case BaselineState::absent:
      return static_cast<int>(absent.size());
  }
  return 0;
}

std::optional<Baseline> parse_baseline(std::string_view text, const std::string& path, Diagnostics& diagnostics) {
  const auto file = std::make_shared<const std::string>(path);
  if (text.size() > k_max_baseline_bytes) {
    diagnostics.error(make_location(file, 0, 0), "baseline: the file is larger than {} bytes, more than any report",
                      k_max_baseline_bytes);
    return std::nullopt;
  }
  if (nesting_depth(text) > k_max_baseline_depth) {
    diagnostics.error(make_location(file, 0, 0), "baseline: nested more than {} deep, which no report is",
                      k_max_baseline_depth);
    return std::nullopt;
  }
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& error) {
    // error.byte is 1-based: the character at which the parser stopped.
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    std::string what = error.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." keeps
    // only what follows the position, which the location already gives.
    if (const auto colon = what.find(": "); colon != std::string::npos) {
      what = what.substr(colon + 2);
    }
    diagnostics.error(at_offset(file, text, offset), "baseline: not JSON: {}", what);
    return std::nullopt;
  }
  return BaselineReader(text, path, diagnostics).read(root);
}

std::optional<Baseline> read_baseline(const std::string& path, Diagnostics& diagnostics) {
  // A regular file past the limit is refused by its size, before a gigabyte is read to find out.
  std::error_code error;
  if (std::filesystem::is_regular_file(path, error) && std::filesystem::file_size(path, error) > k_max_baseline_bytes &&
      !error) {
    diagnostics.error(make_location(std::make_shared<const std::string>(path), 0, 0),
                      "baseline: the file is larger than {} bytes, more than any report", k_max_baseline_bytes);
    return std::nullopt;
  }
  const auto text = yaml::read_input_file(path, k_max_baseline_bytes, "the baseline ", diagnostics);
  if (!text) {
    return std::nullopt;
  }
  return parse_baseline(*text, path, diagnostics);
}

BaselineMatcher::BaselineMatcher(const Baseline& baseline) : m_baseline(&baseline) {
  m_comparison.file = baseline.file;
  for (const auto& service : baseline.services) {
    m_earlier.emplace(service.id, &service);
  }
}

bool BaselineMatcher::mark(AuditedService& service, Diagnostics& diagnostics) const {
  service.baseline.clear();
  service.baseline_absent.clear();
  const auto found = m_earlier.find(service.audit.file->id());
  const BaselineService* before = found == m_earlier.end() ? nullptr : found->second;
  if (before != nullptr) {
    const std::optional<std::string> profile =
        service.profile != nullptr ? std::optional<std::string>(std::string(service.profile->id)) : std::nullopt;
    if (before->profile != profile) {
      diagnostics.error(before->profile_where,
                        "baseline: service '{}' was audited under profile {}, and this run audits it under {}: "
                        "results under another profile are not comparable; make the baseline again with this "
                        "profile",
                        found->first, before->profile.value_or("(none)"), profile.value_or("(none)"));
      return false;
    }
  }
  std::map<std::string_view, const BaselineResult*> results;
  if (before != nullptr) {
    for (const auto& result : before->results) {
      results.emplace(result.rule, &result);
    }
  }
  std::set<std::string_view> applied;
  for (const auto& finding : service.audit.findings) {
    applied.insert(finding.rule->id);
    const auto match = results.find(finding.rule->id);
    const BaselineResult* was = match == results.end() ? nullptr : match->second;
    BaselineState state = BaselineState::new_result;
    if (fails_now(finding)) {
      const bool same_records =
          was != nullptr && std::all_of(finding.elements.begin(), finding.elements.end(), [was](const auto& element) {
            return std::find(was->elements.begin(), was->elements.end(), element) != was->elements.end();
          });
      // A result whose waiver was in force in the baseline, and is not now, is new: it fails again.
      state = was != nullptr && was->failing() && same_records ? BaselineState::unchanged : BaselineState::new_result;
    } else if (rules::is_waived(finding)) {
      // Waived now: it still fails underneath, so nothing is fixed; nor is it new to a gate.
      state = was != nullptr ? BaselineState::unchanged : BaselineState::new_result;
    } else if (was != nullptr) {
      state = was->failing_outcome() ? BaselineState::fixed : BaselineState::unchanged;
    }
    service.baseline.push_back(state);
  }
  if (before != nullptr) {
    for (const auto& result : before->results) {
      if (applied.count(result.rule) == 0) {
        service.baseline_absent.push_back({before->id, before->name, true, result});
      }
    }
  }
  return true;
}

bool BaselineMatcher::add(const AuditedService& service, Diagnostics& diagnostics) {
  // This run's services by id: two with one id could not be told apart in a baseline.
  const std::string id = service.audit.file->id();
  const auto [it, inserted] = m_audited.emplace(id, *service.audit.file->path);
  if (!inserted) {
    const auto* node = service.audit.file->root.find("service");
    diagnostics.error(node != nullptr ? node->key_location("name") : make_location(service.audit.file->path, 0, 0),
                      "service id '{}' is also the id of {}: give one of them its own service.id, for a baseline "
                      "matches services by id",
                      id, it->second);
    return false;
  }
  for (const auto state : service.baseline) {
    (state == BaselineState::new_result  ? m_comparison.new_count
     : state == BaselineState::unchanged ? m_comparison.unchanged_count
                                         : m_comparison.fixed_count)++;
  }
  m_comparison.absent.insert(m_comparison.absent.end(), service.baseline_absent.begin(), service.baseline_absent.end());
  return true;
}

BaselineComparison BaselineMatcher::finish() && {
  for (const auto& service : m_baseline->services) {
    if (m_audited.count(service.id) == 0) {
      for (const auto& result : service.results) {
        m_comparison.absent.push_back({service.id, service.name, false, result});
      }
    }
  }
  return std::move(m_comparison);
}

bool compare_with_baseline(Report& report, const Baseline& baseline, Diagnostics& diagnostics) {
  BaselineMatcher matcher(baseline);
  Diagnostics profiles;
  for (auto& service : report.services) {
    matcher.mark(service, profiles);
  }
  for (const auto& service : report.services) {
    matcher.add(service, diagnostics);
  }
  diagnostics.merge(profiles);
  if (diagnostics.has_errors()) {
    for (auto& service : report.services) {
      service.baseline.clear();
      service.baseline_absent.clear();
    }
    return false;
  }
  report.baseline = std::move(matcher).finish();
  return true;
}

std::optional<BaselineState> baseline_state(const AuditedService& service, const rules::Finding& finding) {
  const auto& findings = service.audit.findings;
  if (service.baseline.size() != findings.size() || findings.empty() || &finding < findings.data() ||
      &finding >= findings.data() + findings.size()) {
    return std::nullopt;
  }
  return service.baseline[static_cast<std::size_t>(&finding - findings.data())];
}

std::string baseline_sentence(BaselineState state) {
  switch (state) {
    case BaselineState::new_result:
      return "new: not failing in the baseline";
    case BaselineState::unchanged:
      return "unchanged: as in the baseline";
    case BaselineState::fixed:
      return "fixed: failing in the baseline";
    case BaselineState::absent:
      return "absent: in the baseline, not in this run";
  }
  return "";
}

std::string baseline_counts(const BaselineComparison& comparison) {
  return fmt::format("{} new, {} unchanged, {} fixed, {} absent", comparison.count(BaselineState::new_result),
                     comparison.count(BaselineState::unchanged), comparison.count(BaselineState::fixed),
                     comparison.count(BaselineState::absent));
}

std::vector<BaselineEntry> baseline_entries(const AuditedService& service, BaselineState state) {
  std::vector<BaselineEntry> entries;
  for (const auto& finding : service.audit.findings) {
    if (baseline_state(service, finding) != state || (state == BaselineState::new_result && !fails_now(finding))) {
      continue;
    }
    entries.push_back({state, fmt::format("{}: {} ({}) at {}", service.audit.file->id(), finding.rule->id,
                                          rules::to_string(finding.outcome), finding.where.to_string())});
  }
  return entries;
}

std::vector<BaselineEntry> absent_entries(const BaselineComparison& comparison) {
  std::vector<BaselineEntry> entries;
  for (const auto& absent : comparison.absent) {
    entries.push_back(
        {BaselineState::absent,
         fmt::format("{}: {} (was {}): {}", absent.service_id, absent.result.rule, absent.result.result,
                     absent.service_audited ? "no longer applied" : "the service is not audited in this run")});
  }
  return entries;
}

}  // namespace ppsaudit::report
