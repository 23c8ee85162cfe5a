#include <ostream>

#include "cli/commands.hpp"

namespace ppsaudit {

ExitCode run_validate(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
  (void)options; (void)out; (void)err;
  return ExitCode::internal;  // replaced by the loader in the next commit
}

}  // namespace ppsaudit
