#include <doctest/doctest.h>

#include "report/element.hpp"
#include "rules/engine.hpp"
#include "service/loader.hpp"

using ppsaudit::report::evidence_path_in_words;

TEST_CASE("says an evidence path in words an inspector reads") {
  CHECK(evidence_path_in_words("policies[kind=impartiality].last_reviewed") == "policy 'impartiality', last reviewed");
  CHECK(evidence_path_in_words("people[id=ppo]") == "person 'ppo'");
  CHECK(evidence_path_in_words("annual_reports[published=2018-10-01]") == "annual report with published 2018-10-01");
  CHECK(evidence_path_in_words("annual_reports[#2]") == "annual report 2");
  CHECK(evidence_path_in_words("people.training") == "people, training");
  CHECK(evidence_path_in_words("arms_length.own_website") == "arm's length, own website");
  CHECK(evidence_path_in_words("groups[type=advisory].meetings") == "group 'advisory', meetings");
  // A filter's value may hold a dot.
  CHECK(evidence_path_in_words("publications[title=Guide v1.2].impartiality_checks") ==
        "publication 'Guide v1.2', impartiality checks");
}

TEST_CASE("names each finding's element, and says when the file does not record it") {
  ppsaudit::Diagnostics diagnostics;
  const auto file = ppsaudit::service::parse_service(R"(ppsaudit: 1
service:
  name: A service
  local_authority: A council
  framework: sen_cop_2001
  hosting: in_house
  audiences: [parents_and_carers]
policies:
  - id: impartiality
    kind: impartiality
    title: Impartiality policy
)",
                                                     "a.yaml", diagnostics);
  REQUIRE(file);
  ppsaudit::rules::Rule reviewed;
  reviewed.evidence = {"policies[kind=impartiality].last_reviewed"};
  ppsaudit::rules::Rule policy;
  policy.evidence = {"policies[kind=impartiality]"};
  ppsaudit::rules::Rule whole;
  ppsaudit::rules::Rule person;
  ppsaudit::rules::ServiceAudit audit{&*file, {}, {}};
  for (const auto* rule : {&reviewed, &policy, &whole, &person}) {
    ppsaudit::rules::Finding finding;
    finding.rule = rule;
    audit.findings.push_back(finding);
  }
  audit.findings[3].elements = {"people[id=ppo]", "people[id=volunteer]"};
  const auto words = ppsaudit::report::elements_in_words(*file, audit);
  REQUIRE(words.size() == 4);
  CHECK(words[0] == "policy 'impartiality', last reviewed (not recorded)");
  CHECK(words[1] == "policy 'impartiality'");
  CHECK(words[2] == "the service file as a whole");
  CHECK(words[3] == "person 'ppo' and 1 other");
}
