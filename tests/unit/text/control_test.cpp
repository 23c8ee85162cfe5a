#include <array>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "text/control.hpp"
#include "text/printable.hpp"

namespace {

using ppsaudit::printable;
using ppsaudit::text::Backslash;
using ppsaudit::text::control_at;
using ppsaudit::text::control_escape;

using namespace std::string_view_literals;

// A code point, whether it is a control character, and its visible escape if it is.
struct ControlCase {
  char32_t code_point;
  bool control;
  std::string_view escape;
};

constexpr std::array k_control_cases{
    ControlCase{0x00, true, "\\x00"},   ControlCase{0x09, true, "\\x09"},   ControlCase{0x0a, true, "\\x0a"},
    ControlCase{0x1b, true, "\\x1b"},   ControlCase{0x1f, true, "\\x1f"},   ControlCase{0x7f, true, "\\x7f"},
    ControlCase{0x80, true, "\\u0080"}, ControlCase{0x85, true, "\\u0085"}, ControlCase{0x9b, true, "\\u009b"},
    ControlCase{0x9f, true, "\\u009f"}, ControlCase{0x20, false, ""},       ControlCase{0x7e, false, ""},
    ControlCase{0xa0, false, ""},       ControlCase{0x2028, false, ""},     ControlCase{0xfeff, false, ""},
};

// Each bidirectional, invisible or separator character that must not reach output raw, its
// UTF-8 bytes, and its visible escape.
struct InvisibleCase {
  char32_t code_point;
  std::string_view utf8;
  std::string_view escape;
};

constexpr std::array k_invisible_cases{
    InvisibleCase{0x061c, "\xd8\x9c", "\\u061c"},     InvisibleCase{0x200b, "\xe2\x80\x8b", "\\u200b"},
    InvisibleCase{0x200c, "\xe2\x80\x8c", "\\u200c"}, InvisibleCase{0x200d, "\xe2\x80\x8d", "\\u200d"},
    InvisibleCase{0x200e, "\xe2\x80\x8e", "\\u200e"}, InvisibleCase{0x200f, "\xe2\x80\x8f", "\\u200f"},
    InvisibleCase{0x2028, "\xe2\x80\xa8", "\\u2028"}, InvisibleCase{0x2029, "\xe2\x80\xa9", "\\u2029"},
    InvisibleCase{0x202a, "\xe2\x80\xaa", "\\u202a"}, InvisibleCase{0x202b, "\xe2\x80\xab", "\\u202b"},
    InvisibleCase{0x202c, "\xe2\x80\xac", "\\u202c"}, InvisibleCase{0x202d, "\xe2\x80\xad", "\\u202d"},
    InvisibleCase{0x202e, "\xe2\x80\xae", "\\u202e"}, InvisibleCase{0x2060, "\xe2\x81\xa0", "\\u2060"},
    InvisibleCase{0x2066, "\xe2\x81\xa6", "\\u2066"}, InvisibleCase{0x2067, "\xe2\x81\xa7", "\\u2067"},
    InvisibleCase{0x2068, "\xe2\x81\xa8", "\\u2068"}, InvisibleCase{0x2069, "\xe2\x81\xa9", "\\u2069"},
    InvisibleCase{0xfeff, "\xef\xbb\xbf", "\\ufeff"},
};

}  // namespace

TEST_CASE("classifies C0, DEL and C1 as control characters and writes their visible escapes") {
  for (const auto& c : k_control_cases) {
    CAPTURE(static_cast<unsigned>(c.code_point));
    CHECK(ppsaudit::text::is_control(c.code_point) == c.control);
    if (c.control) {
      CHECK(control_escape(c.code_point) == c.escape);
    }
  }
}

TEST_CASE("doubles the backslash of an escape for Markdown") {
  CHECK(control_escape(0x1b, Backslash::doubled) == "\\\\x1b");
  CHECK(control_escape(0x85, Backslash::doubled) == "\\\\u0085");
  CHECK(control_escape(0x7f, Backslash::single) == "\\x7f");
}

TEST_CASE("finds a control character at an offset, one byte for C0 and DEL and two for C1") {
  constexpr std::string_view text =
      "a\x1b"
      "b\xc2\x85"
      "c\x7f";
  CHECK_FALSE(control_at(text, 0).has_value());
  REQUIRE(control_at(text, 1).has_value());
  CHECK(control_at(text, 1)->code_point == 0x1b);
  CHECK(control_at(text, 1)->length == 1);
  REQUIRE(control_at(text, 3).has_value());
  CHECK(control_at(text, 3)->code_point == 0x85);
  CHECK(control_at(text, 3)->length == 2);
  CHECK_FALSE(control_at(text, 4).has_value());  // the second byte of the C1 control
  CHECK(control_at(text, 6)->code_point == 0x7f);
  CHECK(control_at("\0"sv, 0)->code_point == 0);
}

TEST_CASE("does not take other bytes for control characters, well-formed or not") {
  CHECK_FALSE(control_at("\xc2\xa0", 0).has_value());  // no-break space, just past C1
  CHECK_FALSE(control_at("\xc2", 0).has_value());      // a C1 control cut short
  CHECK_FALSE(control_at("\x85", 0).has_value());      // a C1 code point as a bare Latin-1 byte
  CHECK_FALSE(control_at("\xc1\x85", 0).has_value());  // overlong form of U+0045
  CHECK_FALSE(control_at("x", 5).has_value());         // past the end
}

TEST_CASE("printable shows control characters as escapes and leaves other bytes alone") {
  CHECK(printable("plain — café 😀") == "plain — café 😀");
  CHECK(printable("red \x1b[31m") == "red \\x1b[31m");
  CHECK(printable("one\r\ntwo\tthree") == "one\\x0d\\x0atwo\\x09three");
  CHECK(printable(std::string("nul\0end", 7)) == "nul\\x00end");
  CHECK(printable("del \x7f") == "del \\x7f");
  CHECK(printable("next \xc2\x85 line \xc2\x9b"
                  "2J") == "next \\u0085 line \\u009b2J");
  CHECK(printable("\xc2\xa0 \xe2\x80\x8a \xe2\x80\xaf") == "\xc2\xa0 \xe2\x80\x8a \xe2\x80\xaf");  // spaces, shown
}

TEST_CASE("takes bidirectional, invisible and separator characters for ones that need an escape") {
  for (const auto& c : k_invisible_cases) {
    CAPTURE(static_cast<unsigned>(c.code_point));
    CHECK(ppsaudit::text::is_invisible(c.code_point));
    CHECK(ppsaudit::text::needs_escape(c.code_point));
    CHECK_FALSE(ppsaudit::text::is_control(c.code_point));
    REQUIRE(control_at(c.utf8, 0).has_value());
    CHECK(control_at(c.utf8, 0)->code_point == c.code_point);
    CHECK(control_at(c.utf8, 0)->length == c.utf8.size());
    CHECK(control_escape(c.code_point) == c.escape);
  }
  for (const char32_t neighbour :
       {0x061bU, 0x200aU, 0x2010U, 0x2027U, 0x202fU, 0x205fU, 0x2061U, 0x2065U, 0x206aU, 0xfefeU, 0xff00U}) {
    CAPTURE(static_cast<unsigned>(neighbour));
    CHECK_FALSE(ppsaudit::text::needs_escape(neighbour));
  }
}

TEST_CASE("printable shows each bidirectional and invisible character as an escape (Trojan Source)") {
  for (const auto& c : k_invisible_cases) {
    CAPTURE(static_cast<unsigned>(c.code_point));
    CHECK(printable(std::string("a") + std::string(c.utf8) + "b") == std::string("a") + std::string(c.escape) + "b");
  }
  // A name that a terminal would show reversed: "report\u202e\u2066fdp.exe".
  CHECK(printable("report\xe2\x80\xae\xe2\x81\xa6"
                  "fdp.yaml") == "report\\u202e\\u2066fdp.yaml");
}

TEST_CASE("printable shows each byte that is not UTF-8 as an escape, so its output is always UTF-8") {
  CHECK(printable("caf\xe9") == "caf\\xe9");  // Latin-1
  CHECK(printable("csi \x9b"
                  "2J") == "csi \\x9b2J");                   // a bare C1 byte, CSI to an 8-bit terminal
  CHECK(printable("cut \xc2") == "cut \\xc2");               // a sequence cut short by the end
  CHECK(printable("cut \xe2\x80 x") == "cut \\xe2\\x80 x");  // and by a space
  CHECK(printable("\xc1\x85") == "\\xc1\\x85");              // overlong
  CHECK(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");     // a surrogate
  CHECK(printable("\xff\xfe") == "\\xff\\xfe");
}

TEST_CASE("printable_lines keeps line breaks and escapes the rest") {
  CHECK(ppsaudit::printable_lines("a\nb\r\n\x1b") == "a\nb\\x0d\n\\x1b");
  CHECK(ppsaudit::printable_lines("\n") == "\n");
  CHECK(ppsaudit::printable_lines("") == "");
}
