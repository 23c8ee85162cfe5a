#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/pack.hpp"

// GitHub Actions workflow commands (`::error file=…,line=…::message`), which a workflow's log
// turns into annotations on the files of a pull request; man/ppsaudit.1 has the details.
namespace ppsaudit::report {

// A command's message as GitHub documents its escaping: "%" → "%25", "\r" → "%0D", "\n" → "%0A".
std::string github_escape_message(std::string_view text);

// A property value (file, title): the message's escaping, and ":" → "%3A", "," → "%2C".
std::string github_escape_property(std::string_view text);

// One command line, ending in a newline: `::level name=value,…::message`, each value and the
// message escaped; properties with an empty value are left out.
std::string github_command(std::string_view level,
                           const std::vector<std::pair<std::string_view, std::string>>& properties,
                           std::string_view message);

// The command a finding gives, or "" when it gives none (met, not applicable). Not met and not
// assessable: "error" for a legal duty (must, must have regard), "warning" for should,
// commitment and minimum standard, "notice" for good and best practice (SARIF's levels);
// needs attestation: "notice", for it never fails a run.
std::string_view github_level(rules::Outcome outcome, rules::Strength strength);

}  // namespace ppsaudit::report
