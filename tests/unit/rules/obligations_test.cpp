#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "deadlines_support.hpp"

// dated_obligations, which `ppsaudit due` lists: every next occurrence however far ahead, with
// what the file shows not done by the audit date marked overdue, each with the rule that
// creates it and the record it is about. Expected dates are worked out by hand.

namespace {

using deadlines_test::date;
using deadlines_test::load;

// "2008-07-30 overdue monitoring [monitoring] overdue: ...", one line per obligation.
std::string obligations(const ppsaudit::service::ServiceFile& file, std::string_view as_of) {
  std::vector<const ppsaudit::rules::Rule*> audited;
  for (const auto& rule : deadlines_test::rules()) {
    audited.push_back(&rule);
  }
  std::string lines;
  for (const auto& item : ppsaudit::rules::dated_obligations(file, audited, date(as_of))) {
    lines += item.due.to_string() + (item.overdue ? " overdue " : " due ") + item.kind + " [" + item.rule + " " +
             item.element + "] " + item.what + "\n";
  }
  return lines;
}

// Each kind, with one record whose obligation has passed undone by 2008-07-31.
constexpr std::string_view k_late =
    "policies:\n"
    "  - {id: imp, kind: impartiality, title: Impartiality Policy, last_reviewed: 2007-06-01,\n"
    "     review: {cadence: annually}}\n"  // 2008-06-01, not reviewed since: overdue
    "  - {id: conf, kind: confidentiality, title: Confidentiality Policy, last_reviewed: 2008-03-01,\n"
    "     review: {next_due: 2008-03-01, cadence: annually}}\n"  // reviewed on the date set: 2009-03-01
    "  - {id: dp, kind: data_protection, title: Data Policy,\n"
    "     review: {next_due: 2008-05-01, cadence: annually}}\n"  // not reviewed: overdue
    "groups:\n"
    "  - id: pag\n"
    "    name: PAG\n"
    "    type: advisory\n"
    "    meets: every 3 months\n"
    "    meetings: [{date: 2008-01-10}, {date: 2008-09-10}]\n"  // 2008-04-10 overdue; September is after the audit
    "    terms_of_reference: {adopted: 2006-10-01, review_cadence: annually}\n"  // 2007-10-01 overdue
    "monitoring:\n"
    "  - {id: leaflets, subjects: [publications], aspect: impartiality, cadence: annually,\n"
    "     last_done: 2008-01-01}\n"  // 2009-01-01, far ahead but listed
    "people:\n"
    "  - id: ppo1\n"
    "    kind: staff\n"
    "    role: parent_partnership_officer\n"
    "    started: 2008-02-01\n"  // no initial training: due 2008-05-01, overdue
    "    training: [{topic: safeguarding, date: 2007-06-01, refresh: annually}]\n"  // 2008-06-01 overdue
    "    booked_training:\n"
    "      - {topic: send_law, date: 2008-07-01}\n"            // passed with no record: overdue
    "      - {topic: safeguarding, date: 2008-05-01}\n"        // passed with no record since: overdue
    "      - {topic: send_law, date: 2008-10-01}\n"            // ahead
    "    supervision: {cadence: monthly, last: 2008-06-15}\n"  // 2008-07-15 overdue
    "  - id: ppo2\n"
    "    kind: staff\n"
    "    role: parent_partnership_officer\n"
    "    training: [{topic: induction, date: 2008-06-01}, {topic: send_law, date: 2008-07-02}]\n"
    "    booked_training: [{topic: send_law, date: 2008-07-01}]\n"  // a record on or after its day: done
    "annual_reports:\n"
    "  - {period: {kind: academic, year: 2005/06}, published: 2006-11-30}\n"  // 2007-11-30 overdue
    "attestations:\n"
    "  - {criterion: demo/no-directive-advice, statement: No directive advice, by: Manager,\n"
    "     date: 2007-07-01}\n";  // valid for a year: 2008-07-01, expired

}  // namespace

TEST_CASE("marks what has passed undone overdue, lists it first, and lists what is due however far ahead") {
  const auto file = load(k_late);
  CHECK(obligations(file, "2008-07-31") ==
        "2007-10-01 overdue terms_of_reference_review [groups.terms_of_reference pag] review the terms of reference "
        "of 'PAG'\n"
        "2007-11-30 overdue annual_report [annual_reports annual-report] publish the next annual report (a year after "
        "the last)\n"
        "2008-04-10 overdue meeting [groups.meets pag] the next meeting of 'PAG'\n"
        "2008-05-01 overdue policy_review [policies.review dp] review the policy 'Data Policy'\n"
        "2008-05-01 overdue training_booked [people.booked_training ppo1/safeguarding/1] ppo1 attends booked "
        "safeguarding training\n"
        "2008-05-01 overdue training_deadline [people.started ppo1] ppo1 completes initial training, three months "
        "after starting\n"
        "2008-06-01 overdue policy_review [policies.review imp] review the policy 'Impartiality Policy'\n"
        "2008-06-01 overdue training_refresh [people.training ppo1/safeguarding] ppo1 refreshes safeguarding "
        "training\n"
        "2008-07-01 overdue attestation [demo/no-directive-advice demo/no-directive-advice] attest "
        "'demo/no-directive-advice' again\n"
        "2008-07-01 overdue training_booked [people.booked_training ppo1/send_law/1] ppo1 attends booked send_law "
        "training\n"
        "2008-07-15 overdue supervision [people.supervision ppo1] ppo1 is supervised\n"
        "2008-10-01 due training_booked [people.booked_training ppo1/send_law/2] ppo1 attends booked send_law "
        "training\n"
        "2009-01-01 due monitoring [monitoring leaflets] monitoring 'leaflets' (impartiality)\n"
        "2009-03-01 due policy_review [policies.review conf] review the policy 'Confidentiality Policy'\n");
}

TEST_CASE("what is done again by the audit date is no longer overdue, and the next occurrence is listed") {
  const auto file = load(k_late);
  // By 2008-09-30 the group met on 2008-09-10: the next meeting is 2008-12-10, not overdue.
  const std::string later = obligations(file, "2008-09-30");
  CHECK(later.find("2008-12-10 due meeting [groups.meets pag]") != std::string::npos);
  CHECK(later.find("2008-04-10") == std::string::npos);
}

TEST_CASE("the check command's window is the obligations due from the audit date on") {
  const auto file = load(k_late);
  std::vector<const ppsaudit::rules::Rule*> audited;
  for (const auto& rule : deadlines_test::rules()) {
    audited.push_back(&rule);
  }
  const auto upcoming = ppsaudit::rules::upcoming_deadlines(file, audited, date("2008-07-31"), 90);
  REQUIRE(upcoming.size() == 1);
  CHECK(upcoming[0].due == date("2008-10-01"));
  CHECK_FALSE(upcoming[0].overdue);
}

TEST_CASE("a first declaration of interests falls due on starting, and a waiver on its last day") {
  const auto file = load(
      "people:\n"
      "  - {id: ppo1, kind: staff, role: parent_partnership_officer, started: 2008-02-01, declarations: []}\n"
      "  - {id: ppo2, kind: staff, role: parent_partnership_officer, declarations: []}\n"
      "  - id: ppo3\n"  // declared: nothing due
      "    kind: staff\n"
      "    role: parent_partnership_officer\n"
      "    declarations: [{date: 2008-03-01, kind: none_to_declare}]\n"
      "  - {id: ppo4, kind: staff, role: parent_partnership_officer}\n"  // declarations unknown: nothing listed
      "  - id: ppo5\n"  // declares only after the audit date: still owed
      "    kind: volunteer\n"
      "    role: independent_parental_supporter\n"
      "    started: 2008-07-01\n"
      "    declarations: [{date: 2008-09-01, kind: none_to_declare}]\n"
      "  - {id: ppo6, kind: staff, role: parent_partnership_officer, started: 2008-09-01, declarations: []}\n"
      "  - {id: ppo7, kind: staff, role: parent_partnership_officer, left: 2008-06-30, declarations: []}\n"
      "waivers:\n"
      "  - {rule: demo/no-directive-advice, justification: j, approved_by: a, granted: 2008-01-01,\n"
      "     expires: 2008-06-30}\n"  // ended before the audit date: overdue
      "  - {rule: demo/no-directive-advice, scope: 'people[id=ppo1]', justification: j, approved_by: a,\n"
      "     granted: 2008-07-01, expires: 2008-12-31}\n"
      "  - {rule: demo/no-directive-advice, justification: j, approved_by: a, granted: 2008-08-01,\n"
      "     expires: 2008-12-31}\n");  // granted after the audit date: not yet in force
  CHECK(obligations(file, "2008-07-31") ==
        "2008-02-01 overdue declaration [people.declarations ppo1] ppo1 declares their interests to the manager\n"
        "2008-05-01 overdue training_deadline [people.started ppo1] ppo1 completes initial training, three months "
        "after starting\n"
        "2008-06-30 overdue waiver_expiry [demo/no-directive-advice demo/no-directive-advice] meet "
        "'demo/no-directive-advice' or renew its waiver, which ends this day\n"
        "2008-07-01 overdue declaration [people.declarations ppo5] ppo5 declares their interests to the manager\n"
        "2008-07-31 due declaration [people.declarations ppo2] ppo2 declares their interests to the manager\n"
        "2008-10-01 due training_deadline [people.started ppo5] ppo5 completes initial training, three months after "
        "starting\n"
        "2008-12-31 due waiver_expiry [demo/no-directive-advice demo/no-directive-advice/people[id=ppo1]] meet "
        "'demo/no-directive-advice' for people[id=ppo1] or renew its waiver, which ends this day\n");
}
