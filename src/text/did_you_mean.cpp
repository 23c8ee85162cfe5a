#include "text/did_you_mean.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include <fmt/format.h>

namespace ppsaudit {

namespace {

char fold(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

template <typename Range>
std::optional<std::string> closest_in(std::string_view word, const Range& candidates) {
  // A typo is at most a third of the word's length away, and never more than three edits.
  const std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, word.size() / 3));
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  if (best) {
    return best;
  }
  // A word the user shortened ("parents" for "parents_and_carers") when only one key starts so.
  for (const auto& candidate : candidates) {
    if (word.size() >= 4 && std::string_view(candidate).starts_with(word)) {
      if (best) {
        return std::nullopt;
      }
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment distance (Damerau-Levenshtein without repeated edits), case-insensitive.
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::size_t> two_back(m + 1), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) {
    previous[j] = j;
  }
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        current[j] = std::min(current[j], two_back[j - 2] + 1);
      }
    }
    two_back.swap(previous);
    previous.swap(current);
  }
  return previous[m];
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  return closest_in(word, candidates);
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string> candidates) {
  return closest_in(word, candidates);
}

std::string did_you_mean_suffix(const std::optional<std::string>& suggestion) {
  return suggestion ? fmt::format(" (did you mean '{}'?)", *suggestion) : std::string();
}

}  // namespace ppsaudit
