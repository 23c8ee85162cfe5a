#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "cel/program.hpp"
#include "rules/domain_functions.hpp"
#include "rules/service_binding.hpp"
#include "service/loader.hpp"

namespace {

using ppsaudit::Date;

// The Cambridgeshire-like advisory group of the tests: met in autumn and summer 2007/08.
constexpr std::string_view k_service =
    "ppsaudit: 1\n"
    "service:\n"
    "  name: Test Service\n"
    "  local_authority: Test Council\n"
    "  hosting: in_house\n"
    "  framework: sen_cop_2001\n"
    "  audiences: [parents_and_carers]\n"
    "policies:\n"
    "  - {id: imp, kind: impartiality, title: Impartiality, last_reviewed: 2007-09-01,\n"
    "     review: {cadence: every 2 years, by: pag}}\n"
    "groups:\n"
    "  - id: pag\n"
    "    name: PAG\n"
    "    type: advisory\n"
    "    meets: termly\n"
    "    members:\n"
    "      - {id: a, represents: parent_network, is_parent_carer: true, seat: standing}\n"
    "      - {id: b, represents: parent_network, is_parent_carer: true, seat: rotating}\n"
    "      - {id: c, represents: parent_carer_forum, is_parent_carer: true}\n"
    "      - {id: d, represents: local_authority}\n"
    "      - {id: e, represents: young_people}\n"
    "    meetings:\n"
    "      - {date: 2007-10-16}\n"
    "      - {date: 2008-06-10}\n";

class Fixture {
 public:
  explicit Fixture(std::string_view as_of) {
    ppsaudit::Diagnostics diagnostics;
    auto loaded = ppsaudit::service::parse_service(k_service, "t.yaml", diagnostics);
    REQUIRE(loaded.has_value());
    m_file = std::make_unique<ppsaudit::service::ServiceFile>(std::move(*loaded));
    m_context.file = m_file.get();
    m_context.as_of = std::get<Date>(ppsaudit::parse_date(as_of));
    auto env = std::make_shared<ppsaudit::cel::Env>(ppsaudit::cel::Env::standard());
    ppsaudit::rules::declare_service(*env);
    ppsaudit::rules::declare_domain_functions(*env);
    m_env = env;
    m_activation = ppsaudit::rules::bind_service(*m_file, m_context.as_of);
  }

  // The value in CEL literal syntax, or "error: message".
  std::string eval(std::string_view expression) const {
    auto compiled = ppsaudit::cel::compile(m_env, expression);
    if (const auto* errors = std::get_if<std::vector<ppsaudit::cel::CompileError>>(&compiled)) {
      return "compile error: " + errors->front().message;
    }
    ppsaudit::cel::EvalOptions options;
    options.host = &m_context;
    const auto value = std::get<ppsaudit::cel::Program>(compiled).evaluate(m_activation, options);
    if (const auto* error = value.as_error()) {
      return "error: " + error->message;
    }
    return ppsaudit::cel::to_cel_literal(value);
  }

 private:
  std::unique_ptr<ppsaudit::service::ServiceFile> m_file;
  ppsaudit::rules::AuditContext m_context;
  std::shared_ptr<const ppsaudit::cel::Env> m_env;
  ppsaudit::cel::Activation m_activation;
};

}  // namespace

TEST_CASE("binds the service file's values with their schema types") {
  const Fixture audit("2008-07-31");
  CHECK(audit.eval("service.name") == "\"Test Service\"");
  CHECK(audit.eval("policies[0].last_reviewed") == "timestamp(\"2007-09-01T00:00:00Z\")");
  CHECK(audit.eval("string(policies[0].review.cadence)") == "\"biennially\"");
  CHECK(audit.eval("as_of") == "timestamp(\"2008-07-31T00:00:00Z\")");
}

TEST_CASE("makes a misspelt service field an error when the expression is checked") {
  const Fixture audit("2008-07-31");
  CHECK(audit.eval("policies[0].last_reveiwed") ==
        "compile error: no field 'last_reveiwed' on type 'Policy' (did you mean 'last_reviewed'?)");
  CHECK(audit.eval("polices.size()") == "compile error: undeclared reference to 'polices' (did you mean 'policies'?)");
}

TEST_CASE("reports a top-level key the file leaves out instead of passing") {
  const Fixture audit("2008-07-31");
  CHECK(audit.eval("people.all(p, p.kind == 'staff')") ==
        "error: the file does not record its staff and volunteers (`people`)");
  CHECK(audit.eval("has(file.people)") == "false");
  CHECK(audit.eval("has(file.groups)") == "true");
  CHECK(audit.eval("has(policies[0].adopted)") == "false");
  CHECK(audit.eval("policies[0].adopted < as_of") == "error: no such field 'adopted'");
}

TEST_CASE("counts whole months and days back from the audit date") {
  const Fixture audit("2008-07-31");
  CHECK(audit.eval("months_since(policies[0].last_reviewed)") == "10");
  CHECK(audit.eval("days_since(timestamp('2008-07-01T00:00:00Z'))") == "30");
  CHECK(audit.eval("add_months(timestamp('2008-01-31T00:00:00Z'), 1)") == "timestamp(\"2008-02-29T00:00:00Z\")");
}

TEST_CASE("judges 'done within its cadence' as of the audit date") {
  CHECK(Fixture("2009-09-01").eval("within(policies[0].last_reviewed, policies[0].review.cadence)") == "true");
  CHECK(Fixture("2009-09-02").eval("within(policies[0].last_reviewed, policies[0].review.cadence)") == "false");
  CHECK(Fixture("2008-07-31").eval("due(policies[0].last_reviewed, cadence('annually'))") ==
        "timestamp(\"2008-09-01T00:00:00Z\")");
}

TEST_CASE("makes termly due by the end of the next term") {
  // Autumn 2007 meeting: due by the end of spring 2008 (the day before Easter Sunday, 23 March).
  const Fixture audit("2008-03-22");
  CHECK(audit.eval("due(groups[0].meetings[0].date, groups[0].meets)") == "timestamp(\"2008-03-22T00:00:00Z\")");
  CHECK(audit.eval("within(groups[0].meetings[0].date, groups[0].meets)") == "true");
  CHECK(Fixture("2008-03-23").eval("within(groups[0].meetings[0].date, groups[0].meets)") == "false");
}

TEST_CASE("refuses an ambiguous cadence written in a rule") {
  const Fixture audit("2008-07-31");
  CHECK(audit.eval("string(cadence('P6M'))") == "\"twice-yearly\"");
  CHECK(audit.eval("cadence('bi-annual')").starts_with("error: 'bi-annual' is ambiguous"));
  CHECK(audit.eval("months(cadence('termly'))") == "error: 'termly' is not a number of months");
}

TEST_CASE("finds the terms without a meeting in an academic year") {
  const Fixture audit("2008-07-31");
  CHECK(audit.eval("terms('2007/08').map(t, t.name)") == "[\"autumn\", \"spring\", \"summer\"]");
  CHECK(audit.eval("terms('2007/08').filter(t, !groups[0].meetings.exists(m, in_term(m.date, t)))"
                   ".map(t, t.label)") == "[\"spring 2007/08\"]");
  CHECK(audit.eval("academic_year(as_of)") == "\"2007/08\"");
  CHECK(audit.eval("terms('2007/09')") == "error: '2007/09' is not an academic year such as '2007/08'");
}

TEST_CASE("lists the last terms that have ended by the audit date") {
  CHECK(Fixture("2008-07-31").eval("completed_terms(2).map(t, t.label)") == "[\"spring 2007/08\", \"summer 2007/08\"]");
  CHECK(Fixture("2008-07-30").eval("completed_terms(1).map(t, t.label)") == "[\"spring 2007/08\"]");
}

TEST_CASE("counts each parent or young person member once") {
  const Fixture audit("2008-07-31");
  CHECK(audit.eval("parent_members(groups[0].members)") == "3");
  CHECK(audit.eval("young_person_members(groups[0].members)") == "1");
  CHECK(audit.eval("groups[0].members.filter(m, m.seat == 'rotating').size()") == "error: no such field 'seat'");
}
