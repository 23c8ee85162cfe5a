#include <atomic>
#include <stdexcept>
#include <vector>

#include <doctest/doctest.h>

#include "cli/check.hpp"

using ppsaudit::for_each_index;
using ppsaudit::Turnstile;
using ppsaudit::worker_count;

TEST_CASE("every index is worked on exactly once, on one thread or many") {
  for (const unsigned threads : {1U, 2U, 4U, 16U}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> seen(1000);
    for_each_index(seen.size(), threads, [&](std::size_t i) { ++seen[i]; });
    for (const auto& count : seen) {
      CHECK(count == 1);
    }
  }
}

TEST_CASE("turns come in the order of the indexes, whichever thread reaches them first") {
  for (const unsigned threads : {1U, 3U, 8U}) {
    CAPTURE(threads);
    Turnstile turns;
    std::vector<std::size_t> order;  // appended to only in turn, so without a lock of its own
    for_each_index(500, threads, [&](std::size_t i) { CHECK(turns.in_turn(i, [&] { order.push_back(i); })); });
    REQUIRE(order.size() == 500);
    for (std::size_t i = 0; i < order.size(); ++i) {
      CHECK(order[i] == i);
    }
  }
}

TEST_CASE("the first exception of a worker is thrown to the caller, and no turn waits for ever") {
  Turnstile turns;
  std::vector<std::size_t> ran;  // appended to only in turn
  const auto work = [&](std::size_t i) {
    try {
      if (i == 7) {
        throw std::runtime_error("out of memory");  // before its turn: later turns must not wait for it
      }
      turns.in_turn(i, [&] { ran.push_back(i); });
    } catch (...) {
      turns.abandon();
      throw;
    }
  };
  // Returning at all shows that no worker waits for index 7's turn.
  CHECK_THROWS_WITH(for_each_index(100, 4, work), "out of memory");
  // The turns that ran are the first ones, in order, and none after the failed index.
  REQUIRE(ran.size() <= 7);
  for (std::size_t i = 0; i < ran.size(); ++i) {
    CHECK(ran[i] == i);
  }
  // A turn whose work throws still passes the turn on.
  Turnstile passing;
  CHECK_THROWS(passing.in_turn(0, [] { throw std::runtime_error("x"); }));
  CHECK(passing.in_turn(1, [] {}));
}

TEST_CASE("the number of workers is --jobs, or one per core, never more than the files, at least one") {
  CHECK(worker_count(3, 10) == 3);
  CHECK(worker_count(8, 2) == 2);
  CHECK(worker_count(1, 0) == 1);
  CHECK(worker_count(0, 1000) >= 1);
  CHECK(worker_count(0, 1) == 1);
}
