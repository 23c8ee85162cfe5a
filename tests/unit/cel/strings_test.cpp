#include <doctest/doctest.h>

#include "support.hpp"

namespace testing = ppsaudit::cel::testing;

TEST_CASE("size, substring and indexOf count code points, not bytes") {
  CHECK(testing::run("size('caf\xc3\xa9 \xf0\x9f\x98\x80')") == "value: 6");
  CHECK(testing::run("'\xe2\x82\xac\xf0\x9f\x98\x80x'.substring(1, 2) == '\xf0\x9f\x98\x80'") == "value: true");
  CHECK(testing::run("'\xe2\x82\xac\xf0\x9f\x98\x80x'.indexOf('x')") == "value: 2");
}

// Bytes that are not UTF-8 never reach a string: service files and rule packs are checked to
// be UTF-8 when read, and an expression that is not is a compile error (evaluator_test.cpp).
