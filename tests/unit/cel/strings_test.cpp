#include <doctest/doctest.h>

#include "support.hpp"

namespace testing = ppsaudit::cel::testing;

TEST_CASE("size, substring and indexOf count code points, not bytes") {
  CHECK(testing::run("size('caf\xc3\xa9 \xf0\x9f\x98\x80')") == "value: 6");
  CHECK(testing::run("'\xe2\x82\xac\xf0\x9f\x98\x80x'.substring(1, 2) == '\xf0\x9f\x98\x80'") == "value: true");
  CHECK(testing::run("'\xe2\x82\xac\xf0\x9f\x98\x80x'.indexOf('x')") == "value: 2");
}

// Only `ppsaudit rules eval` can put such bytes in a string: service files and rule packs are
// checked to be UTF-8 when read.
TEST_CASE("size, substring and indexOf count each byte that is not UTF-8 as one code point") {
  CHECK(testing::run("size('\xe2\x82')") == "value: 2");  // cut short
  CHECK(testing::run("size('a\x80"
                     "b')") == "value: 3");  // a stray continuation byte
  CHECK(testing::run("'a\x80"
                     "b'.substring(2) == 'b'") == "value: true");
  CHECK(testing::run("'\xed\xa0\x80x'.indexOf('x')") == "value: 3");  // a surrogate, three bytes
}
