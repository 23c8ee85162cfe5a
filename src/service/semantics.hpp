#pragma once

#include "diag/diagnostics.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::service {

// The checks that span more than one value: ids that references point to, dates that must
// come in order, a quorum given one way only, and the school calendar, which it builds
// into `file.calendar`.
void check_semantics(ServiceFile& file, Diagnostics& diagnostics);

}  // namespace ppsaudit::service
