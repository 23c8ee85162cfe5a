#pragma once

#include <memory>

#include "calendar/date.hpp"
#include "cel/env.hpp"
#include "cel/program.hpp"
#include "service/service_file.hpp"

namespace ppsaudit::rules {

// Declares the service file's shape in a CEL environment, from the same schema the loader
// validates against: every record type as an object type (so a misspelt field is an error
// when rules load), `file` (the whole file, for has()), one variable per top-level key
// (`service`, `policies`, `groups`…), and `as_of`, the audit date.
void declare_service(cel::Env& env);

// The values for one audit of one file. A top-level key the file leaves out is bound to an
// error that names it (cel::Error::missing says which), so a rule that needs it is "not
// assessable", never passed. Each record knows its path in the file (cel::Object::path()).
cel::Activation bind_service(const service::ServiceFile& file, Date as_of);

// A date as CEL sees it: a timestamp at midnight UTC.
cel::Value date_value(Date date);
// The date of a timestamp (UTC), or nothing for a value that is not one.
std::optional<Date> date_of(const cel::Value& value);

}  // namespace ppsaudit::rules
