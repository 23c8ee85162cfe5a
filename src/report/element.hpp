#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/engine.hpp"
#include "service/service_file.hpp"

// What a finding is about, in the words an inspector reads rather than a YAML position.
namespace ppsaudit::report {

// A key of the service format, or an area of a rule, in words: "last_reviewed" is "last
// reviewed", "arms_length" is "arm's length".
std::string key_in_words(std::string_view key);

// An evidence path in words: "policies[kind=impartiality].last_reviewed" is "policy
// 'impartiality', last reviewed"; "people[id=ppo]" is "person 'ppo'"; "annual_reports[#2]" is
// "annual report 2"; "people.training" is "people, training".
std::string evidence_path_in_words(std::string_view path);

// Each finding's element in words, in the order of audit.findings: the record at fault when the
// rule names it, else the rule's first evidence, with " (not recorded)" when the file does not
// have it; "the service file as a whole" for a rule without evidence. Worked out while the
// file's tree is still held: reports are written after it is let go.
std::vector<std::string> elements_in_words(const service::ServiceFile& file, const rules::ServiceAudit& audit);

}  // namespace ppsaudit::report
