#include "text/width.hpp"

#include <string>

#include <doctest/doctest.h>

#include "text/utf8.hpp"

namespace ppsaudit::text {

TEST_CASE("counts display columns: one for most characters, none for combining marks, two for wide ones") {
  CHECK(display_width("") == 0);
  CHECK(display_width("Ofsted") == 6);
  CHECK(display_width("caf\xc3\xa9") == 4);               // é precomposed
  CHECK(display_width("cafe\xcc\x81") == 4);              // e + U+0301 COMBINING ACUTE ACCENT
  CHECK(display_width("\xe6\x95\x99\xe8\x82\xb2") == 4);  // 教育, two wide characters
  CHECK(display_width("\xf0\x9f\x98\x80") == 2);          // 😀
  CHECK(display_width("\xef\xbc\xa1") == 2);              // Ａ FULLWIDTH A
  CHECK(display_width("a\xe2\x80\x8b"
                      "b") == 2);        // a zero width space between
  CHECK(display_width("caf\xe9") == 4);  // a byte that is not UTF-8 counts as one
}

TEST_CASE("cut_to_width leaves text that fits alone") {
  CHECK(cut_to_width("SEND Code", 9) == "SEND Code");
  CHECK(cut_to_width("\xe6\x95\x99\xe8\x82\xb2", 4) == "\xe6\x95\x99\xe8\x82\xb2");
  CHECK(cut_to_width("", 0).empty());
}

TEST_CASE("cut_to_width cuts at a code point and ends in an ellipsis, within the width") {
  CHECK(cut_to_width("SEND Code of Practice", 8) == "SEND Co\xe2\x80\xa6");
  // "é" is two bytes: a byte cut at 4 would split it.
  const std::string cut = cut_to_width("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 3);
  CHECK(cut == "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
  CHECK(first_invalid_utf8(cut) == std::string::npos);
  CHECK(display_width(cut) == 3);
  CHECK(cut_to_width("abc", 0).empty());
  CHECK(cut_to_width("abc", 1) == "\xe2\x80\xa6");
}

TEST_CASE("cut_to_width keeps a kept character's combining marks and never half a wide character") {
  // e + U+0301 twice, then "xyz": the marks stay with their letters.
  CHECK(cut_to_width("e\xcc\x81"
                     "e\xcc\x81xyz",
                     3) ==
        "e\xcc\x81"
        "e\xcc\x81\xe2\x80\xa6");
  // 教育学: three wide characters in 4 columns keep one, then the ellipsis, in 3 columns.
  const std::string wide = cut_to_width("\xe6\x95\x99\xe8\x82\xb2\xe5\xad\xa6", 4);
  CHECK(wide == "\xe6\x95\x99\xe2\x80\xa6");
  CHECK(display_width(wide) == 3);
}

TEST_CASE("fit_to_width pads to exactly the width, counting display columns") {
  CHECK(fit_to_width("abc", 5) == "abc  ");
  CHECK(fit_to_width("\xe6\x95\x99", 5) == "\xe6\x95\x99   ");
  CHECK(fit_to_width("cafe\xcc\x81", 5) == "cafe\xcc\x81 ");
  CHECK(display_width(fit_to_width("\xe6\x95\x99\xe8\x82\xb2\xe5\xad\xa6", 4)) == 4);
}

}  // namespace ppsaudit::text

TEST_CASE("wrap_to_width breaks at spaces within the columns, with a first and a next prefix") {
  using ppsaudit::text::wrap_to_width;
  CHECK(wrap_to_width("  what:  ", 9, "the file does not record its policies", "         ", 24) ==
        "  what:  the file does\n"
        "         not record its\n"
        "         policies\n");
  // Fits: one line; extra spaces between words are one space.
  CHECK(wrap_to_width("- ", 2, "a  b   c", "  ", 80) == "- a b c\n");
  // A colour code in the first prefix takes no column.
  CHECK(wrap_to_width("\x1b[31mX\x1b[0m ", 2, "aaa bbb", "  ", 6) == "\x1b[31mX\x1b[0m aaa\n  bbb\n");
  // Nothing to wrap: the prefix alone.
  CHECK(wrap_to_width("x: ", 3, "", "   ", 10) == "x: \n");
}

TEST_CASE("wrap_to_width breaks a word longer than a line between code points, losing nothing") {
  using ppsaudit::text::wrap_to_width;
  CHECK(wrap_to_width("", 0, "examples/east-sussex.yaml:12:3", "", 10) == "examples/e\nast-sussex\n.yaml:12:3\n");
  // Two-byte and wide characters are never split, and count their columns.
  CHECK(wrap_to_width("", 0, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "", 3) == "\xc3\xa9\xc3\xa9\xc3\xa9\n\xc3\xa9\n");
  CHECK(wrap_to_width("", 0, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", "", 5) ==
        "\xe4\xb8\xad\xe4\xb8\xad\n\xe4\xb8\xad\n");
  // A line too narrow for even one wide character still moves on, a character a line.
  CHECK(wrap_to_width("", 0, "\xe4\xb8\xad\xe4\xb8\xad", "", 1) == "\xe4\xb8\xad\n\xe4\xb8\xad\n");
  // The rest of a long word after words on the line goes to the next line first.
  CHECK(wrap_to_width("", 0, "ab cdefghij", "", 5) == "ab\ncdefg\nhij\n");
}
