#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "text/utf8.hpp"

namespace {

using ppsaudit::text::code_point_count;
using ppsaudit::text::decode_utf8;

using namespace std::string_view_literals;

// A byte sequence and what decoding it from its first byte gives; a length of 0: not UTF-8.
struct DecodeCase {
  std::string_view what;
  std::string_view bytes;
  char32_t code_point;
  std::size_t length;
};

constexpr std::array k_decode_cases{
    DecodeCase{"ASCII letter", "A", U'A', 1},
    DecodeCase{"NUL", "\0"sv, 0, 1},
    DecodeCase{"DEL", "\x7f", 0x7f, 1},
    DecodeCase{"least 2-byte form", "\xc2\x80", 0x80, 2},
    DecodeCase{"e acute", "\xc3\xa9", 0xe9, 2},
    DecodeCase{"greatest 2-byte form", "\xdf\xbf", 0x7ff, 2},
    DecodeCase{"least 3-byte form", "\xe0\xa0\x80", 0x800, 3},
    DecodeCase{"euro sign", "\xe2\x82\xac", 0x20ac, 3},
    DecodeCase{"last before the surrogates", "\xed\x9f\xbf", 0xd7ff, 3},
    DecodeCase{"first after the surrogates", "\xee\x80\x80", 0xe000, 3},
    DecodeCase{"U+FFFF, a noncharacter but well-formed", "\xef\xbf\xbf", 0xffff, 3},
    DecodeCase{"least 4-byte form", "\xf0\x90\x80\x80", 0x10000, 4},
    DecodeCase{"emoji", "\xf0\x9f\x98\x80", 0x1f600, 4},
    DecodeCase{"greatest code point", "\xf4\x8f\xbf\xbf", 0x10ffff, 4},
    DecodeCase{"only the first sequence", "ab", U'a', 1},
    DecodeCase{"overlong NUL", "\xc0\x80", 0, 0},
    DecodeCase{"overlong 2-byte with C1", "\xc1\xbf", 0, 0},
    DecodeCase{"overlong 3-byte NUL", "\xe0\x80\x80", 0, 0},
    DecodeCase{"overlong 3-byte U+07FF", "\xe0\x9f\xbf", 0, 0},
    DecodeCase{"overlong 4-byte NUL", "\xf0\x80\x80\x80", 0, 0},
    DecodeCase{"overlong 4-byte U+FFFF", "\xf0\x8f\xbf\xbf", 0, 0},
    DecodeCase{"first surrogate", "\xed\xa0\x80", 0, 0},
    DecodeCase{"last surrogate", "\xed\xbf\xbf", 0, 0},
    DecodeCase{"U+110000", "\xf4\x90\x80\x80", 0, 0},
    DecodeCase{"lead byte F5", "\xf5\x80\x80\x80", 0, 0},
    DecodeCase{"lead byte F7", "\xf7\xbf\xbf\xbf", 0, 0},
    DecodeCase{"5-byte form", "\xf8\x88\x80\x80\x80", 0, 0},
    DecodeCase{"byte FF", "\xff", 0, 0},
    DecodeCase{"2-byte cut short by the end", "\xc3", 0, 0},
    DecodeCase{"3-byte cut short by the end", "\xe2\x82", 0, 0},
    DecodeCase{"4-byte cut short by the end", "\xf0\x9f\x98", 0, 0},
    DecodeCase{"3-byte cut short by a letter", "\xe2\x41\x82", 0, 0},
    DecodeCase{"2-byte followed by ASCII", "\xc3\x28", 0, 0},
    DecodeCase{"stray continuation byte 80", "\x80", 0, 0},
    DecodeCase{"stray continuation byte BF", "\xbf", 0, 0},
};

}  // namespace

TEST_CASE("decodes well-formed UTF-8 and refuses overlong, surrogate, too large, cut short and stray bytes") {
  for (const auto& c : k_decode_cases) {
    CAPTURE(c.what);
    const auto sequence = decode_utf8(c.bytes, 0);
    if (c.length == 0) {
      CHECK_FALSE(sequence.has_value());
    } else {
      REQUIRE(sequence.has_value());
      CHECK(sequence->code_point == c.code_point);
      CHECK(sequence->length == c.length);
      CHECK(ppsaudit::text::code_point_length(c.bytes, 0) == c.length);
    }
  }
}

TEST_CASE("decodes at an offset, and nothing at or past the end") {
  constexpr std::string_view text =
      "a\xe2\x82\xac"
      "b";
  CHECK(decode_utf8(text, 1)->code_point == 0x20ac);
  CHECK(decode_utf8(text, 4)->code_point == U'b');
  CHECK_FALSE(decode_utf8(text, 2).has_value());  // inside the euro sign
  CHECK_FALSE(decode_utf8(text, 5).has_value());
  CHECK_FALSE(decode_utf8("", 0).has_value());
  CHECK(ppsaudit::text::code_point_length(text, 2) == 1);
}

TEST_CASE("finds the first byte that is not UTF-8") {
  using ppsaudit::text::first_invalid_utf8;
  constexpr auto npos = std::string_view::npos;
  CHECK(first_invalid_utf8("") == npos);
  CHECK(first_invalid_utf8("plain text") == npos);
  CHECK(first_invalid_utf8("caf\xc3\xa9 \xf0\x9f\x98\x80") == npos);
  CHECK(first_invalid_utf8("caf\xe9") == 3);
  CHECK(first_invalid_utf8("ab\xe2\x82") == 2);                   // cut short at the end
  CHECK(first_invalid_utf8("\xf0\x9f\x98\x80x\x80") == 5);        // a stray continuation byte
  CHECK(first_invalid_utf8("ok \xed\xa0\x80") == 3);              // a surrogate
  CHECK(first_invalid_utf8("ok \xc0\xaf") == 3);                  // an overlong '/'
  CHECK(first_invalid_utf8("\xef\xbf\xbe\xef\xb7\x90") == npos);  // noncharacters are well-formed
}

TEST_CASE("counts code points, each byte that is not UTF-8 as one") {
  CHECK(code_point_count("") == 0);
  CHECK(code_point_count("abc") == 3);
  CHECK(code_point_count("caf\xc3\xa9") == 4);
  CHECK(code_point_count("\xe2\x82\xac\xf0\x9f\x98\x80") == 2);
  CHECK(code_point_count("a\x80"
                         "b") == 3);
  CHECK(code_point_count("\xe2\x82") == 2);
  CHECK(code_point_count("\xed\xa0\x80") == 3);
}

TEST_CASE("lists the byte offset of each code point, then the end") {
  CHECK(ppsaudit::text::code_point_offsets("") == std::vector<std::size_t>{0});
  CHECK(ppsaudit::text::code_point_offsets("a\xe2\x82\xac\xf0\x9f\x98\x80") == std::vector<std::size_t>{0, 1, 4, 8});
  CHECK(ppsaudit::text::code_point_offsets("\xe2\x82z") == std::vector<std::size_t>{0, 1, 2, 3});
}

TEST_CASE("encodes every Unicode scalar value so that it decodes back") {
  std::size_t checked = 0;
  for (char32_t code_point = 0; code_point <= 0x10ffff; ++code_point) {
    if (code_point >= 0xd800 && code_point <= 0xdfff) {
      continue;
    }
    std::string bytes;
    ppsaudit::text::append_utf8(bytes, code_point);
    const std::size_t expected_length = code_point < 0x80 ? 1 : code_point < 0x800 ? 2 : code_point < 0x10000 ? 3 : 4;
    const auto sequence = decode_utf8(bytes, 0);
    if (!sequence || sequence->code_point != code_point || sequence->length != expected_length ||
        bytes.size() != expected_length) {
      FAIL("U+", static_cast<unsigned>(code_point), " does not round-trip");
    }
    ++checked;
  }
  CHECK(checked == 0x110000 - 0x800);
}

TEST_CASE("encodes the boundaries of each length as the standard's examples") {
  const auto encoded = [](char32_t code_point) {
    std::string bytes;
    ppsaudit::text::append_utf8(bytes, code_point);
    return bytes;
  };
  CHECK(encoded(0x7f) == "\x7f");
  CHECK(encoded(0x80) == "\xc2\x80");
  CHECK(encoded(0x7ff) == "\xdf\xbf");
  CHECK(encoded(0x800) == "\xe0\xa0\x80");
  CHECK(encoded(0xfffd) == "\xef\xbf\xbd");
  CHECK(encoded(0x10000) == "\xf0\x90\x80\x80");
  CHECK(encoded(0x10ffff) == "\xf4\x8f\xbf\xbf");
}

TEST_CASE("knows the noncharacters U+FDD0..U+FDEF and the last two of every plane") {
  using ppsaudit::text::is_noncharacter;
  for (const char32_t yes : {char32_t{0xfdd0}, char32_t{0xfdef}, char32_t{0xfffe}, char32_t{0xffff}, char32_t{0x1fffe},
                             char32_t{0x1ffff}, char32_t{0x10fffe}, char32_t{0x10ffff}}) {
    CAPTURE(static_cast<unsigned>(yes));
    CHECK(is_noncharacter(yes));
  }
  for (const char32_t no : {char32_t{0x0}, char32_t{0x41}, char32_t{0xfdcf}, char32_t{0xfdf0}, char32_t{0xfffd},
                            char32_t{0x10000}, char32_t{0x1fffd}, char32_t{0x11fffe}}) {
    CAPTURE(static_cast<unsigned>(no));
    CHECK_FALSE(is_noncharacter(no));
  }
}
