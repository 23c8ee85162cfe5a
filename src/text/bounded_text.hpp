#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace ppsaudit::text {

// What ends a text that was cut short: U+2026 HORIZONTAL ELLIPSIS.
inline constexpr std::string_view k_ellipsis = "\xe2\x80\xa6";

// Text built from a walk over a value, up to a size: what goes past it is cut at a code point
// and the text ends in k_ellipsis, within the size. Lists are shared, so a value can hold far
// more than it cost to build; the walk stops once full() says so, and it also counts the
// places it visits (visit()), so that one which writes nothing still ends.
class BoundedText {
 public:
  explicit BoundedText(std::size_t max_bytes) : m_max_bytes(max_bytes) {}

  void append(std::string_view part);
  // Counts one place of the walk; false (and the text is cut) past max_bytes of them.
  bool visit();
  [[nodiscard]] bool full() const { return m_cut; }
  [[nodiscard]] const std::string& text() const { return m_text; }
  [[nodiscard]] std::string take() && { return std::move(m_text); }

 private:
  void cut();

  std::string m_text;
  std::size_t m_max_bytes;
  std::size_t m_visits = 0;
  bool m_cut = false;
};

}  // namespace ppsaudit::text
