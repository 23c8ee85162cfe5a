// The cases from tests/unit/cli/junit_report_test.cpp and html_report_test.cpp, run against the
// escapers in text/, with more for the edges of UTF-8 and of the control characters.
#include <string>

#include <doctest/doctest.h>

#include "text/markup.hpp"

using ppsaudit::text::html_escape;
using ppsaudit::text::xml_escape;
using ppsaudit::text::XmlPlace;

TEST_CASE("xml_escape turns markup characters into entities") {
  CHECK(xml_escape("<script>alert(1)</script>", XmlPlace::content) == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(xml_escape("a & b", XmlPlace::content) == "a &amp; b");
  CHECK(xml_escape("]]>", XmlPlace::content) == "]]&gt;");
  CHECK(xml_escape("\"q\" 'a'", XmlPlace::attribute) == "&quot;q&quot; &apos;a&apos;");
  CHECK(xml_escape("\"q\" 'a'", XmlPlace::content) == "\"q\" 'a'");
}

TEST_CASE("xml_escape keeps line breaks and tabs, as references in an attribute") {
  CHECK(xml_escape("a\nb\tc\rd", XmlPlace::attribute) == "a&#10;b&#9;c&#13;d");
  CHECK(xml_escape("a\nb\tc\rd", XmlPlace::content) == "a\nb\tc&#13;d");
}

TEST_CASE("xml_escape shows the control characters XML 1.0 cannot carry") {
  CHECK(xml_escape("\x1b[2J", XmlPlace::content) == "\\x1b[2J");
  CHECK(xml_escape(std::string("nul\0end", 7), XmlPlace::attribute) == "nul\\x00end");
  CHECK(xml_escape("\x01\x08\x0b\x0c\x1f", XmlPlace::content) == "\\x01\\x08\\x0b\\x0c\\x1f");
}

TEST_CASE("xml_escape keeps DEL and C1 controls, which XML 1.0 allows") {
  CHECK(xml_escape("del \x7f next \xc2\x85", XmlPlace::content) == "del \x7f next \xc2\x85");
  CHECK(xml_escape("del \x7f next \xc2\x85", XmlPlace::attribute) == "del \x7f next \xc2\x85");
}

TEST_CASE("xml_escape replaces bytes that are not UTF-8 and the noncharacters XML forbids") {
  CHECK(xml_escape("caf\xe9", XmlPlace::content) == "caf\xef\xbf\xbd");
  CHECK(xml_escape("\xc0\xaf", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd");                  // overlong '/'
  CHECK(xml_escape("\xed\xa0\x80", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // a surrogate
  CHECK(xml_escape("\xef\xbf\xbe\xef\xbf\xbf", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd");
  CHECK(xml_escape("\xe2\x80", XmlPlace::content) == "\xef\xbf\xbd\xef\xbf\xbd");  // cut short
  CHECK(xml_escape("\xf4\x90\x80\x80", XmlPlace::content) ==
        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // above U+10FFFF
  CHECK(xml_escape("a\x80"
                   "b",
                   XmlPlace::attribute) ==
        "a\xef\xbf\xbd"
        "b");  // a stray continuation byte
}

TEST_CASE("xml_escape keeps the noncharacters XML allows") {
  CHECK(xml_escape("\xef\xb7\x90 \xf0\x9f\xbf\xbe", XmlPlace::content) == "\xef\xb7\x90 \xf0\x9f\xbf\xbe");
}

TEST_CASE("xml_escape leaves ordinary UTF-8 alone") {
  CHECK(xml_escape("£5 — ☂ \xf0\x9f\x98\x80", XmlPlace::attribute) == "£5 — ☂ \xf0\x9f\x98\x80");
}

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
  CHECK(html_escape(std::string("\0\x9f", 2)) == "\\x00\xef\xbf\xbd");  // a bare 9F is not UTF-8
}

TEST_CASE("html replaces noncharacters and malformed UTF-8 with U+FFFD") {
  CHECK(html_escape("a\xef\xbf\xbe"
                    "b") ==
        "a\xef\xbf\xbd"
        "b");  // U+FFFE
  CHECK(html_escape("a\xef\xb7\x90"
                    "b") ==
        "a\xef\xbf\xbd"
        "b");  // U+FDD0
  CHECK(html_escape("a\xff"
                    "b") ==
        "a\xef\xbf\xbd"
        "b");  // never a UTF-8 byte
  CHECK(html_escape("a\xc0\xaf"
                    "b") ==
        "a\xef\xbf\xbd\xef\xbf\xbd"
        "b");  // overlong '/'
  CHECK(html_escape("a\xed\xa0\x80"
                    "b") ==
        "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
        "b");  // a surrogate
  CHECK(html_escape("a\xf4\x8f\xbf\xbf"
                    "b") ==
        "a\xef\xbf\xbd"
        "b");                                                                      // U+10FFFF
  CHECK(html_escape("a\xf0\x9f\x98") == "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // cut short at the end
}

TEST_CASE("html leaves ordinary text and UTF-8 alone") {
  CHECK(html_escape("Parent Link | £5 — café 😀") == "Parent Link | £5 — café 😀");
}

TEST_CASE("html shows bidirectional and invisible characters, so a name cannot display as another") {
  CHECK(html_escape("report\xe2\x80\xae"
                    "lmth.yaml") == "report\\u202elmth.yaml");
  CHECK(html_escape("a\xe2\x81\xa6"
                    "b\xe2\x81\xa9"
                    "c") == "a\\u2066b\\u2069c");
  CHECK(html_escape("zero\xe2\x80\x8bwidth\xef\xbb\xbf") == "zero\\u200bwidth\\ufeff");
  CHECK(html_escape("line\xe2\x80\xa8para\xe2\x80\xa9") == "line\\u2028para\\u2029");
}

TEST_CASE("xml_escape shows bidirectional and invisible characters, in content and attributes") {
  CHECK(xml_escape("a\xe2\x80\xae"
                   "b",
                   XmlPlace::content) == "a\\u202eb");
  CHECK(xml_escape("a\xe2\x80\x8f"
                   "b\xd8\x9c",
                   XmlPlace::attribute) == "a\\u200fb\\u061c");
}
