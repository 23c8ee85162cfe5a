#pragma once

#include <vector>

#include "diag/diagnostics.hpp"
#include "rules/pack.hpp"
#include "service/service_file.hpp"

// Whether a service file's attestations name rules that are in use: an attestation is matched
// to a rule by its id alone, so one that names nothing in use would be ignored without a word.
namespace ppsaudit::rules {

// Reports each attestation of `file` that names no rule of `rules` (the profile's and the packs'
// in use) as an input error located at the id, with the closest rule id ("joint-comissioning":
// did you mean 'send-cop-2015/joint-commissioning'?). A criterion id, which several rules may
// share, is told apart and answered with the attested rules that encode it. An attestation of a
// rule checked from the file's data is a warning, for it changes nothing.
void check_attestations(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                        Diagnostics& diagnostics);

}  // namespace ppsaudit::rules
