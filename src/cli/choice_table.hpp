#pragma once

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace ppsaudit {

// A table of the words an option or configuration key takes, each with its meaning, such as
// fail_on_words(): the command line and the configuration file read the same tables.

// The table's words, in its order; they view the table's own (static) words.
template <typename Choice>
std::vector<std::string_view> words_of(const std::vector<std::pair<std::string_view, Choice>>& table) {
  std::vector<std::string_view> words;
  words.reserve(table.size());
  for (const auto& entry : table) {
    words.push_back(entry.first);
  }
  return words;
}

// The meaning of `word`, or of the table's first word when `word` is not in it (callers have
// already checked the word).
template <typename Choice>
Choice choice_of(const std::vector<std::pair<std::string_view, Choice>>& table, std::string_view word) {
  const auto found =
      std::find_if(table.begin(), table.end(), [word](const auto& entry) { return entry.first == word; });
  return found != table.end() ? found->second : table.front().second;
}

}  // namespace ppsaudit
