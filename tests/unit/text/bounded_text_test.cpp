#include "text/bounded_text.hpp"

#include <string>

#include <doctest/doctest.h>

namespace ppsaudit::text {

TEST_CASE("bounded text keeps what fits and cuts the rest at a code point, ellipsis included") {
  BoundedText fits(8);
  fits.append("abcd");
  fits.append("efgh");
  CHECK(!fits.full());
  CHECK(fits.text() == "abcdefgh");

  BoundedText cut(8);
  cut.append("abcd");
  cut.append("éfgh");  // 9 bytes in all: 5 may stay beside the ellipsis, but the 5th is half an é
  CHECK(cut.full());
  CHECK(cut.text() == "abcd…");
  cut.append("more");
  CHECK(cut.text() == "abcd…");
}

TEST_CASE("bounded text stops a walk that visits more places than it may write bytes") {
  BoundedText out(4);
  int visits = 0;
  while (out.visit()) {
    ++visits;
  }
  CHECK(visits == 4);
  CHECK(out.full());
  CHECK(out.text() == "…");
}

}  // namespace ppsaudit::text
