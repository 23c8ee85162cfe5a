#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ppsaudit {

// The number of single-character edits (insert, delete, substitute, swap) between two strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate to a misspelt word, if one is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates);

// " (did you mean 'x'?)" or "" — ready to append to a message.
std::string did_you_mean_suffix(const std::optional<std::string>& suggestion);

}  // namespace ppsaudit
