#include "text/bounded_text.hpp"

#include <algorithm>

namespace ppsaudit::text {

void BoundedText::append(std::string_view part) {
  if (m_cut) {
    return;
  }
  if (m_text.size() + part.size() <= m_max_bytes) {
    m_text += part;
    return;
  }
  // Enough to know where the cut falls, not the whole of a long part.
  m_text += part.substr(0, m_max_bytes - m_text.size() + 1);
  cut();
}

bool BoundedText::visit() {
  if (!m_cut && ++m_visits > m_max_bytes) {
    cut();
  }
  return !m_cut;
}

void BoundedText::cut() {
  std::size_t keep = m_max_bytes >= k_ellipsis.size() ? m_max_bytes - k_ellipsis.size() : 0;
  keep = std::min(keep, m_text.size());
  // Back to the first byte of a code point: UTF-8 continuation bytes are 10xxxxxx.
  while (keep > 0 && keep < m_text.size() && (static_cast<unsigned char>(m_text[keep]) & 0xc0U) == 0x80U) {
    --keep;
  }
  m_text.resize(keep);
  m_text += k_ellipsis;
  m_cut = true;
}

}  // namespace ppsaudit::text
