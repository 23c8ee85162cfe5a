#include "text/utf8.hpp"

namespace ppsaudit::text {

std::optional<Utf8Sequence> decode_utf8(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) {
    return std::nullopt;
  }
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[offset + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    return Utf8Sequence{lead, 1};
  }
  // Unicode's table of well-formed byte sequences (The Unicode Standard, table 3-7): the lead
  // byte fixes the length and the range of the second byte, which rules out overlong forms,
  // surrogates (ED A0..ED BF) and values above U+10FFFF (F4 90.. and F5..FF) in one test.
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xbf;
  char32_t code_point = 0;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    code_point = lead & 0x1fu;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    code_point = lead & 0x0fu;
    low = lead == 0xe0 ? 0xa0 : 0x80;
    high = lead == 0xed ? 0x9f : 0xbf;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    code_point = lead & 0x07u;
    low = lead == 0xf0 ? 0x90 : 0x80;
    high = lead == 0xf4 ? 0x8f : 0xbf;
  } else {
    return std::nullopt;  // a continuation byte, C0 or C1 (always overlong), or F5..FF
  }
  if (text.size() - offset < length || byte(1) < low || byte(1) > high) {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xbf) {
      return std::nullopt;
    }
    code_point = (code_point << 6) | (byte(i) & 0x3fu);
  }
  return Utf8Sequence{code_point, length};
}

std::size_t code_point_length(std::string_view text, std::size_t offset) {
  const auto sequence = decode_utf8(text, offset);
  return sequence ? sequence->length : 1;
}

std::size_t first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto sequence = decode_utf8(text, i);
    if (!sequence) {
      return i;
    }
    i += sequence->length;
  }
  return std::string_view::npos;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); i += code_point_length(text, i)) {
    ++count;
  }
  return count;
}

std::vector<std::size_t> code_point_offsets(std::string_view text) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < text.size(); i += code_point_length(text, i)) {
    offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

void append_utf8(std::string& out, char32_t code_point) {
  const auto unit = [](char32_t bits) { return static_cast<char>(bits); };
  if (code_point < 0x80) {
    out += unit(code_point);
  } else if (code_point < 0x800) {
    out += unit(0xc0 | (code_point >> 6));
    out += unit(0x80 | (code_point & 0x3f));
  } else if (code_point < 0x10000) {
    out += unit(0xe0 | (code_point >> 12));
    out += unit(0x80 | ((code_point >> 6) & 0x3f));
    out += unit(0x80 | (code_point & 0x3f));
  } else {
    out += unit(0xf0 | (code_point >> 18));
    out += unit(0x80 | ((code_point >> 12) & 0x3f));
    out += unit(0x80 | ((code_point >> 6) & 0x3f));
    out += unit(0x80 | (code_point & 0x3f));
  }
}

std::string_view without_bom(std::string_view text) {
  constexpr std::string_view k_bom = "\xEF\xBB\xBF";
  return text.starts_with(k_bom) ? text.substr(k_bom.size()) : text;
}

bool is_noncharacter(char32_t code_point) {
  return (code_point >= 0xfdd0 && code_point <= 0xfdef) || (code_point <= 0x10ffff && (code_point & 0xfffe) == 0xfffe);
}

}  // namespace ppsaudit::text
