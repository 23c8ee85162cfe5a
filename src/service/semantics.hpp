#pragma once

#include <optional>
#include <string_view>

#include "calendar/date.hpp"
#include "diag/diagnostics.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::service {

// The checks that span more than one value: ids that references point to, dates that must
// come in order, a quorum given one way only, an attestation's rule named once, and the
// school calendar, which it builds into `file.calendar`.
void check_semantics(ServiceFile& file, Diagnostics& diagnostics);

// The first day a self-assessment `framework` existed to be assessed against (domain.md §15.2),
// or nothing for `other`: a self-assessment dated before it is refused.
std::optional<Date> framework_first_day(std::string_view framework);

}  // namespace ppsaudit::service
