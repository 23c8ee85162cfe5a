#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "deadlines_support.hpp"

// The window of upcoming_deadlines: after the audit date and no later than `days` after it
// (ppsaudit(1), --due-within), what is overdue left to the rules, and the order of the list.
// Expected dates are worked out by hand, as in deadlines_test.cpp.

namespace {

using deadlines_test::listed;
using deadlines_test::load;

// Audited as of 2008-07-31 with 32 days, the window is 2008-08-01 to 2008-09-01.
constexpr std::string_view k_edges =
    "monitoring:\n"
    "  - id: due-on-audit-date\n"  // line 9: 2008-07-01 + 30 days = 2008-07-31
    "    subjects: [publications]\n"
    "    aspect: accuracy\n"
    "    cadence: every 30 days\n"
    "    last_done: 2008-07-01\n"
    "  - id: first-day\n"  // line 14: 2008-05-01 + 3 months = 2008-08-01
    "    subjects: [publications]\n"
    "    aspect: accuracy\n"
    "    cadence: quarterly\n"
    "    last_done: 2008-05-01\n"
    "  - id: last-day\n"  // line 19: 2008-06-01 + 3 months = 2008-09-01
    "    subjects: [publications]\n"
    "    aspect: accuracy\n"
    "    cadence: quarterly\n"
    "    last_done: 2008-06-01\n"
    "  - id: day-beyond\n"  // line 24: 2008-06-02 + 3 months = 2008-09-02
    "    subjects: [publications]\n"
    "    aspect: accuracy\n"
    "    cadence: quarterly\n"
    "    last_done: 2008-06-02\n"
    "  - id: overdue\n"  // line 29: 2008-04-30 + 3 months = 2008-07-30
    "    subjects: [publications]\n"
    "    aspect: accuracy\n"
    "    cadence: quarterly\n"
    "    last_done: 2008-04-30\n";

// One record of each kind, all done by 2008-07-31 and all due again in the rest of 2008.
constexpr std::string_view k_every_kind =
    "policies:\n"
    "  - id: imp\n"
    "    kind: impartiality\n"
    "    title: Impartiality Policy\n"
    "    last_reviewed: 2007-09-01\n"  // + 12 months: 2008-09-01
    "    review: {cadence: annually}\n"
    "groups:\n"
    "  - id: pag\n"
    "    name: PAG\n"
    "    type: advisory\n"
    "    meets: termly\n"
    "    meetings: [{date: 2008-06-10}]\n"  // summer 2008, so by the end of autumn: 2008-12-31
    "    terms_of_reference: {adopted: 2007-10-01, review_cadence: annually}\n"  // 2008-10-01
    "monitoring:\n"
    "  - {id: leaflets, subjects: [publications], aspect: impartiality, cadence: annually,\n"
    "     last_done: 2007-11-01}\n"  // 2008-11-01
    "people:\n"
    "  - id: ppo1\n"
    "    kind: staff\n"
    "    role: parent_partnership_officer\n"
    "    training: [{topic: safeguarding, date: 2007-12-01, refresh: annually}]\n"  // 2008-12-01
    "annual_reports:\n"
    "  - {period: {kind: academic, year: 2006/07}, published: 2007-11-30}\n"  // 2008-11-30
    "attestations:\n"
    "  - {criterion: demo/no-directive-advice, statement: No directive advice, by: Manager,\n"
    "     date: 2007-09-15}\n";  // valid for a year: 2008-09-15

// Five deadlines: four on the same day, one earlier though collected last.
constexpr std::string_view k_ties =
    "policies:\n"
    "  - id: imp\n"  // line 9
    "    kind: impartiality\n"
    "    title: Impartiality Policy\n"
    "    last_reviewed: 2007-09-01\n"
    "    review: {cadence: annually}\n"
    "  - id: conf\n"  // line 14
    "    kind: confidentiality\n"
    "    title: Confidentiality Policy\n"
    "    last_reviewed: 2007-09-01\n"
    "    review: {cadence: annually}\n"
    "monitoring:\n"
    "  - id: leaflets\n"  // line 20
    "    subjects: [publications]\n"
    "    aspect: impartiality\n"
    "    cadence: annually\n"
    "    last_done: 2007-09-01\n"
    "people:\n"
    "  - id: ppo1\n"
    "    name: Jane Smith\n"
    "    kind: staff\n"
    "    role: parent_partnership_officer\n"
    "    training:\n"
    "      - {topic: safeguarding, date: 2007-08-15, refresh: annually}\n"  // line 31, column 9
    "annual_reports:\n"
    "  - period: {kind: academic, year: 2006/07}\n"  // line 33
    "    published: 2007-09-01\n";

}  // namespace

TEST_CASE("lists what falls due from the audit date itself up to the window's last day, and nothing beyond") {
  const auto file = load(k_edges);
  // Due today is not yet overdue (the rules count it on time), so it must be listed here.
  CHECK(listed(file, "2008-07-31", 32) ==
        "2008-07-31 monitoring: monitoring 'due-on-audit-date' (accuracy) (t.yaml:9:5)\n"
        "2008-08-01 monitoring: monitoring 'first-day' (accuracy) (t.yaml:14:5)\n"
        "2008-09-01 monitoring: monitoring 'last-day' (accuracy) (t.yaml:19:5)\n");
  CHECK(listed(file, "2008-07-30", 1) ==
        "2008-07-30 monitoring: monitoring 'overdue' (accuracy) (t.yaml:29:5)\n"
        "2008-07-31 monitoring: monitoring 'due-on-audit-date' (accuracy) (t.yaml:9:5)\n");
  CHECK(listed(file, "2008-08-01", 0) == "2008-08-01 monitoring: monitoring 'first-day' (accuracy) (t.yaml:14:5)\n");
}

TEST_CASE("moves the window's last day with the number of days") {
  const auto file = load(k_edges);
  CHECK(listed(file, "2008-07-31", 33) ==
        "2008-07-31 monitoring: monitoring 'due-on-audit-date' (accuracy) (t.yaml:9:5)\n"
        "2008-08-01 monitoring: monitoring 'first-day' (accuracy) (t.yaml:14:5)\n"
        "2008-09-01 monitoring: monitoring 'last-day' (accuracy) (t.yaml:19:5)\n"
        "2008-09-02 monitoring: monitoring 'day-beyond' (accuracy) (t.yaml:24:5)\n");
  CHECK(listed(file, "2008-07-31", 1) ==
        "2008-07-31 monitoring: monitoring 'due-on-audit-date' (accuracy) (t.yaml:9:5)\n"
        "2008-08-01 monitoring: monitoring 'first-day' (accuracy) (t.yaml:14:5)\n");
  CHECK(listed(file, "2008-07-31", 0) ==
        "2008-07-31 monitoring: monitoring 'due-on-audit-date' (accuracy) (t.yaml:9:5)\n");
}

TEST_CASE("lists every kind of deadline, earliest first") {
  const auto file = load(k_every_kind);
  CHECK(listed(file, "2008-07-31", 3660) ==
        "2008-09-01 policy_review: review the policy 'Impartiality Policy' (t.yaml:9:5)\n"
        "2008-09-15 attestation: attest 'demo/no-directive-advice' again (t.yaml:32:5)\n"
        "2008-10-01 terms_of_reference_review: review the terms of reference of 'PAG' (t.yaml:20:25)\n"
        "2008-11-01 monitoring: monitoring 'leaflets' (impartiality) (t.yaml:22:5)\n"
        "2008-11-30 annual_report: publish the next annual report (a year after the last) (t.yaml:30:5)\n"
        "2008-12-01 training_refresh: ppo1 refreshes safeguarding training (t.yaml:28:16)\n"
        "2008-12-31 meeting: the next meeting of 'PAG' (t.yaml:19:16)\n");
}

TEST_CASE("leaves out what is already overdue, of every kind") {
  const auto file = load(k_every_kind);
  // Every record is the same as above, and every date it gives is before 2009-01-01.
  CHECK(listed(file, "2009-01-01", 3660).empty());
  // The meeting is due on the audit date itself: not overdue yet, so still listed.
  CHECK(listed(file, "2008-12-31", 3660) == "2008-12-31 meeting: the next meeting of 'PAG' (t.yaml:19:16)\n");
  CHECK(listed(file, "2008-12-30", 3660) == "2008-12-31 meeting: the next meeting of 'PAG' (t.yaml:19:16)\n");
}

TEST_CASE("orders deadlines due on the same day by kind, then by what is to be done") {
  const auto file = load(k_ties);
  CHECK(listed(file, "2008-07-31", 60) ==
        "2008-08-15 training_refresh: Jane Smith refreshes safeguarding training (t.yaml:31:9)\n"
        "2008-09-01 annual_report: publish the next annual report (a year after the last) (t.yaml:33:5)\n"
        "2008-09-01 monitoring: monitoring 'leaflets' (impartiality) (t.yaml:20:5)\n"
        "2008-09-01 policy_review: review the policy 'Confidentiality Policy' (t.yaml:14:5)\n"
        "2008-09-01 policy_review: review the policy 'Impartiality Policy' (t.yaml:9:5)\n");
}
