#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "deadlines_support.hpp"

// Each row is one kind of deadline from one small service. The expected dates were worked out
// by hand from the data and ppsaudit-service(5), ppsaudit-rules(5) (due: a cadence of months
// counts from the date, a month from the 31st ending on the last day of a shorter month;
// termly is due by the end of the next term) and ppsaudit(1), --due-within. Records start on
// line 8, after the seven-line header; a record's position is that of its first key, so an
// item of a top-level list ("  - id: ...") is at column 5 and one nested a level deeper at 9.

namespace {

using deadlines_test::listed;
using deadlines_test::load;

struct Row {
  const char* name;
  std::string_view records;
  std::string_view as_of;
  int days;
  std::string_view expected;  // one line per deadline, earliest first
};

const Row k_rows[] = {
    {"a policy review due a year after the last one",
     "policies:\n"
     "  - id: imp\n"
     "    kind: impartiality\n"
     "    title: Impartiality Policy\n"
     "    last_reviewed: 2007-09-01\n"
     "    review:\n"
     "      cadence: annually\n",
     "2008-07-31", 60,  // 2007-09-01 + 12 months
     "2008-09-01 policy_review: review the policy 'Impartiality Policy' (t.yaml:9:5)\n"},

    {"a policy never reviewed, due six months after its adoption at the end of a shorter month",
     "policies:\n"
     "  - id: conf\n"
     "    kind: confidentiality\n"
     "    title: Confidentiality Policy\n"
     "    adopted: 2008-03-31\n"
     "    review:\n"
     "      cadence: twice-yearly\n",
     "2008-07-31", 90,  // 2008-03-31 + 6 months: September has no 31st
     "2008-09-30 policy_review: review the policy 'Confidentiality Policy' (t.yaml:9:5)\n"},

    {"a policy review on the date the policy sets, at its next_due key, instead of its cadence",
     "policies:\n"
     "  - id: imp\n"
     "    kind: impartiality\n"
     "    title: Impartiality Policy\n"
     "    last_reviewed: 2007-09-01\n"
     "    review:\n"
     "      cadence: annually\n"
     "      next_due: 2008-08-20\n",
     "2008-07-31", 60,  // next_due, line 15 at the review's indentation
     "2008-08-20 policy_review: review the policy 'Impartiality Policy' (t.yaml:15:7)\n"},

    {"a termly group's next meeting by the end of the term after its latest meeting so far",
     "groups:\n"
     "  - id: pag\n"
     "    name: Parents Advisory Group\n"
     "    type: advisory\n"
     "    meets: termly\n"
     "    meetings:\n"
     "      - date: 2007-10-16\n"
     "      - date: 2008-02-05\n"
     "      - date: 2008-06-10\n",
     // As of 1 March the latest meeting is 5 February, in spring (to 22 March, the day before
     // Easter Sunday 2008); the next term, summer, ends 31 July. The June meeting is yet to come.
     "2008-03-01", 200, "2008-07-31 meeting: the next meeting of 'Parents Advisory Group' (t.yaml:15:9)\n"},

    {"a termly meeting held in the August holiday, due by the end of the autumn term",
     "groups:\n"
     "  - id: pag\n"
     "    name: Parents Advisory Group\n"
     "    type: advisory\n"
     "    meets: termly\n"
     "    meetings:\n"
     "      - date: 2008-08-20\n",
     "2008-08-31", 150,  // the last term begun is summer 2008; the one after it is autumn
     "2008-12-31 meeting: the next meeting of 'Parents Advisory Group' (t.yaml:14:9)\n"},

    {"a termly meeting due by the end of the next term as the service's own calendar dates it",
     "school_calendar:\n"
     "  dated_terms:\n"
     "    - {name: autumn, starts: 2008-09-03, ends: 2008-12-19}\n"
     "groups:\n"
     "  - id: pag\n"
     "    name: Parents Advisory Group\n"
     "    type: advisory\n"
     "    meets: termly\n"
     "    meetings:\n"
     "      - date: 2008-06-10\n",
     "2008-07-31", 180,  // summer 2008, then the dated autumn term of 2008/09
     "2008-12-19 meeting: the next meeting of 'Parents Advisory Group' (t.yaml:17:9)\n"},

    {"a review of a group's terms of reference from their last review, not their adoption",
     "groups:\n"
     "  - id: pag\n"
     "    name: Parents Advisory Group\n"
     "    type: advisory\n"
     "    terms_of_reference:\n"
     "      title: PAG terms of reference\n"
     "      adopted: 2005-09-01\n"
     "      last_reviewed: 2006-11-15\n"
     "      review_cadence: every 2 years\n",
     "2008-09-01", 90,  // 2006-11-15 + 24 months; the record is the terms_of_reference map
     "2008-11-15 terms_of_reference_review: review the terms of reference of 'Parents Advisory Group' "
     "(t.yaml:13:7)\n"},

    {"monitoring due a cadence after it was last done",
     "monitoring:\n"
     "  - id: leaflets\n"
     "    subjects: [publications]\n"
     "    aspect: impartiality\n"
     "    cadence: annually\n"
     "    last_done: 2007-10-01\n",
     "2008-09-01", 60, "2008-10-01 monitoring: monitoring 'leaflets' (impartiality) (t.yaml:9:5)\n"},

    {"a training refresh from a person's latest course of a topic, not an older one",
     "people:\n"
     "  - id: ppo1\n"
     "    name: Jane Smith\n"
     "    kind: staff\n"
     "    role: parent_partnership_officer\n"
     "    training:\n"
     "      - topic: safeguarding\n"
     "        date: 2005-06-01\n"
     "        refresh: every 3 years\n"
     "      - topic: safeguarding\n"
     "        date: 2007-09-20\n"
     "        refresh: annually\n"
     "      - topic: send_law\n"
     "        date: 2008-01-10\n",
     // The 2005 course alone would be due 2008-06-01, inside the window; the 2007 one replaced
     // it. SEND law has no refresh cadence.
     "2008-05-01", 150, "2008-09-20 training_refresh: Jane Smith refreshes safeguarding training (t.yaml:17:9)\n"},

    {"a training refresh named by the person's id, and none for someone who has left",
     "people:\n"
     "  - id: ips1\n"
     "    kind: volunteer\n"
     "    role: independent_parental_supporter\n"
     "    training:\n"
     "      - topic: independent_parental_supporter\n"
     "        date: 2007-10-01\n"
     "        refresh: annually\n"
     "  - id: ips2\n"
     "    kind: volunteer\n"
     "    role: independent_parental_supporter\n"
     "    left: 2008-07-31\n"
     "    training:\n"
     "      - topic: independent_parental_supporter\n"
     "        date: 2007-10-01\n"
     "        refresh: annually\n",
     "2008-07-31", 90,  // ips2 left on the audit date itself
     "2008-10-01 training_refresh: ips1 refreshes independent_parental_supporter training (t.yaml:13:9)\n"},

    {"a training refresh from the latest course done by the audit date, not one after it",
     "people:\n"
     "  - id: ppo1\n"
     "    name: Jane Smith\n"
     "    kind: staff\n"
     "    role: parent_partnership_officer\n"
     "    training:\n"
     "      - topic: safeguarding\n"
     "        date: 2007-09-01\n"
     "        refresh: annually\n"
     "      - topic: safeguarding\n"
     "        date: 2008-09-05\n"
     "        refresh: annually\n",
     // As of 31 July 2008 the September 2008 course has not happened: the 2007 one is due again.
     "2008-07-31", 60, "2008-09-01 training_refresh: Jane Smith refreshes safeguarding training (t.yaml:14:9)\n"},

    {"booked courses on their dates, but not one booked after the audit date",
     "people:\n"
     "  - id: ppo1\n"
     "    name: Jane Smith\n"
     "    kind: staff\n"
     "    role: parent_partnership_officer\n"
     "    started: 2008-01-07\n"
     "    training:\n"
     "      - topic: induction\n"
     "        date: 2008-01-08\n"
     "    booked_training:\n"
     "      - topic: send_law\n"
     "        date: 2008-09-18\n"
     "        booked_on: 2008-06-02\n"
     "      - topic: safeguarding\n"
     "        date: 2008-09-25\n"
     "        booked_on: 2008-08-04\n"
     "      - topic: confidentiality\n"
     "        date: 2008-08-05\n",
     // Safeguarding was booked four days after the audit date; confidentiality has no booked_on,
     // so it is taken as booked before it. Started in January: the three months are long past.
     "2008-07-31", 60,
     "2008-08-05 training_booked: Jane Smith attends booked confidentiality training (t.yaml:24:9)\n"
     "2008-09-18 training_booked: Jane Smith attends booked send_law training (t.yaml:18:9)\n"},

    {"a new starter's deadline for initial training, three months after starting",
     "people:\n"
     "  - id: ips1\n"
     "    kind: volunteer\n"
     "    role: independent_parental_supporter\n"
     "    started: 2008-06-16\n"
     "    training:\n"
     "      - topic: safeguarding\n"
     "        date: 2008-06-20\n"
     "  - id: ppo2\n"
     "    kind: staff\n"
     "    role: parent_partnership_officer\n"
     "    started: 2008-07-01\n"
     "    training: [{topic: induction, date: 2008-07-02}]\n"
     "  - id: ppo3\n"
     "    kind: staff\n"
     "    role: parent_partnership_officer\n"
     "    started: 2008-08-11\n"
     "  - id: ppo4\n"
     "    kind: staff\n"
     "    role: parent_partnership_officer\n"
     "    started: 2008-04-30\n"
     "    training: []\n",
     // Safeguarding is no induction; ppo2 is inducted; ppo3 has not started on the audit date;
     // ppo4's three months ended on 2008-07-30: overdue, so the rules report it, not this list.
     "2008-07-31", 60,
     "2008-09-16 training_deadline: ips1 completes initial training, three months after starting (t.yaml:12:5)\n"},

    {"the next annual report a year after the latest published by the audit date",
     "annual_reports:\n"
     "  - period: {kind: academic, year: 2006/07}\n"
     "    published: 2007-11-30\n"
     "  - period: {kind: academic, year: 2007/08}\n"
     "    published: 2008-11-28\n",
     "2008-07-31", 150,  // the 2007/08 report is not yet published on the audit date
     "2008-11-30 annual_report: publish the next annual report (a year after the last) (t.yaml:9:5)\n"},

    {"the next annual report on 28 February, a year after one published on 29 February",
     "annual_reports:\n"
     "  - period: {kind: financial, year: 2007/08}\n"
     "    published: 2008-02-29\n",
     "2009-01-31", 60,
     "2009-02-28 annual_report: publish the next annual report (a year after the last) (t.yaml:9:5)\n"},

    {"an attestation due again when its rule's valid_for runs out, from the latest by the audit date",
     "attestations:\n"
     "  - criterion: demo/no-directive-advice\n"
     "    statement: Staff give no directive advice\n"
     "    by: J Smith, manager\n"
     "    date: 2006-09-15\n"
     "  - criterion: demo/no-directive-advice\n"
     "    statement: Staff give no directive advice\n"
     "    by: J Smith, manager\n"
     "    date: 2007-09-15\n"
     "  - criterion: demo/no-directive-advice\n"
     "    statement: Staff give no directive advice\n"
     "    by: J Smith, manager\n"
     "    date: 2008-09-01\n"
     "  - criterion: demo/never-expires\n"
     "    statement: The policy is shared with partners\n"
     "    by: J Smith, manager\n"
     "    date: 2007-09-15\n",
     // valid_for annually: 2007-09-15 + 12 months. A rule without valid_for never falls due.
     "2008-07-31", 60, "2008-09-15 attestation: attest 'demo/no-directive-advice' again (t.yaml:13:5)\n"},

    {"a termly attestation due by the end of the term after the one it was made in",
     "attestations:\n"
     "  - criterion: demo/termly-check\n"
     "    statement: The advisory group checked the leaflets\n"
     "    by: J Smith, manager\n"
     "    date: 2008-01-15\n",
     "2008-05-01", 120,  // made in spring 2008; summer 2008 ends 31 July
     "2008-07-31 attestation: attest 'demo/termly-check' again (t.yaml:9:5)\n"},
};

}  // namespace

TEST_CASE("lists each kind of deadline with its due date, what to do and the record it comes from") {
  for (const Row& row : k_rows) {
    SUBCASE(row.name) {
      const auto file = load(row.records);
      CHECK(listed(file, row.as_of, row.days) == std::string(row.expected));
    }
  }
}

TEST_CASE("lists no attestation of a rule whose framework does not apply on the audit date") {
  const auto file = load(
      "attestations:\n"
      "  - criterion: demo/no-directive-advice\n"
      "    statement: Staff give no directive advice\n"
      "    by: J Smith, manager\n"
      "    date: 2007-09-15\n");
  ppsaudit::rules::Pack pack;
  pack.framework = "a code not yet in force";
  pack.effective_from = deadlines_test::date("2010-01-01");
  ppsaudit::rules::Rule rule = deadlines_test::attested_rule("demo/no-directive-advice", "annually");
  rule.pack = &pack;
  // The same attestation falls due on 2008-09-15 when its pack applies (the table above).
  CHECK(ppsaudit::rules::upcoming_deadlines(file, {&rule}, deadlines_test::date("2008-07-31"), 60).empty());
  pack.effective_from = deadlines_test::date("2002-01-01");
  REQUIRE(ppsaudit::rules::upcoming_deadlines(file, {&rule}, deadlines_test::date("2008-07-31"), 60).size() == 1);
}
