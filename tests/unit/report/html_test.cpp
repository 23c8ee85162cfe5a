#include <string>

#include <doctest/doctest.h>

#include "report/html.hpp"

using ppsaudit::report::html_escape;

TEST_CASE("html escapes a script tag so that it is text, never an element") {
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST_CASE("html escapes both quotes and the ampersand, so a value cannot leave its attribute") {
  CHECK(html_escape("\" onload='x' & ]]>") == "&quot; onload=&#39;x&#39; &amp; ]]&gt;");
}

TEST_CASE("html turns line breaks and tabs into spaces and shows other control characters") {
  CHECK(html_escape("one\ntwo\r\tthree") == "one two  three");
  CHECK(html_escape("red \x1b[31m") == "red \\x1b[31m");
  CHECK(html_escape("nul \x01 del \x7f") == "nul \\x01 del \\x7f");
  CHECK(html_escape("next \xc2\x85 line") == "next \\u0085 line");
}

TEST_CASE("html replaces noncharacters and malformed UTF-8 with U+FFFD") {
  CHECK(html_escape("a\xef\xbf\xbe" "b") == "a\xef\xbf\xbd" "b");     // U+FFFE
  CHECK(html_escape("a\xef\xb7\x90" "b") == "a\xef\xbf\xbd" "b");     // U+FDD0
  CHECK(html_escape("a\xff" "b") == "a\xef\xbf\xbd" "b");             // never a UTF-8 byte
  CHECK(html_escape("a\xc0\xaf" "b") == "a\xef\xbf\xbd\xef\xbf\xbd" "b");  // overlong '/'
  CHECK(html_escape("a\xed\xa0\x80" "b") == "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b");  // a surrogate
}

TEST_CASE("html leaves ordinary text and UTF-8 alone") {
  CHECK(html_escape("Parent Link | £5 — café 😀") == "Parent Link | £5 — café 😀");
}
