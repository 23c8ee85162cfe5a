#include <string>

#include <doctest/doctest.h>

#include "report/markdown.hpp"

using ppsaudit::report::markdown_escape;
using ppsaudit::report::markdown_wrap;

TEST_CASE("markdown escapes a script tag as character references, never raw HTML") {
  CHECK(markdown_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(markdown_escape("Smith & Jones") == "Smith &amp; Jones");
  CHECK(markdown_escape("&lt;") == "&amp;lt;");
}

TEST_CASE("markdown escapes a pipe, so that a table cell keeps its table's columns") {
  CHECK(markdown_escape("a | b") == "a \\| b");
}

TEST_CASE("markdown escapes the characters that would format, link or quote code") {
  CHECK(markdown_escape("*em* _u_ [x](y) #1 `c` ~s~ $5 \\") ==
        "\\*em\\* \\_u\\_ \\[x\\](y) \\#1 \\`c\\` \\~s\\~ \\$5 \\\\");
}

TEST_CASE("markdown keeps URLs and email addresses from becoming bare links") {
  CHECK(markdown_escape("see https://example.org") == "see https\\://example.org");
  CHECK(markdown_escape("www.example.org and WWW.x.org") == "www\\.example.org and WWW\\.x.org");
  CHECK(markdown_escape("ask info@example.org") == "ask info\\@example.org");
  CHECK(markdown_escape("awww.x") == "awww.x");
}

TEST_CASE("markdown turns line breaks and tabs into spaces and shows other control characters") {
  CHECK(markdown_escape("one\ntwo\r\tthree") == "one two  three");
  CHECK(markdown_escape("red \x1b[31m") == "red \\\\x1b\\[31m");
  CHECK(markdown_escape("next \xc2\x85 line") == "next \\\\u0085 line");
}

TEST_CASE("markdown leaves ordinary text and UTF-8 alone") {
  CHECK(markdown_escape("Parent Link - Impartiality Policy (2011), £5") ==
        "Parent Link - Impartiality Policy (2011), £5");
}

TEST_CASE("markdown wraps at 80 columns with the indent on each later line") {
  const std::string text(
      "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen");
  const std::string wrapped = markdown_wrap("- What: ", text, "  ");
  CHECK(wrapped ==
        "- What: one two three four five six seven eight nine ten eleven twelve thirteen\n"
        "  fourteen fifteen sixteen\n");
}

TEST_CASE("markdown escapes a wrapped line that would start a list, an underline or a rule") {
  const std::string filler(78, 'x');
  CHECK(markdown_wrap("", filler + "x - b", "") == filler + "x\n\\- b\n");
  CHECK(markdown_wrap("", filler + " 1. b", "") == filler + "\n1\\. b\n");
  CHECK(markdown_wrap("", filler + " 2011) b", "") == filler + "\n2011\\) b\n");
  CHECK(markdown_wrap("", filler + " === b", "") == filler + "\n\\=== b\n");
  CHECK(markdown_wrap("", filler + " 2001): b", "") == filler + "\n2001): b\n");
}

TEST_CASE("markdown wrapping drops repeated and trailing spaces") {
  CHECK(markdown_wrap("- ", "a  b   ", "  ") == "- a b\n");
  CHECK(markdown_wrap("- Fix: ", "", "  ") == "- Fix:\n");
}

TEST_CASE("markdown shows bidirectional and invisible characters as escapes") {
  CHECK(markdown_escape("report\xe2\x80\xae"
                        "dm.yaml") == "report\\\\u202edm.yaml");
  CHECK(markdown_escape("a\xe2\x80\x8b"
                        "b\xe2\x81\xa9") == "a\\\\u200bb\\\\u2069");
}
