#include "text/markup.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "text/control.hpp"
#include "text/utf8.hpp"

namespace ppsaudit::text {

std::string xml_escape(std::string_view text, XmlPlace place) {
  const bool in_attribute = place == XmlPlace::attribute;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto sequence = decode_utf8(text, i);
    if (!sequence) {
      out += k_replacement;
      ++i;
      continue;
    }
    const char32_t c = sequence->code_point;
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";  // so that "]]>" never appears either
    } else if (c == '"' && in_attribute) {
      out += "&quot;";
    } else if (c == '\'' && in_attribute) {
      out += "&apos;";
    } else if (c == '\r' || (in_attribute && (c == '\t' || c == '\n'))) {
      out += fmt::format("&#{};", static_cast<std::uint32_t>(c));
    } else if ((c < 0x20 && c != '\t' && c != '\n') || is_invisible(c)) {
      // DEL and C1 controls are allowed in XML 1.0, so they stay; invisible characters are
      // allowed too, but a viewer would reorder or hide the name, so they are shown.
      out += control_escape(c);
    } else if (c == 0xfffe || c == 0xffff) {
      out += k_replacement;
    } else {
      out += text.substr(i, sequence->length);
    }
    i += sequence->length;
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto sequence = decode_utf8(text, i);
    if (!sequence) {
      out += k_replacement;  // for each malformed byte
      ++i;
      continue;
    }
    const char32_t c = sequence->code_point;
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (needs_escape(c)) {
      out += control_escape(c);
    } else if (is_noncharacter(c)) {
      out += k_replacement;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '"') {
      out += "&quot;";
    } else if (c == '\'') {
      out += "&#39;";
    } else {
      out += text.substr(i, sequence->length);
    }
    i += sequence->length;
  }
  return out;
}

}  // namespace ppsaudit::text
