#pragma once

#include "calendar/date.hpp"
#include "cel/env.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::rules {

// What the domain functions need to know about the audit in progress. Each evaluation is
// handed one (cel::EvalOptions::host), so one environment serves every service and thread.
struct AuditContext {
  const service::ServiceFile* file = nullptr;
  Date as_of;
};

// Declares the functions rule authors use for dates, cadences, school terms and group
// membership (documented in ppsaudit-rules(5), DOMAIN FUNCTIONS), and the SchoolTerm type.
void declare_domain_functions(cel::Env& env);

}  // namespace ppsaudit::rules
